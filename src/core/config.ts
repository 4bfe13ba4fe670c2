/**
 * Build settings from the environment (`CONTENT_DIR`, `SITE_URL`, `BASE_PATH`, …), validated
 * once so that a typo stops the build at once with a message that says what to fix.
 */
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from './limits.ts';

export interface SiteConfig {
  /** Absolute path of the folder searched for article files. */
  contentDir: string;
  /** Absolute origin for canonical URLs, feeds and the sitemap, without a trailing slash. */
  siteUrl: string;
  /** Path the site is served under, with leading and trailing slash (`/`, `/news/`). */
  basePath: string;
  /** Article files larger than this are rejected. */
  maxFileBytes: number;
  /** STRICT=1: any rejected file fails the build. */
  strict: boolean;
  /**
   * SITE_LANG: the site's language (a BCP 47 tag such as `en`, `fr`, `pt-BR`): the interface
   * strings, `<html lang>` of pages that are not articles, and the language of an article whose
   * language cannot be told from its text.
   */
  siteLang: string;
  /** OFFLINE=0: no web app manifest and no service worker. */
  offline: boolean;
}

/**
 * Reads and validates the settings.
 *
 * @param env - the environment, usually `process.env`
 * @param projectRoot - folder that a relative `CONTENT_DIR` is resolved against
 * @throws Error with an actionable message when a setting is malformed
 */
export function resolveSiteConfig(env: Record<string, string | undefined>, projectRoot: string): SiteConfig {
  const contentSetting = env['CONTENT_DIR']?.trim() || 'content';
  return {
    contentDir: isAbsolute(contentSetting) ? contentSetting : resolve(projectRoot, contentSetting),
    siteUrl: parseSiteUrl(env['SITE_URL']?.trim() || 'http://localhost:4321'),
    basePath: parseBasePath(env['BASE_PATH']?.trim() || '/'),
    maxFileBytes: parseByteLimit(env['MAX_FILE_BYTES']?.trim()),
    strict: parseFlag('STRICT', env['STRICT']?.trim()),
    siteLang: parseLanguageTag(env['SITE_LANG']?.trim() || 'en'),
    offline: parseFlag('OFFLINE', env['OFFLINE']?.trim() || '1'),
  };
}

function parseSiteUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://news.example.org, but it is "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL must start with http:// or https://, but it is "${raw}".`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`SITE_URL must be an origin only (put the path in BASE_PATH), but it is "${raw}".`);
  }
  return url.origin;
}

function parseBasePath(raw: string): string {
  const withSlashes = `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(withSlashes) || /\/\.{1,2}\//.test(withSlashes)) {
    throw new Error(
      `BASE_PATH must be a URL path such as /news/ (letters, digits, "-", "_", "." and "~" between slashes), but it is "${raw}".`,
    );
  }
  return withSlashes;
}

function parseByteLimit(raw: string | undefined): number {
  if (!raw) return DEFAULT_MAX_FILE_BYTES;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`MAX_FILE_BYTES must be a positive whole number of bytes, but it is "${raw}".`);
  }
  return value;
}

function parseLanguageTag(raw: string): string {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(raw);
  } catch {
    canonical = undefined;
  }
  if (!canonical || !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(canonical)) {
    throw new Error(`SITE_LANG must be a language tag such as en, fr or pt-BR, but it is "${raw}".`);
  }
  return canonical;
}

function parseFlag(name: string, raw: string | undefined): boolean {
  if (!raw || /^(0|false|no|off)$/i.test(raw)) return false;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  throw new Error(`${name} must be 1 or 0 (true or false), but it is "${raw}".`);
}
