import { describe, expect, test } from 'vitest';
import { normalizeBase, pageParam, routes, siteLinks, withBase } from '../../../src/core/model/routes.ts';

describe('withBase', () => {
  test('joins a base with or without its trailing slash and a path with or without a leading one', () => {
    expect(withBase('/', 'topics/')).toBe('/topics/');
    expect(withBase('/news', 'topics/')).toBe('/news/topics/');
    expect(withBase('/news/', '/topics/')).toBe('/news/topics/');
    expect(withBase('/news/', '//topics/')).toBe('/news/topics/');
    expect(withBase('/news/')).toBe('/news/');
  });

  test('normalizeBase gives exactly one trailing slash', () => {
    expect([normalizeBase('/'), normalizeBase('/news'), normalizeBase('/a/b/')]).toEqual([
      '/',
      '/news/',
      '/a/b/',
    ]);
  });
});

describe('routes', () => {
  test('put every page type at the address the URL scheme in DESIGN.md names', () => {
    expect(routes.article('storm-hits-coast')).toBe('articles/storm-hits-coast/');
    expect(routes.story('storm-hits-coast')).toBe('stories/storm-hits-coast/');
    expect(routes.topic('iran')).toBe('topics/iran/');
    expect(routes.source('reuters')).toBe('sources/reuters/');
    expect(routes.section('business')).toBe('sections/business/');
    expect(routes.month('2025/07')).toBe('archive/2025/07/');
    expect([
      routes.topics,
      routes.sources,
      routes.archive,
      routes.undated,
      routes.search,
      routes.feed,
    ]).toEqual(['topics/', 'sources/', 'archive/', 'archive/undated/', 'search/', 'rss.xml']);
  });

  test('give page 1 of a listing the listing address itself and later pages page/N/ below it', () => {
    expect(routes.listingPage('/news/topics/iran/', 1)).toBe('/news/topics/iran/');
    expect(routes.listingPage('/news/topics/iran/', 2)).toBe('/news/topics/iran/page/2/');
    expect(routes.listingPage('/', 12)).toBe('/page/12/');
    expect([pageParam(1), pageParam(3)]).toEqual([undefined, 'page/3']);
  });
});

describe('siteLinks', () => {
  test('gives every address under a sub-path', () => {
    const links = siteLinks('/news/');
    expect(links.home).toBe('/news/');
    expect(links.article('a')).toBe('/news/articles/a/');
    expect(links.story('s')).toBe('/news/stories/s/');
    expect(links.topic('t')).toBe('/news/topics/t/');
    expect(links.source('le-monde-edition-paris')).toBe('/news/sources/le-monde-edition-paris/');
    expect(links.section('world-news')).toBe('/news/sections/world-news/');
    expect(links.month('2024/12')).toBe('/news/archive/2024/12/');
    expect([links.search, links.feed, links.pagefind, links.favicon, links.sitemapIndex]).toEqual([
      '/news/search/',
      '/news/rss.xml',
      '/news/pagefind/',
      '/news/favicon.svg',
      '/news/sitemap-index.xml',
    ]);
  });

  test('gives the web app manifest, service worker, offline page and app icons under a sub-path', () => {
    const links = siteLinks('/news/');
    expect([links.manifest, links.serviceWorker, links.offline, links.appIcon('icon-192')]).toEqual([
      '/news/manifest.webmanifest',
      '/news/sw.js',
      '/news/offline/',
      '/news/icons/icon-192.png',
    ]);
  });

  test('gives root addresses at the root', () => {
    const links = siteLinks('/');
    expect([links.home, links.topics, links.article('a')]).toEqual(['/', '/topics/', '/articles/a/']);
  });
});
