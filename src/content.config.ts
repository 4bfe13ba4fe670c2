import { defineCollection } from 'astro:content';
import { resolveSiteConfig } from './core/config.ts';
import { SiteDataSchema, StoredArticleSchema, StorySchema } from './core/model/schema.ts';
import { articleLoader, siteDataLoader, storyLoader } from './astro/loaders/articles.ts';
import { createCorpusSession } from './astro/loaders/corpus-session.ts';

const config = resolveSiteConfig(process.env, process.cwd());
// One session for the three loaders: the folder is read, and the pipeline run, once.
const session = createCorpusSession({
  contentDir: config.contentDir,
  basePath: config.basePath,
  maxFileBytes: config.maxFileBytes,
  strict: config.strict,
  siteLang: config.siteLang,
});

export const collections = {
  articles: defineCollection({ loader: articleLoader(session), schema: StoredArticleSchema }),
  stories: defineCollection({ loader: storyLoader(session), schema: StorySchema }),
  siteData: defineCollection({ loader: siteDataLoader(session), schema: SiteDataSchema }),
};
