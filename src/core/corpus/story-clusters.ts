/**
 * The clustering of the story grouping (stories.ts, step 4): group-to-centroid agglomeration
 * over the candidate graph's links, with the checks that keep it from chaining.
 */
import { DisjointSets } from './disjoint-sets.ts';
import type { StoryLink, StoryOptions } from './stories.ts';
import { decay, gapDays } from './story-time.ts';
import { cosine, sharedWeight, type SparseVector as Vector } from './tfidf.ts';

interface Cluster {
  size: number;
  sum: Vector;
  norm: number;
  first: number;
  last: number;
}

/** Group-to-centroid agglomeration over the links (see the header of stories.ts). */
export function agglomerate(
  vectors: readonly Vector[],
  days: readonly number[],
  links: readonly StoryLink[],
  options: StoryOptions,
): number[][] {
  const sets = new DisjointSets(vectors.length);
  const clusters: Cluster[] = vectors.map((vector, index) => {
    const day = days[index] as number;
    return { size: 1, sum: vector, norm: 1, first: day, last: day };
  });
  // The two groups a link was last refused for, by root and size: groups only grow, so the same
  // roots at the same sizes are the same groups, and the answer would be the same. Later passes
  // then check only links whose groups changed (at 100,000 reports, most links are refused).
  const refused = {
    rootA: new Int32Array(links.length).fill(-1),
    rootB: new Int32Array(links.length),
    sizeA: new Int32Array(links.length),
    sizeB: new Int32Array(links.length),
  };
  for (let pass = 0; pass < options.passes; pass += 1) {
    let merged = 0;
    for (let index = 0; index < links.length; index += 1) {
      const { a, b, similarity } = links[index] as StoryLink;
      const [ra, rb] = [sets.find(a), sets.find(b)];
      if (ra === rb) continue;
      const [A, B] = [clusters[ra] as Cluster, clusters[rb] as Cluster];
      if (
        refused.rootA[index] === ra &&
        refused.rootB[index] === rb &&
        refused.sizeA[index] === A.size &&
        refused.sizeB[index] === B.size
      )
        continue;
      refused.rootA[index] = ra;
      refused.rootB[index] = rb;
      refused.sizeA[index] = A.size;
      refused.sizeB[index] = B.size;
      if (!joins(A, B, a, b, similarity, vectors, options)) continue;
      const [keep, drop] = A.size >= B.size ? [ra, rb] : [rb, ra];
      absorb(clusters[keep] as Cluster, clusters[drop] as Cluster, options.centroidTerms);
      sets.attach(keep, drop);
      merged += 1;
    }
    if (merged === 0) break;
  }
  return sets.groups();
}

/**
 * Whether groups A and B (joined by the link a–b) are one story: the smaller group's members
 * resemble the larger group's centroid on average, also without the member the link came
 * from and without the one word they share most (see stories.ts: STORY_SIMILARITY, BRIDGE,
 * ONE_WORD), time-decayed when both are dated.
 */
function joins(
  A: Cluster,
  B: Cluster,
  a: number,
  b: number,
  similarity: number,
  vectors: readonly Vector[],
  options: StoryOptions,
): boolean {
  const timeFactor = decay(gapDays(A.first, A.last, B.first, B.last), options.decayDays);
  // Two single reports: the link is their (decayed) cosine already.
  const shared = A.size === 1 && B.size === 1 ? undefined : sharedWeight(A.sum, B.sum);
  const dot = shared?.dot ?? similarity / (timeFactor || 1);
  // Mean cosine of the smaller group's members to the larger group's centroid.
  const scale = A.size >= B.size ? B.size * A.norm : A.size * B.norm;
  if ((dot / scale) * timeFactor < options.merge) return false;
  if (options.bridge > 0 && leansOnOneMember(A, B, a, b, vectors, options.bridge * options.merge))
    return false;
  const withoutTopWord = (dot - (shared ?? sharedWeight(A.sum, B.sum)).largest) / scale;
  return withoutTopWord * timeFactor >= options.oneWord * options.merge;
}

/** Moves group `drop` into group `keep`: sizes, date span and centroid (its heaviest terms). */
function absorb(keep: Cluster, drop: Cluster, centroidTerms: number): void {
  keep.sum = addVectors(keep.sum, drop.sum, centroidTerms);
  keep.size += drop.size;
  keep.first = Number.isNaN(keep.first)
    ? drop.first
    : Number.isNaN(drop.first)
      ? keep.first
      : Math.min(keep.first, drop.first);
  keep.last = Number.isNaN(keep.last)
    ? drop.last
    : Number.isNaN(drop.last)
      ? keep.last
      : Math.max(keep.last, drop.last);
  let squares = 0;
  for (const weight of keep.sum.weights) squares += weight * weight;
  keep.norm = Math.sqrt(squares) || 1;
  drop.sum = { terms: new Uint32Array(0), weights: new Float64Array(0) };
}

/**
 * Whether the smaller group resembles the larger one only through the member its link came
 * from: without that member, the larger group's centroid is less than `floor` similar to it.
 * A roundup that quotes one story and then another must not carry the second into the first.
 * A group of one has no other members to ask, so a pair is judged by its cosine alone.
 */
function leansOnOneMember(
  A: Cluster,
  B: Cluster,
  a: number,
  b: number,
  vectors: readonly Vector[],
  floor: number,
): boolean {
  const [small, large, member] = A.size >= B.size ? [B, A, a] : [A, B, b];
  if (large.size < 2) return false;
  const memberVector = vectors[member] as Vector;
  const dot = cosine(small.sum, large.sum) - cosine(small.sum, memberVector);
  const squares = large.norm * large.norm - 2 * cosine(large.sum, memberVector) + 1;
  const norm = Math.sqrt(Math.max(squares, 0)) || 1;
  return dot / (small.size * norm) < floor;
}

/** a + b as a sorted sparse vector, keeping the `limit` heaviest terms. */
function addVectors(a: Vector, b: Vector, limit: number): Vector {
  const terms = new Uint32Array(a.terms.length + b.terms.length);
  const weights = new Float64Array(terms.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.terms.length || j < b.terms.length) {
    const x = i < a.terms.length ? (a.terms[i] as number) : Infinity;
    const y = j < b.terms.length ? (b.terms[j] as number) : Infinity;
    if (x === y) {
      terms[n] = x;
      weights[n++] = (a.weights[i++] as number) + (b.weights[j++] as number);
    } else if (x < y) {
      terms[n] = x;
      weights[n++] = a.weights[i++] as number;
    } else {
      terms[n] = y;
      weights[n++] = b.weights[j++] as number;
    }
  }
  if (n <= limit) return { terms: terms.slice(0, n), weights: weights.slice(0, n) };
  const cut = weights.slice(0, n).sort()[n - limit] as number;
  const keepTerms: number[] = [];
  const keepWeights: number[] = [];
  for (let k = 0; k < n; k += 1) {
    if ((weights[k] as number) >= cut && keepTerms.length < limit) {
      keepTerms.push(terms[k] as number);
      keepWeights.push(weights[k] as number);
    }
  }
  return { terms: Uint32Array.from(keepTerms), weights: Float64Array.from(keepWeights) };
}
