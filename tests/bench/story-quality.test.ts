/**
 * The story-quality benchmark's metric code (bench/story-metrics.ts) and its TF-IDF
 * single-link baseline (bench/story-baseline.ts). Expected values are worked out by hand in
 * the comments, never by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { tfidfSingleLink } from '../../bench/story-baseline.ts';
import { eventSplits, parseLabels, scoreGrouping } from '../../bench/story-metrics.ts';

const grouping = (groups: string[][]): Map<string, string> =>
  new Map(groups.flatMap((group, id) => group.map((file) => [file, `s${id}`] as const)));

describe('parseLabels', () => {
  it('reads an event map, skipping the header, comments and blank lines', () => {
    const labels = parseLabels('# made by hand\nfile\tevent\na.txt\tE1\n\nb.txt\tE1\nc.txt\tE2\n');
    expect(labels.kind).toBe('events');
    expect(labels.files).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(labels.pairs).toEqual([
      { a: 'a.txt', b: 'b.txt', same: true },
      { a: 'a.txt', b: 'c.txt', same: false },
      { a: 'b.txt', b: 'c.txt', same: false },
    ]);
  });

  it('reads a pairs file, ordering each pair and naming events by connected component', () => {
    const labels = parseLabels('file_a\tfile_b\tsame_story\nc\tb\t1\nb\ta\t1\nd\ta\t0\n');
    expect(labels.kind).toBe('pairs');
    expect(labels.pairs[0]).toEqual({ a: 'b', b: 'c', same: true });
    expect(labels.pairs).toHaveLength(3);
    expect(new Set([labels.events.get('a'), labels.events.get('b'), labels.events.get('c')]).size).toBe(1);
    expect(labels.events.get('d')).not.toBe(labels.events.get('a'));
  });

  it('rejects a file listed twice, a bad same_story value and ragged lines, naming the line', () => {
    expect(() => parseLabels('a\tE1\na\tE2\n')).toThrow(/line 2/);
    expect(() => parseLabels('a\tb\tyes\n')).toThrow(/line 1: same_story/);
    expect(() => parseLabels('a\tE1\nb\tE1\textra\n')).toThrow(/line 2/);
  });
});

describe('scoreGrouping', () => {
  // Events: {a, b, c}, {d}, {e, f}. Grouping: {a, b}, {c, d}, {e}, {f}.
  const labels = parseLabels('a\tE1\nb\tE1\nc\tE1\nd\tE2\ne\tE3\nf\tE3\n');
  const scores = scoreGrouping(labels, grouping([['a', 'b'], ['c', 'd'], ['e'], ['f']]));

  it('counts pairwise precision and recall over the labelled pairs', () => {
    // Same-story pairs ab ac bc ef (4); predicted pairs ab cd (2); both: ab.
    expect(scores.labelledPairs).toBe(15);
    expect(scores.samePairs).toBe(4);
    expect(scores.pairwise.precision).toBeCloseTo(1 / 2);
    expect(scores.pairwise.recall).toBeCloseTo(1 / 4);
    expect(scores.pairwise.f1).toBeCloseTo(1 / 3);
  });

  it('averages BCubed precision and recall per labelled item', () => {
    // precision: a 2/2, b 2/2, c 1/2, d 1/2, e 1/1, f 1/1 → 5/6
    // recall:    a 2/3, b 2/3, c 1/3, d 1/1, e 1/2, f 1/2 → 11/18
    expect(scores.bcubed.precision).toBeCloseTo(5 / 6);
    expect(scores.bcubed.recall).toBeCloseTo(11 / 18);
    expect(scores.bcubed.f1).toBeCloseTo((2 * (5 / 6) * (11 / 18)) / (5 / 6 + 11 / 18));
  });

  it('scores a non-transitive chain of pairs by the pairs as labelled', () => {
    // a–b and b–c are the same story, a–c is not; all three grouped together.
    const chain = parseLabels('a\tb\t1\nb\tc\t1\na\tc\t0\n');
    const result = scoreGrouping(chain, grouping([['a', 'b', 'c']]));
    expect(result.pairwise).toMatchObject({ recall: 1 });
    expect(result.pairwise.precision).toBeCloseTo(2 / 3);
    // BCubed precision: a 2/3, b 3/3, c 2/3 → 7/9; recall 1 for each.
    expect(result.bcubed.precision).toBeCloseTo(7 / 9);
    expect(result.bcubed.recall).toBeCloseTo(1);
  });

  it('treats a labelled file missing from the grouping as a story of its own, and ignores unlabelled files', () => {
    const pairLabels = parseLabels('a\tE1\nb\tE1\nc\tE2\n');
    // x is unlabelled: grouping it with c must not cost precision. b is missing: alone.
    const result = scoreGrouping(pairLabels, grouping([['a'], ['c', 'x']]));
    expect(result.pairwise.precision).toBe(1);
    expect(result.pairwise.recall).toBe(0);
    expect(result.bcubed.precision).toBe(1);
    expect(result.bcubed.recall).toBeCloseTo((1 / 2 + 1 / 2 + 1) / 3);
  });
});

describe('eventSplits', () => {
  it('says into how many stories each event of two or more files falls, and what else they hold', () => {
    const labels = parseLabels('a\tE1\nb\tE1\nc\tE1\nd\tE2\ne\tE3\n');
    const splits = eventSplits(labels, grouping([['a', 'b', 'x'], ['c', 'd'], ['e']]));
    expect(splits).toEqual([{ event: 'E1', files: 3, stories: 2, largestPart: 2, intruders: 2 }]);
  });
});

describe('tfidfSingleLink', () => {
  const doc = (text: string): { title: string; body: string } => ({ title: '', body: text });

  it('joins reports sharing their words and keeps an unrelated one apart', () => {
    const groups = tfidfSingleLink(
      [
        doc('volcano erupts near village, lava flows toward farms'),
        doc('lava from the volcano reaches farms near the village'),
        doc('central bank raises interest rates again'),
      ],
      0.2,
    );
    expect(groups[0]).toBe(groups[1]);
    expect(groups[2]).not.toBe(groups[0]);
  });

  it('chains: single link joins the two ends of a chain that share no word', () => {
    const groups = tfidfSingleLink(
      [
        doc('alpha beta gamma delta'),
        doc('gamma delta epsilon zeta'),
        doc('epsilon zeta eta theta'),
        doc('omega psi chi phi'),
      ],
      0.2,
    );
    expect(groups.slice(0, 3)).toEqual([0, 0, 0]);
    expect(groups[3]).toBe(3);
  });

  it('leaves stop words out: documents sharing only stop words stay apart', () => {
    const groups = tfidfSingleLink([doc('the and of it was'), doc('the and of it was lighthouse')], 0.2);
    expect(groups[1]).toBe(1);
  });
});
