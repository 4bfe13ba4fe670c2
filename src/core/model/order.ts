/** The one order of articles every listing, feed and story starts from. */
import { compareStrings } from '../text/text.ts';

/**
 * Orders articles newest first, undated last; ties by title then slug so order never depends
 * on file-system order. Dates are compared as written (ISO dates and timestamps sort as text).
 */
export function compareNewestFirst(
  a: { date?: string | undefined; title: string; slug: string },
  b: { date?: string | undefined; title: string; slug: string },
): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return compareStrings(a.title, b.title) || compareStrings(a.slug, b.slug);
}
