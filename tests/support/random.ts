/**
 * mulberry32: a tiny, well-known deterministic pseudo-random generator, so every generated file
 * and corpus is the same on every run. Shared by the test fixtures and the benchmark corpora.
 *
 * @param seed - any 32-bit integer
 * @returns a function giving numbers in [0, 1)
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
