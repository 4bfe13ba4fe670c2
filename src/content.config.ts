import { defineCollection } from 'astro:content';
import { resolveSiteConfig } from './core/config.ts';
import { SiteDataSchema, StoredArticleSchema, StorySchema } from './core/model/schema.ts';
import { articleLoader, siteDataLoader, storyLoader } from './astro/loaders/articles.ts';

const config = resolveSiteConfig(process.env, process.cwd());
const loaderOptions = {
  contentDir: config.contentDir,
  basePath: config.basePath,
  maxFileBytes: config.maxFileBytes,
  strict: config.strict,
};

export const collections = {
  articles: defineCollection({ loader: articleLoader(loaderOptions), schema: StoredArticleSchema }),
  stories: defineCollection({ loader: storyLoader(loaderOptions), schema: StorySchema }),
  siteData: defineCollection({ loader: siteDataLoader(loaderOptions), schema: SiteDataSchema }),
};
