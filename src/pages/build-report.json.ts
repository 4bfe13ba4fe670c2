/** `build-report.json`: the fate of every file in the content folder. */
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { REPORT_ENTRY_ID } from '../loaders/articles.ts';

export const GET: APIRoute = async () => {
  const entry = await getEntry('siteData', REPORT_ENTRY_ID);
  if (!entry) throw new Error('The build report was not loaded; the siteData collection is empty.');
  return new Response(entry.data.json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
