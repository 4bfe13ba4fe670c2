import { defineCollection } from 'astro:content';
import { resolveSiteConfig } from './lib/config.ts';
import { SiteDataSchema, StoredArticleSchema, StorySchema } from './lib/schema.ts';
import { articleLoader, siteDataLoader, storyLoader } from './loaders/articles.ts';

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
