/**
 * Astro's middleware: in a build, hands every rendered page to the integrations that work on
 * the built HTML while the rest renders (src/astro/rendered-pages.ts). It changes no page.
 */
import { defineMiddleware } from 'astro:middleware';
import { observeRenderedPage } from './astro/rendered-pages.ts';

export const onRequest = defineMiddleware((context, next) => observeRenderedPage(context.url.pathname, next));
