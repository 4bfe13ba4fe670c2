/**
 * Measures duplicate detection against the exact truth on a real corpus (default: the BBC
 * corpus in ../shared/corpora/bbc). Every pair of articles sharing any word 5-shingle gets its
 * exact Jaccard similarity; then we check the requirement of issue #4: every pair at ≥ 0.8 is
 * merged, and no merged group holds a pair below 0.5.
 *
 *   CONTENT_DIR=../shared/corpora/bbc node bench/dedupe-quality.ts
 */
import { resolve } from 'node:path';
import { findDuplicateGroups } from '../src/core/corpus/duplicates.ts';
import { jaccard, normalizedWords, shingleHashes } from '../src/core/corpus/shingles.ts';
import { DEFAULT_MAX_FILE_BYTES, parseFiles } from '../src/core/pipeline.ts';
import { readContentFiles } from '../src/astro/loaders/content-files.ts';

const contentDir = resolve(process.env['CONTENT_DIR'] ?? '../shared/corpora/bbc');
const { files } = await readContentFiles(contentDir, DEFAULT_MAX_FILE_BYTES);
const { articles } = parseFiles(files, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
const bodies = articles.map((article) => [article.dek ?? '', ...article.paragraphs].join('\n'));

const { groups } = findDuplicateGroups(bodies);
const groupOf = new Map<number, number>();
groups.forEach((group, index) => group.forEach((member) => groupOf.set(member, index)));

// Ground truth: all pairs sharing at least one shingle, through an inverted index.
const shingles = bodies.map((body) => shingleHashes(normalizedWords(body)));
const postings = new Map<number, number[]>();
shingles.forEach((set, doc) =>
  set.forEach((hash) => postings.set(hash, [...(postings.get(hash) ?? []), doc])),
);
const candidates = new Set<number>();
for (const list of postings.values()) {
  for (let x = 0; x < list.length; x += 1) {
    for (let y = x + 1; y < list.length; y += 1)
      candidates.add((list[x] as number) * articles.length + (list[y] as number));
  }
}
let atLeast80 = 0;
let missed80 = 0;
let between = 0;
let mergedBetween = 0;
const missed: string[] = [];
for (const id of candidates) {
  const a = Math.floor(id / articles.length);
  const b = id % articles.length;
  const similarity = jaccard(shingles[a] as Uint32Array, shingles[b] as Uint32Array);
  const merged = groupOf.has(a) && groupOf.get(a) === groupOf.get(b);
  if (similarity >= 0.8) {
    atLeast80 += 1;
    if (!merged) {
      missed80 += 1;
      missed.push(`${similarity.toFixed(3)} ${articles[a]?.sourceFile} ~ ${articles[b]?.sourceFile}`);
    }
  } else if (similarity >= 0.5) {
    between += 1;
    if (merged) mergedBetween += 1;
  }
}
let mergedBelow50 = 0;
for (const group of groups) {
  for (let x = 0; x < group.length; x += 1) {
    for (let y = x + 1; y < group.length; y += 1) {
      if (
        jaccard(shingles[group[x] as number] as Uint32Array, shingles[group[y] as number] as Uint32Array) <
        0.5
      )
        mergedBelow50 += 1;
    }
  }
}

console.log(`corpus: ${contentDir} (${articles.length} articles)`);
console.table([
  { measure: 'duplicate groups found', value: groups.length },
  {
    measure: 'articles merged away (duplicates)',
    value: groups.reduce((sum, group) => sum + group.length - 1, 0),
  },
  { measure: 'pairs with Jaccard ≥ 0.8', value: atLeast80 },
  { measure: '… of which not merged (must be 0)', value: missed80 },
  { measure: 'pairs with 0.5 ≤ Jaccard < 0.8', value: between },
  { measure: '… of which merged (threshold 0.7)', value: mergedBetween },
  { measure: 'merged pairs with Jaccard < 0.5 (must be 0)', value: mergedBelow50 },
]);
if (missed.length > 0) console.log('missed:\n' + missed.join('\n'));
const sample = Number(process.env['SAMPLE'] ?? 12);
console.log(
  `\nsample of ${Math.min(sample, groups.length)} groups (every ${Math.max(1, Math.floor(groups.length / sample))}th) to check by hand:`,
);
for (let index = 0; index < groups.length; index += Math.max(1, Math.floor(groups.length / sample))) {
  const group = groups[index] ?? [];
  const [first = 0, second = 0] = group;
  const similarity = jaccard(shingles[first] as Uint32Array, shingles[second] as Uint32Array);
  console.log(
    `  J=${similarity.toFixed(2)} ${group.map((member) => `${articles[member]?.sourceFile} “${articles[member]?.title}”`).join('  ≡  ')}`,
  );
}
