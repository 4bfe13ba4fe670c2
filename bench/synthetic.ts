/**
 * A deterministic synthetic news corpus for benchmarks: articles of varied length built from a
 * generated vocabulary, grouped into events (several reports sharing names and topic words),
 * with exact copies, near copies (a sentence added) and quotes shared by unrelated articles.
 * Same seed, same bytes.
 */
import { seededRandom as random } from '../tests/support/random.ts';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ran',
  'te',
  'vor',
  'sel',
  'da',
  'pu',
  'nel',
  'gri',
  'to',
  'ber',
  'sa',
  'fen',
  'ul',
];
const COMMON =
  'the a of to in and said on for that with was by at from as is it has have will be after its their were are this an'.split(
    ' ',
  );

export interface SyntheticFile {
  path: string;
  text: string;
}

/**
 * Generates `count` article files.
 *
 * @param count - number of files
 * @param seed - PRNG seed
 */
export function syntheticCorpus(count: number, seed = 1): SyntheticFile[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const word = (): string =>
    Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join('');
  // The vocabulary grows with the corpus, as real news vocabularies do (new names, places).
  const vocabulary = Array.from({ length: Math.max(6000, count) }, word);
  const names = Array.from({ length: Math.max(3000, count / 2) }, () => {
    const w = word();
    return w.charAt(0).toUpperCase() + w.slice(1);
  });
  const quotes = Array.from({ length: 50 }, () => `"${sentence(vocabulary, [], 14)}" an official said.`);

  function sentence(
    topic: readonly string[],
    people: readonly string[],
    length = 10 + Math.floor(next() * 14),
  ): string {
    const words = Array.from({ length }, () => {
      const roll = next();
      if (people.length > 0 && roll < 0.12) return pick(people);
      if (topic.length > 0 && roll < 0.35) return pick(topic);
      return roll < 0.7 ? pick(COMMON) : pick(vocabulary);
    });
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }

  const files: SyntheticFile[] = [];
  while (files.length < count) {
    const topic = Array.from({ length: 12 }, () => pick(vocabulary));
    const people = Array.from({ length: 4 }, () => pick(names));
    const reports = 1 + Math.floor(next() * 4);
    for (let report = 0; report < reports && files.length < count; report += 1) {
      const paragraphs = Array.from({ length: 3 + Math.floor(next() * 12) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 3) }, () => sentence(topic, people)).join(' '),
      );
      if (next() < 0.1) paragraphs.splice(1, 0, pick(quotes));
      const title = sentence(topic, people, 6).replace(/\.$/, '');
      const day = 1 + Math.floor(next() * 28);
      const text = `Published: 2025-03-${String(day).padStart(2, '0')}\n\n${title}\n\n${paragraphs.join('\n\n')}\n`;
      files.push({ path: `synthetic/${String(files.length).padStart(6, '0')}.txt`, text });
      const roll = next();
      if (roll < 0.03 && files.length < count)
        files.push({ path: `synthetic/${String(files.length).padStart(6, '0')}.txt`, text });
      else if (roll < 0.06 && files.length < count) {
        const edited = `${text}\n${sentence(topic, people)}\n`;
        files.push({ path: `synthetic/${String(files.length).padStart(6, '0')}.txt`, text: edited });
      }
    }
  }
  return files;
}
