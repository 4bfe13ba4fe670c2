import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { resolveSiteConfig } from './lib/config.ts';
import { ArticleSchema } from './lib/schema.ts';
import { articleLoader, reportLoader } from './loaders/articles.ts';

const config = resolveSiteConfig(process.env, process.cwd());
const loaderOptions = {
  contentDir: config.contentDir,
  basePath: config.basePath,
  maxFileBytes: config.maxFileBytes,
  strict: config.strict,
};

export const collections = {
  articles: defineCollection({ loader: articleLoader(loaderOptions), schema: ArticleSchema }),
  reports: defineCollection({ loader: reportLoader(loaderOptions), schema: z.object({ json: z.string() }) }),
};
