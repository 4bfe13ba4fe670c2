/**
 * Story-grouping quality against hand labels: the pure part of bench/story-quality.ts (no file
 * system), shared with tests/bench/story-quality.test.ts.
 *
 * Labels come in two shapes, both reduced to one set of labelled pairs:
 * - a pairs file (`file_a  file_b  same_story`, tab-separated, same_story 1 or 0), e.g.
 *   story-chains' pairs.tsv. Only the pairs listed are labelled; same-story pairs need not be
 *   transitive.
 * - an event map (`file  event`, tab-separated): every listed file is in exactly one event
 *   (an event of one file is allowed); every pair of listed files is labelled, "same story"
 *   exactly when both have the same event. Files not listed are unlabelled.
 * Blank lines and lines starting with `#` are skipped; a first line whose first field is `file`
 * or `file_a` is a header.
 *
 * Metrics (a grouping is any file → story id map; a file missing from it is its own story):
 * - pairwise precision / recall / F1, over the labelled pairs only: a pair is predicted "same"
 *   when both files have the same story id. Precision = labelled-same pairs predicted same /
 *   pairs predicted same; recall = labelled-same pairs predicted same / labelled-same pairs.
 * - BCubed precision / recall / F1, per labelled item, over the items it has a labelled pair
 *   with (every other labelled item, for an event map), the item itself included: for item i,
 *   P(i) = the items grouped with i, G(i) = the items labelled same as i; precision(i) =
 *   |P(i) ∩ G(i)| / |P(i)|, recall(i) = |P(i) ∩ G(i)| / |G(i)|. Both are averaged over the
 *   labelled items; F1 is the harmonic mean of the two averages.
 * An empty denominator counts as a perfect score (nothing predicted, nothing to find).
 */

/** One labelled pair of files (the two names in code-point order). */
export interface LabelledPair {
  a: string;
  b: string;
  same: boolean;
}

export interface Labels {
  kind: 'pairs' | 'events';
  /** Every labelled file name, as written in the labels file. */
  files: string[];
  pairs: LabelledPair[];
  /** The event of each file (an event map), or the connected components of the same-story pairs. */
  events: Map<string, string>;
}

export interface Scores {
  labelledFiles: number;
  labelledPairs: number;
  samePairs: number;
  pairwise: { precision: number; recall: number; f1: number };
  bcubed: { precision: number; recall: number; f1: number };
}

/**
 * Reads a labels file's text, recognising the pairs and the event-map shapes by column count.
 *
 * @param text - the labels file's content
 * @throws Error naming the line when a line has the wrong number of fields, a same_story value
 *   is not 0 or 1, or an event map lists a file twice
 */
export function parseLabels(text: string): Labels {
  const rows = text
    .split(/\r?\n/)
    .map((line, index) => ({ fields: line.split('\t').map((field) => field.trim()), line: index + 1 }))
    .filter(({ fields }) => fields.join('') !== '' && !(fields[0] ?? '').startsWith('#'));
  if (rows[0] && ['file', 'file_a'].includes(rows[0].fields[0] ?? '')) rows.shift();
  const width = rows[0]?.fields.length ?? 2;
  for (const { fields, line } of rows) {
    if (fields.length !== width)
      throw new Error(`labels line ${line}: ${fields.length} fields, expected ${width}`);
  }
  if (width === 3) return pairLabels(rows);
  if (width === 2) return eventLabels(rows);
  throw new Error(
    `labels: ${width} fields a line; expected 2 (file, event) or 3 (file_a, file_b, same_story)`,
  );
}

function pairLabels(rows: { fields: string[]; line: number }[]): Labels {
  const pairs: LabelledPair[] = [];
  const files = new Set<string>();
  for (const { fields, line } of rows) {
    const [x = '', y = '', value = ''] = fields;
    if (value !== '0' && value !== '1') throw new Error(`labels line ${line}: same_story must be 0 or 1`);
    const [a, b] = x < y ? [x, y] : [y, x];
    pairs.push({ a, b, same: value === '1' });
    files.add(a).add(b);
  }
  return { kind: 'pairs', files: [...files].sort(), pairs, events: sameStoryComponents([...files], pairs) };
}

function eventLabels(rows: { fields: string[]; line: number }[]): Labels {
  const events = new Map<string, string>();
  for (const { fields, line } of rows) {
    const [file = '', event = ''] = fields;
    if (events.has(file)) throw new Error(`labels line ${line}: ${file} is listed twice`);
    events.set(file, event);
  }
  const files = [...events.keys()].sort();
  const pairs: LabelledPair[] = [];
  for (let x = 0; x < files.length; x += 1) {
    for (let y = x + 1; y < files.length; y += 1) {
      const [a = '', b = ''] = [files[x], files[y]];
      pairs.push({ a, b, same: events.get(a) === events.get(b) });
    }
  }
  return { kind: 'events', files, pairs, events };
}

