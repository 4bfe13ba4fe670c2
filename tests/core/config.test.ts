import { describe, expect, test } from 'vitest';
import { resolveSiteConfig } from '../../src/core/config.ts';

const ROOT = '/srv/dispatch';

describe('resolveSiteConfig', () => {
  test('returns the documented defaults when no setting is given', () => {
    expect(resolveSiteConfig({}, ROOT)).toStrictEqual({
      contentDir: '/srv/dispatch/content',
      siteUrl: 'http://localhost:4321',
      basePath: '/',
      maxFileBytes: 8388608,
      strict: false,
      siteLang: 'en',
      offline: true,
    });
  });

  test('returns the defaults when every setting is blank or whitespace', () => {
    const config = resolveSiteConfig(
      {
        CONTENT_DIR: '  ',
        SITE_URL: '',
        BASE_PATH: ' ',
        MAX_FILE_BYTES: '\t',
        STRICT: ' ',
        SITE_LANG: ' ',
        OFFLINE: '',
      },
      ROOT,
    );
    expect(config).toStrictEqual({
      contentDir: '/srv/dispatch/content',
      siteUrl: 'http://localhost:4321',
      basePath: '/',
      maxFileBytes: 8388608,
      strict: false,
      siteLang: 'en',
      offline: true,
    });
  });

  test('returns CONTENT_DIR resolved against the project root when it is relative', () => {
    expect(resolveSiteConfig({ CONTENT_DIR: 'articles' }, ROOT).contentDir).toBe('/srv/dispatch/articles');
    expect(resolveSiteConfig({ CONTENT_DIR: '../shared/corpora/bbc' }, ROOT).contentDir).toBe(
      '/srv/shared/corpora/bbc',
    );
  });

  test('returns CONTENT_DIR unchanged when it is absolute', () => {
    expect(resolveSiteConfig({ CONTENT_DIR: '/data/news' }, ROOT).contentDir).toBe('/data/news');
  });

  test('returns the origin of SITE_URL without a trailing slash when it is an http(s) origin', () => {
    expect(resolveSiteConfig({ SITE_URL: 'https://news.example.org' }, ROOT).siteUrl).toBe(
      'https://news.example.org',
    );
    expect(resolveSiteConfig({ SITE_URL: 'https://news.example.org/' }, ROOT).siteUrl).toBe(
      'https://news.example.org',
    );
    expect(resolveSiteConfig({ SITE_URL: ' http://localhost:8080 ' }, ROOT).siteUrl).toBe(
      'http://localhost:8080',
    );
  });

  test('throws naming SITE_URL and the value when SITE_URL is not a URL', () => {
    expect(() => resolveSiteConfig({ SITE_URL: 'news.example.org' }, ROOT)).toThrow(
      'SITE_URL must be an absolute URL such as https://news.example.org, but it is "news.example.org".',
    );
  });

  test('throws naming SITE_URL when SITE_URL uses a scheme other than http or https', () => {
    expect(() => resolveSiteConfig({ SITE_URL: 'ftp://example.org' }, ROOT)).toThrow(
      'SITE_URL must start with http:// or https://, but it is "ftp://example.org".',
    );
  });

  test('throws pointing to BASE_PATH when SITE_URL has a path', () => {
    expect(() => resolveSiteConfig({ SITE_URL: 'https://example.org/news' }, ROOT)).toThrow(
      'SITE_URL must be an origin only (put the path in BASE_PATH), but it is "https://example.org/news".',
    );
  });

  test('throws naming SITE_URL when SITE_URL has a query or a fragment', () => {
    expect(() => resolveSiteConfig({ SITE_URL: 'https://example.org/?edition=uk' }, ROOT)).toThrow(
      /SITE_URL/,
    );
    expect(() => resolveSiteConfig({ SITE_URL: 'https://example.org/#top' }, ROOT)).toThrow(/SITE_URL/);
  });

  test.each([
    ['news', '/news/'],
    ['/news', '/news/'],
    ['news/', '/news/'],
    ['/news/', '/news/'],
    ['/', '/'],
    ['//', '/'],
    ['/en/world/', '/en/world/'],
    ['/v1.2_~x-y/', '/v1.2_~x-y/'],
  ])('returns %j as %j when BASE_PATH is a valid path', (raw, expected) => {
    expect(resolveSiteConfig({ BASE_PATH: raw }, ROOT).basePath).toBe(expected);
  });

  test.each(['/a b/', '/../x/', '/news?x', '/./news/', '..', '/news#top', '/news//world/', '/café/'])(
    'throws naming BASE_PATH and the value when BASE_PATH is %j',
    (raw) => {
      expect(() => resolveSiteConfig({ BASE_PATH: raw }, ROOT)).toThrow(
        `BASE_PATH must be a URL path such as /news/ (letters, digits, "-", "_", "." and "~" between slashes), but it is "${raw}".`,
      );
    },
  );

  test('returns MAX_FILE_BYTES as a number when it is a positive whole number', () => {
    expect(resolveSiteConfig({ MAX_FILE_BYTES: '1048576' }, ROOT).maxFileBytes).toBe(1048576);
    expect(resolveSiteConfig({ MAX_FILE_BYTES: ' 2048 ' }, ROOT).maxFileBytes).toBe(2048);
    expect(resolveSiteConfig({ MAX_FILE_BYTES: '1' }, ROOT).maxFileBytes).toBe(1);
  });

  test.each(['0', '-5', '1.5', 'abc', '8MB', 'Infinity'])(
    'throws naming MAX_FILE_BYTES and the value when MAX_FILE_BYTES is %j',
    (raw) => {
      expect(() => resolveSiteConfig({ MAX_FILE_BYTES: raw }, ROOT)).toThrow(
        `MAX_FILE_BYTES must be a positive whole number of bytes, but it is "${raw}".`,
      );
    },
  );

  test('returns strict mode on for STRICT=1 or true, off for 0 or false', () => {
    expect(resolveSiteConfig({ STRICT: '1' }, ROOT).strict).toBe(true);
    expect(resolveSiteConfig({ STRICT: 'true' }, ROOT).strict).toBe(true);
    expect(resolveSiteConfig({ STRICT: '0' }, ROOT).strict).toBe(false);
    expect(resolveSiteConfig({ STRICT: 'false' }, ROOT).strict).toBe(false);
  });

  test('throws a message naming STRICT when it is neither on nor off', () => {
    expect(() => resolveSiteConfig({ STRICT: 'maybe' }, ROOT)).toThrow(
      'STRICT must be 1 or 0 (true or false), but it is "maybe".',
    );
  });

  test('returns SITE_LANG in its canonical form', () => {
    expect(resolveSiteConfig({ SITE_LANG: 'fr' }, ROOT).siteLang).toBe('fr');
    expect(resolveSiteConfig({ SITE_LANG: 'pt-br' }, ROOT).siteLang).toBe('pt-BR');
    expect(resolveSiteConfig({ SITE_LANG: 'DE' }, ROOT).siteLang).toBe('de');
  });

  test.each(['english', 'e', '12', 'fr_FR!', 'en--GB'])(
    'throws a message naming SITE_LANG for "%s"',
    (raw) => {
      expect(() => resolveSiteConfig({ SITE_LANG: raw }, ROOT)).toThrow(
        `SITE_LANG must be a language tag such as en, fr or pt-BR, but it is "${raw}".`,
      );
    },
  );

  test('returns offline reading on unless OFFLINE is 0 or false', () => {
    expect(resolveSiteConfig({ OFFLINE: '1' }, ROOT).offline).toBe(true);
    expect(resolveSiteConfig({ OFFLINE: '0' }, ROOT).offline).toBe(false);
    expect(resolveSiteConfig({ OFFLINE: 'false' }, ROOT).offline).toBe(false);
    expect(() => resolveSiteConfig({ OFFLINE: 'later' }, ROOT)).toThrow('OFFLINE must be 1 or 0');
  });
});
