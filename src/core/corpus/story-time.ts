/**
 * Time for the story grouping: dates as day numbers, and the decay that makes reports weeks
 * apart less similar (see DECAY_DAYS in stories.ts). Undated reports have no gap to anyone.
 */

/** The day number of a `YYYY-MM-DD…` date, or NaN when there is none. */
export function dayNumber(date: string | undefined): number {
  if (!date) return Number.NaN;
  return Math.floor(Date.parse(date.slice(0, 10)) / 86_400_000);
}

/** Days between two spans (a report is a span of one day); 0 when they overlap or one is undated. */
export function gapDays(firstA: number, lastA: number, firstB: number, lastB: number): number {
  if (Number.isNaN(firstA) || Number.isNaN(firstB)) return 0;
  return Math.max(0, Math.max(firstA, firstB) - Math.min(lastA, lastB));
}

/** exp(−(gap / scale)²): 1 for no gap, 1/e at `scale` days. */
export function decay(gap: number, scale: number): number {
  if (gap <= 0 || !Number.isFinite(scale)) return 1;
  return Math.exp(-((gap / scale) ** 2));
}
