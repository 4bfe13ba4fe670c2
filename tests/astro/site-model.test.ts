/**
 * The read models' glue to Astro's collections: built once per content version however many
 * pages ask, rebuilt when the version changes, and a clear error when the site data is
 * missing. Astro's `astro:content` is replaced by fakes holding what the loaders would store.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type * as SiteModelModule from '../../src/astro/site-model.ts';
import {
  StoredArticleSchema,
  type SiteDataEntry,
  type StoredArticle,
  type Story,
} from '../../src/core/model/schema.ts';
import { makeArticle } from '../support/articles.ts';

/** What the fake collections hold; each test fills it. */
const content = vi.hoisted(() => ({
  siteData: undefined as { id: string; data: unknown } | undefined,
  articles: [] as { id: string; data: unknown }[],
  stories: [] as { id: string; data: unknown }[],
}));

const astroContent = vi.hoisted(() => ({
  getEntry: vi.fn((collection: string, id: string) =>
    Promise.resolve(collection === 'siteData' && id === content.siteData?.id ? content.siteData : undefined),
  ),
  getCollection: vi.fn((collection: 'articles' | 'stories') => Promise.resolve(content[collection])),
}));

vi.mock('astro:content', () => astroContent);

function stored(slug: string, overrides: Partial<StoredArticle> = {}): StoredArticle {
  // As the collection stores it: validated, and the body as HTML only, not as paragraphs.
  return StoredArticleSchema.parse(makeArticle({ slug, date: '2025-07-01', ...overrides }));
}

function setContent(version: string, articles: StoredArticle[], stories: Story[]): void {
  const data: SiteDataEntry = {
    version,
    redirects: [{ from: 'bridge-reopens-copy', to: articles[0]?.slug ?? '', title: 'Bridge reopens (copy)' }],
    reportJson: '{"inputs":[],"stories":[]}\n',
  };
  content.siteData = { id: 'site', data };
  content.articles = articles.map((article) => ({ id: article.slug, data: article }));
  content.stories = stories.map((story) => ({ id: story.id, data: story }));
}

const BRIDGE = stored('bridge-reopens', { title: 'Bridge reopens', story: 'bridge-reopens' });
const FERRY = stored('ferry-resumes', { title: 'Ferry resumes', date: '2025-07-02', story: 'ferry-resumes' });
const story = (article: StoredArticle): Story => ({
  id: article.slug,
  title: article.title,
  articles: [article.slug],
  sources: [],
});

// A fresh module a test: the built model lives in the module.
let siteModel: typeof SiteModelModule;

beforeEach(async () => {
  vi.resetModules();
  astroContent.getEntry.mockClear();
  astroContent.getCollection.mockClear();
  content.siteData = undefined;
  siteModel = await import('../../src/astro/site-model.ts');
});

const collectionCalls = () => astroContent.getCollection.mock.calls.map(([collection]) => collection);

describe('loadSiteModel', () => {
  test('two calls for the same content version build the model once', async () => {
    setContent('version-1', [BRIDGE], [story(BRIDGE)]);
    const first = await siteModel.loadSiteModel();
    const second = await siteModel.loadSiteModel();

    expect(second).toBe(first);
    expect(collectionCalls().sort()).toEqual(['articles', 'stories']);
    // The site data is looked up each time: it carries the version.
    expect(astroContent.getEntry).toHaveBeenCalledTimes(2);
    expect(astroContent.getEntry).toHaveBeenCalledWith('siteData', 'site');

    expect(first.articles.map((article) => article.slug)).toEqual(['bridge-reopens']);
    expect(first.home.map((page) => page.items.map((view) => view.story.id))).toEqual([['bridge-reopens']]);
    expect(first.redirects).toEqual([
      { from: 'bridge-reopens-copy', to: 'bridge-reopens', title: 'Bridge reopens (copy)' },
    ]);
  });

  test('pages asking at the same time share one build', async () => {
    setContent('version-1', [BRIDGE], [story(BRIDGE)]);
    const models = await Promise.all([
      siteModel.loadSiteModel(),
      siteModel.loadSiteModel(),
      siteModel.loadSiteModel(),
    ]);
    expect(new Set(models).size).toBe(1);
    expect(collectionCalls().sort()).toEqual(['articles', 'stories']);
  });

  test('a new content version rebuilds the model from the collections as they are now', async () => {
    setContent('version-1', [BRIDGE], [story(BRIDGE)]);
    const first = await siteModel.loadSiteModel();

    setContent('version-2', [BRIDGE, FERRY], [story(BRIDGE), story(FERRY)]);
    const second = await siteModel.loadSiteModel();

    expect(second).not.toBe(first);
    expect(collectionCalls().sort()).toEqual(['articles', 'articles', 'stories', 'stories']);
    expect(second.articles.map((article) => article.slug)).toEqual(['bridge-reopens', 'ferry-resumes']);
    // Newest story first.
    expect(second.home[0]?.items.map((view) => view.story.id)).toEqual(['ferry-resumes', 'bridge-reopens']);
    expect(first.articles.map((article) => article.slug)).toEqual(['bridge-reopens']);

    // And the new model is kept for that version.
    expect(await siteModel.loadSiteModel()).toBe(second);
    expect(astroContent.getCollection).toHaveBeenCalledTimes(4);
  });

  test('fails with a clear error when the site data entry is missing, before reading the collections', async () => {
    content.articles = [{ id: BRIDGE.slug, data: BRIDGE }];
    await expect(siteModel.loadSiteModel()).rejects.toThrow(
      new Error('The site data was not loaded; the siteData collection is empty.'),
    );
    expect(astroContent.getCollection).not.toHaveBeenCalled();
  });
});

describe('loadSiteData', () => {
  test('gives the site data entry’s data', async () => {
    setContent('version-7', [BRIDGE], [story(BRIDGE)]);
    expect(await siteModel.loadSiteData()).toEqual({
      version: 'version-7',
      redirects: [{ from: 'bridge-reopens-copy', to: 'bridge-reopens', title: 'Bridge reopens (copy)' }],
      reportJson: '{"inputs":[],"stories":[]}\n',
    });
  });

  test('fails with the same clear error when the collection is empty', async () => {
    await expect(siteModel.loadSiteData()).rejects.toThrow(
      'The site data was not loaded; the siteData collection is empty.',
    );
  });
});
