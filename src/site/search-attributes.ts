/**
 * What Pagefind learns about an article beyond its text: filters (section, source, year; topics are
 * captured from the topic links), metadata shown in results (date, source), and the sort key.
 * Values are passed through `data-*` attributes and referenced by name (`year[data-year]`),
 * so a comma or colon in a source's name cannot break Pagefind's list syntax.
 */
import type { StoredArticle } from '../core/model/schema.ts';
import type { Messages } from './i18n/index.ts';

export interface SearchAttributes {
  'data-pagefind-filter': string;
  'data-pagefind-meta'?: string;
  'data-pagefind-sort': string;
  'data-year': string;
  'data-date'?: string;
  'data-source'?: string;
  'data-section'?: string;
}

/**
 * Attributes for the element that carries `data-pagefind-body`.
 *
 * @param article - the published article
 * @param ui - the interface strings: the date as results show it, and the year filter's value
 *   for articles without a date (findable under a clear name, "Undated")
 */
export function searchAttributes(article: StoredArticle, ui: Messages): SearchAttributes {
  const year = article.date?.slice(0, 4) ?? ui.search.undated;
  const filters = [
    ...(article.section ? ['section[data-section]'] : []),
    'year[data-year]',
    ...(article.source ? ['source[data-source]'] : []),
  ];
  const meta = [
    ...(article.date ? ['date[data-date]'] : []),
    ...(article.source ? ['source[data-source]'] : []),
  ];
  return {
    'data-pagefind-filter': filters.join(', '),
    // An empty data-pagefind-meta would make Pagefind store the whole text as nameless metadata.
    ...(meta.length > 0 ? { 'data-pagefind-meta': meta.join(', ') } : {}),
    // ISO dates sort as strings; undated articles get the lowest key, so newest-first puts
    // them last instead of dropping them (Pagefind leaves out pages without the sort key).
    'data-pagefind-sort': `date:${article.date?.slice(0, 10) ?? '0000-00-00'}`,
    'data-year': year,
    ...(article.date ? { 'data-date': ui.date(article.date) } : {}),
    ...(article.source ? { 'data-source': article.source } : {}),
    ...(article.section ? { 'data-section': article.section } : {}),
  };
}
