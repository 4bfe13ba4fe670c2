// @ts-check
import { defineConfig } from 'astro/config';
import { resolveSiteConfig } from './src/lib/config.ts';
import { pagefindSearch } from './src/integrations/search.ts';
import { securityHeaderFiles } from './src/integrations/security-headers.ts';
import { siteSitemap } from './src/integrations/sitemap.ts';

// CONTENT_DIR, SITE_URL, BASE_PATH: validated here so a bad value stops the build at once.
const config = resolveSiteConfig(process.env, process.cwd());

export default defineConfig({
  site: config.siteUrl,
  base: config.basePath,
  trailingSlash: 'always',
  // A separate, cacheable stylesheet (and no inline style to allow in a Content-Security-Policy).
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Scripts as files too: a strict Content-Security-Policy then needs no inline-script hashes.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  integrations: [pagefindSearch(), ...siteSitemap(config.basePath), securityHeaderFiles()],
});
