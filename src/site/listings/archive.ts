/**
 * The archive: published articles by year and month of their date, newest first, and the
 * undated ones on a page of their own so that nothing is missing from the archive.
 */
import { compareNewestFirst } from '../../core/model/order.ts';
import type { StoredArticle } from '../../core/model/schema.ts';

export interface ArchiveMonth {
  year: number;
  /** 1–12. */
  month: number;
  /** `YYYY/MM`, the month page's path below `archive/`. */
  path: string;
  /** Its articles, newest first. */
  articles: StoredArticle[];
}

export interface ArchiveYear {
  year: number;
  /** Months that have articles, newest first. */
  months: ArchiveMonth[];
  /** Articles in the year. */
  total: number;
}

export interface Archive {
  years: ArchiveYear[];
  /** Articles without a date, in title order. */
  undated: StoredArticle[];
}

/**
 * Builds the archive. The month is the one the source wrote (the date's first seven
 * characters), never shifted by a time zone.
 *
 * @param articles - every published article
 */
export function buildArchive(articles: readonly StoredArticle[]): Archive {
  const months = new Map<string, StoredArticle[]>();
  const undated: StoredArticle[] = [];
  for (const article of articles) {
    if (!article.date) {
      undated.push(article);
      continue;
    }
    const key = article.date.slice(0, 7);
    const group = months.get(key) ?? [];
    group.push(article);
    months.set(key, group);
  }
  const years = new Map<number, ArchiveMonth[]>();
  for (const key of [...months.keys()].sort().reverse()) {
    const year = Number(key.slice(0, 4));
    const month = Number(key.slice(5, 7));
    const list = years.get(year) ?? [];
    list.push({
      year,
      month,
      path: `${key.slice(0, 4)}/${key.slice(5, 7)}`,
      articles: [...(months.get(key) ?? [])].sort(compareNewestFirst),
    });
    years.set(year, list);
  }
  return {
    years: [...years.entries()].map(([year, list]) => ({
      year,
      months: list,
      total: list.reduce((sum, month) => sum + month.articles.length, 0),
    })),
    undated: [...undated].sort(compareNewestFirst),
  };
}
