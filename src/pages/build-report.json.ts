/** `build-report.json`: the fate of every file in the content folder. */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../astro/site-model.ts';

export const GET: APIRoute = async () =>
  new Response((await loadSiteData()).reportJson, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