/** Connected components of the same-story pairs, named by their first file. */
function sameStoryComponents(files: string[], pairs: LabelledPair[]): Map<string, string> {
  const parent = new Map(files.map((file) => [file, file]));
  const root = (file: string): string => {
    let current = file;
    while (parent.get(current) !== current) current = parent.get(current) ?? current;
    parent.set(file, current);
    return current;
  };
  for (const { a, b, same } of pairs) {
    if (!same) continue;
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  return new Map(files.map((file) => [file, root(file)]));
}

/**
 * Scores a grouping against labels (see the module comment for the definitions).
 *
 * @param labels - from {@link parseLabels}
 * @param storyOf - file name (as in the labels) → story id; a file missing is its own story
 */
export function scoreGrouping(labels: Labels, storyOf: ReadonlyMap<string, string>): Scores {
  const story = (file: string): string => storyOf.get(file) ?? `\u0000${file}`;
  let predicted = 0;
  let same = 0;
  let hits = 0;
  // Per item: size of P(i), of G(i) and of their intersection, each counting the item itself.
  const perItem = new Map(labels.files.map((file) => [file, { grouped: 1, labelled: 1, both: 1 }]));
  for (const pair of labels.pairs) {
    const together = story(pair.a) === story(pair.b);
    if (together) predicted += 1;
    if (pair.same) same += 1;
    if (together && pair.same) hits += 1;
    for (const file of [pair.a, pair.b]) {
      const item = perItem.get(file);
      if (!item) continue;
      if (together) item.grouped += 1;
      if (pair.same) item.labelled += 1;
      if (together && pair.same) item.both += 1;
    }
  }
  const items = [...perItem.values()];
  const mean = (values: number[]): number =>
    values.length === 0 ? 1 : values.reduce((sum, value) => sum + value, 0) / values.length;
  const bPrecision = mean(items.map((item) => item.both / item.grouped));
  const bRecall = mean(items.map((item) => item.both / item.labelled));
  const precision = ratio(hits, predicted);
  const recall = ratio(hits, same);
  return {
    labelledFiles: labels.files.length,
    labelledPairs: labels.pairs.length,
    samePairs: same,
    pairwise: { precision, recall, f1: harmonic(precision, recall) },
    bcubed: { precision: bPrecision, recall: bRecall, f1: harmonic(bPrecision, bRecall) },
  };
}

export interface EventSplit {
  event: string;
  files: number;
  /** How many distinct stories the event's files are in. */
  stories: number;
  /** The most of the event's files any one story holds. */
  largestPart: number;
  /** Files of other labelled events (or unlabelled files) in the stories that hold this event. */
  intruders: number;
}

/**
 * For each labelled event of two or more files: into how many stories the grouping splits it,
 * and how many other files those stories take in. The diagnosis behind the scores.
 *
 * @param labels - from {@link parseLabels}
 * @param storyOf - file name → story id, for every file of the folder (labelled or not)
 */
export function eventSplits(labels: Labels, storyOf: ReadonlyMap<string, string>): EventSplit[] {
  const story = (file: string): string => storyOf.get(file) ?? `\u0000${file}`;
  const membersOfStory = new Map<string, string[]>();
  for (const [file, id] of storyOf) pushTo(membersOfStory, id, file);
  const filesOfEvent = new Map<string, string[]>();
  for (const [file, event] of labels.events) pushTo(filesOfEvent, event, file);
  const splits: EventSplit[] = [];
  for (const [event, files] of filesOfEvent) {
    if (files.length < 2) continue;
    const parts = new Map<string, number>();
    for (const file of files) parts.set(story(file), (parts.get(story(file)) ?? 0) + 1);
    const inStories = new Set([...parts.keys()].flatMap((id) => membersOfStory.get(id) ?? []));
    splits.push({
      event,
      files: files.length,
      stories: parts.size,
      largestPart: Math.max(...parts.values()),
      intruders: [...inStories].filter((file) => labels.events.get(file) !== event).length,
    });
  }
  return splits.sort((x, y) => y.files - x.files || (x.event < y.event ? -1 : 1));
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

function harmonic(x: number, y: number): number {
  return x + y === 0 ? 0 : (2 * x * y) / (x + y);
}
