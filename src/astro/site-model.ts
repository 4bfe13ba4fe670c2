/**
 * The site's read models, built once per content version and shared by every page of a build
 * (and, in `astro dev`, rebuilt only when the content changed). Pages call {@link loadSiteModel}
 * and look things up; the models themselves are pure (src/site/model.ts).
 */
import { getCollection, getEntry } from 'astro:content';
import { SITE_DATA_ENTRY_ID } from './loaders/articles.ts';
import type { SiteDataEntry } from '../core/model/schema.ts';
import { buildSiteModel, type SiteModel } from '../site/model.ts';
import { SITE } from '../site/settings.ts';
import { ui } from './ui.ts';
import { pageKeys, type PageKeys } from './page-cache.ts';
import { articleParagraphs } from './article-bodies.ts';

let built: { version: string; model: Promise<SiteModel>; keys?: Promise<PageKeys> } | undefined;

/** The site data entry: the build report, redirects and the content's version. */
export async function loadSiteData(): Promise<SiteDataEntry> {
  const entry = await getEntry('siteData', SITE_DATA_ENTRY_ID);
  if (!entry) throw new Error('The site data was not loaded; the siteData collection is empty.');
  return entry.data;
}

/** The read models of the current content, built on first use. */
export async function loadSiteModel(): Promise<SiteModel> {
  const data = await loadSiteData();
  return current(data).model;
}

/**
 * The common parts of the pages' keys for the incremental build (src/astro/page-cache.ts): the
 * header's sections, shown on every page, the settings, and each article with its text.
 */
export async function loadPageKeys(): Promise<PageKeys> {
  const site = current(await loadSiteData());
  // Made on first use: hashing needs the articles' text, which only a build's loader keeps.
  site.keys ??= site.model.then((model) =>
    // The header's section navigation shows each section's name and address (SiteHeader.astro).
    pageKeys(
      model.sections.listings.map(({ name, slug }) => ({ name, slug })),
      model.articles,
      articleParagraphs,
    ),
  );
  return site.keys;
}

function current(data: SiteDataEntry): NonNullable<typeof built> {
  if (built?.version !== data.version) {
    const model = buildModel(data);
    built = { version: data.version, model };
  }
  return built;
}

async function buildModel(data: SiteDataEntry): Promise<SiteModel> {
  const [articles, stories] = await Promise.all([getCollection('articles'), getCollection('stories')]);
  return buildSiteModel(
    {
      articles: articles.map((entry) => entry.data),
      stories: stories.map((entry) => entry.data),
      redirects: data.redirects,
    },
    SITE,
    ui,
  );
}
