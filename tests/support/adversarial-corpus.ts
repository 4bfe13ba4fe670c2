/**
 * Hostile corpora for the corpus stage (duplicates, stories, topics): thousands of distinct
 * articles sharing one boilerplate block, an article naming thousands of distinct people, giant
 * capitalised tokens. Deterministic: same arguments, same text. Shared by
 * `bench/adversarial-corpus.ts` and the corpus unit tests.
 */
import { seededRandom as random } from './random.ts';

const SYLLABLES = ['ka', 'lo', 'mi', 'ran', 'te', 'vor', 'sel', 'da', 'pu', 'nel', 'gri', 'to', 'ber', 'sa'];

/** A generator of made-up words of 3–5 syllables: a vocabulary no stop list knows. */
function wordMaker(seed: number): () => string {
  const next = random(seed);
  return () =>
    Array.from(
      { length: 3 + Math.floor(next() * 3) },
      () => SYLLABLES[Math.floor(next() * SYLLABLES.length)],
    ).join('');
}

const capitalised = (word: string): string => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/** 60 words, as agencies and newsletters append to every piece. */
export const BOILERPLATE_BLOCK =
  'This article is distributed by the Northern Wire Agency under licence. It may not be ' +
  'reproduced, broadcast, rewritten or redistributed in any form without the prior written ' +
  'permission of the agency. Opinions expressed are those of the author. To report an error ' +
  'or to request a correction, write to the standards desk, quoting the reference number shown ' +
  'at the top of the page.';

export interface CorpusFile {
  /** Path relative to the content folder. */
  path: string;
  text: string;
}

export interface BoilerplateCorpus {
  files: CorpusFile[];
  /** Paths of files whose text is an exact copy of another file's: [original, copy]. */
  exactCopies: [string, string][];
  /** Paths of files that are the same article with one sentence added: [original, copy]. */
  nearCopies: [string, string][];
}

/**
 * `count` files, each a distinct short article followed by the same {@link BOILERPLATE_BLOCK}
 * (which is most of its words), among them one exact copy and one near copy (a sentence added)
 * per thousand files.
 *
 * @param count - number of files, copies included
 * @param seed - PRNG seed
 */
export function boilerplateCorpus(count: number, seed = 1): BoilerplateCorpus {
  const word = wordMaker(seed);
  const sentence = (length: number): string => `${capitalised(Array.from({ length }, word).join(' '))}.`;
  const files: CorpusFile[] = [];
  const exactCopies: [string, string][] = [];
  const nearCopies: [string, string][] = [];
  const path = (): string => `wire/${String(files.length).padStart(6, '0')}.txt`;
  while (files.length < count) {
    const title = capitalised(`${word()} ${word()} ${word()}`);
    const text = `${title}\n\n${sentence(14)} ${sentence(16)}\n\n${BOILERPLATE_BLOCK}\n`;
    const original = path();
    files.push({ path: original, text });
    if (files.length % 1000 === 1 && files.length < count) {
      exactCopies.push([original, path()]);
      files.push({ path: path(), text });
    } else if (files.length % 1000 === 501 && files.length < count) {
      nearCopies.push([original, path()]);
      const edited = text.replace(`\n\n${BOILERPLATE_BLOCK}`, ` ${sentence(10)}\n\n${BOILERPLATE_BLOCK}`);
      files.push({ path: path(), text: edited });
    }
  }
  return { files, exactCopies, nearCopies };
}

/**
 * An article of about `bytes` characters naming ever new people, each by full name and then by
 * surname ("Envoy Kalomi Tesel met Tesel …"): the worst case for matching surnames to names.
 *
 * @param bytes - size of the text
 * @param seed - PRNG seed
 */
export function manyNamesArticle(bytes: number, seed = 2): string {
  const word = wordMaker(seed);
  const paragraphs: string[] = [];
  let size = 0;
  let paragraph = '';
  while (size + paragraph.length < bytes) {
    const [first, last] = [capitalised(word()), capitalised(word())];
    paragraph += `The envoy ${first} ${last} met ${last} twice. `;
    if (paragraph.length > 1500) {
      paragraphs.push(paragraph.trim());
      size += paragraph.length + 2;
      paragraph = '';
    }
  }
  paragraphs.push(paragraph.trim() || 'The envoys met.');
  return `Envoys meet\n\n${paragraphs.join('\n\n')}\n`;
}

/**
 * Units a giant token is made of: capitals joined by hyphens, dots or apostrophes (each piece a
 * "word" to the corpus stage), and capitals alone.
 */
export const GIANT_TOKEN_UNITS = ['Ab-', 'A.', 'O’', "D'", 'AB', 'Ab', 'A-b-'] as const;

/**
 * A short article with one token of about `bytes` characters repeating `unit`, in the middle
 * of a sentence and again on a line of its own.
 *
 * @param bytes - length of the token
 * @param unit - the piece repeated, e.g. `Ab-`
 */
export function giantTokenArticle(bytes: number, unit: string): string {
  const token = unit.repeat(Math.ceil(bytes / unit.length));
  return `A report on the token\n\nThe council said ${token} was read aloud.\n\n${token}\n\nThe meeting ended.\n`;
}

/**
 * UTF-8 bytes of corpus files, as the pipeline takes them.
 *
 * @param files - paths and texts
 */
export function encodeFiles(files: readonly CorpusFile[]): { path: string; bytes: Uint8Array }[] {
  const encoder = new TextEncoder();
  return files.map((file) => ({ path: file.path, bytes: encoder.encode(file.text) }));
}
