/**
 * URL slugs: lowercase ASCII `[a-z0-9-]`, stable for the same name, unique across the site,
 * whatever the script of the name.
 *
 * slugify transliterates Latin, Cyrillic, Greek and most Arabic letters; the letters it would
 * drop (CJK, kana, Hangul, Hebrew, Thai, Indic scripts…) are romanized by any-ascii first, so
 * "新华社" becomes `xin-hua-she` instead of nothing. A name left with no letter or digit at all
 * (emoji, symbols) gets a short hash of itself. A title written wholly in Latin letters keeps
 * exactly the slug it always had: those URLs are a stable interface.
 */
import { createHash } from 'node:crypto';
import slugify, { type Options as SlugifyOptions } from '@sindresorhus/slugify';
import anyAscii from 'any-ascii';
import { compareStrings } from './text.ts';

const MAX_SLUG_LENGTH = 96;

/**
 * The slug a title would get on its own, before uniqueness is enforced. Apostrophes are dropped
 * rather than turned into hyphens ("Russia’s" → "russias"), and long slugs are cut at a hyphen.
 * A title with nothing to spell in ASCII gets `article-` and a hash of the title.
 *
 * @param title - the display title
 */
export function baseSlug(title: string): string {
  return asciiSlug(title.replace(/[’'‘`]/g, ''), { lowercase: true, decamelize: false }, title, 'article');
}

/**
 * The slug of an outlet's or a topic's name on its own, before uniqueness is enforced: slugify's
 * defaults (so "TechCrunch" stays `tech-crunch`, as it always was), with other scripts romanized
 * and a hashed `{fallback}-…` for a name with nothing to spell.
 *
 * @param name - the name as shown
 * @param fallback - the word that stands for a name with no spellable letter (`source`, `topic`)
 */
export function nameSlug(name: string, fallback: string): string {
  return asciiSlug(name, {}, sameNameKey(name), fallback);
}

/**
 * The identity of a name: two spellings that differ only in case, Unicode form or spacing
 * ("BBC News", "bbc  news") name the same outlet; any other difference ("BBC-News", "新華社"
 * beside "新华社") names another.
 *
 * @param name - the name as an article writes it
 */
export function sameNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Gives every distinct name (by {@link sameNameKey}) a distinct slug. The keys are taken in
 * code-point order, so the result depends only on the set of names, never on file order: the
 * first name of a base slug keeps it, and every other name that romanizes to the same letters
 * ("新华社" and "新華社" are both `xin-hua-she`, "BBC News" and "BBC-News" both `bbc-news`) gets
 * the base slug and a hash of its own key, which stays the same however many others collide.
 *
 * @param names - display spelling by key, as {@link sameNameKey} gives it
 * @param fallback - the word for names with nothing to spell (`source`, `topic`)
 * @returns slug by key
 */
export function assignNameSlugs(names: ReadonlyMap<string, string>, fallback: string): Map<string, string> {
  const keys = [...names.keys()].sort(compareStrings);
  const used = new Set<string>();
  const slugs = new Map<string, string>();
  const clashing: { key: string; base: string }[] = [];
  for (const key of keys) {
    const base = nameSlug(names.get(key) ?? key, fallback);
    if (used.has(base)) clashing.push({ key, base });
    else {
      used.add(base);
      slugs.set(key, base);
    }
  }
  for (const { key, base } of clashing) {
    let slug = `${base}-${shortHash(key)}`;
    // A real name could in theory spell the same letters as base + hash: rehash until free.
    for (let attempt = 2; used.has(slug); attempt += 1)
      slug = `${base}-${shortHash(`${key}\u0000${attempt}`)}`;
    used.add(slug);
    slugs.set(key, slug);
  }
  return slugs;
}

/**
 * Gives every item a unique slug. Items that share a base slug are ordered by their key (the
 * source file path), never by file-system order, so the same input always gets the same URLs;
 * the first keeps the base slug and the others get `-2`, `-3`, …
 *
 * @param items - one entry per article: a stable key, its title and any slug its front matter asks for
 * @returns slug by key
 */
export function assignSlugs(
  items: { key: string; title: string; slug?: string | undefined }[],
): Map<string, string> {
  const sorted = [...items].sort((a, b) => compareStrings(a.key, b.key));
  const used = new Set<string>();
  const slugs = new Map<string, string>();
  const clashing: { key: string; base: string }[] = [];
  // First pass: every base slug goes to its first claimant, so a title whose own slug is
  // "election-2" keeps it even when two "Election" articles also exist.
  for (const { key, title, slug: requested } of sorted) {
    const base = baseSlug(requested ?? title);
    if (used.has(base)) clashing.push({ key, base });
    else {
      used.add(base);
      slugs.set(key, base);
    }
  }
  // Numbering resumes where it stopped for each base: 10,000 files titled "Morning briefing"
  // must not try 2, 3, … again for every one of them.
  const nextSuffix = new Map<string, number>();
  for (const { key, base } of clashing) {
    let suffix = nextSuffix.get(base) ?? 2;
    while (used.has(`${base}-${suffix}`)) suffix += 1;
    const slug = `${base}-${suffix}`;
    nextSuffix.set(base, suffix + 1);
    used.add(slug);
    slugs.set(key, slug);
  }
  return slugs;
}

/**
 * 8 base-36 characters of the text's SHA-256 (41 bits): short enough for a URL, and two of
 * 10,000 names share one with a chance of about 1 in 40,000.
 */
function shortHash(text: string): string {
  const digest = createHash('sha256').update(text, 'utf8').digest();
  const prefix = digest.readUIntBE(0, 6) % 36 ** 8;
  return prefix.toString(36).padStart(8, '0');
}

function asciiSlug(text: string, options: SlugifyOptions, hashOf: string, fallback: string): string {
  const ascii = slugify(romanizeDroppedLetters(text), options)
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  if (ascii.length === 0) return `${fallback}-${shortHash(hashOf.normalize('NFC'))}`;
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH);
}

/** A letter or digit with the combining marks that belong to it; or anything else, one at a time. */
const CLUSTER = /[\p{L}\p{N}]\p{M}*|[^]/gu;
const OWN_SCRIPT_LETTER = /^[\p{L}\p{N}]/u;
/** Letters slugify keeps or deliberately drops as it always did: Latin and shared symbols. */
const LATIN_OR_COMMON = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * Replaces each run of letters that slugify would drop by any-ascii's romanization, with
 * syllables spaced apart ("新华社" → "Xin Hua She"); everything else is left for slugify.
 */
function romanizeDroppedLetters(text: string): string {
  // slugify is slow per call and a text has few distinct letters: each is asked once.
  const dropsByLetter = new Map<string, boolean>();
  let result = '';
  let run = '';
  for (const [cluster] of text.matchAll(CLUSTER)) {
    if (slugifyDrops(cluster, dropsByLetter)) run += cluster;
    else {
      result += romanize(run) + cluster;
      run = '';
    }
  }
  return result + romanize(run);
}

function romanize(run: string): string {
  if (run === '') return '';
  // any-ascii capitalises each CJK syllable ("XinHuaShe"): a space between them keeps them
  // words. No space around the run, so a letter romanized inside a word ("Ђоковић") stays in it.
  // Its apostrophes (Hebrew alef, Arabic ain) would split a word in two.
  return anyAscii(run)
    .replace(/['`]/g, '')
    .replace(/(\p{Ll})(?=\p{Lu})/gu, '$1 ');
}

/**
 * Whether slugify would drop this letter: a pure function of one code point, remembered in
 * `dropsByLetter`.
 */
function slugifyDrops(cluster: string, dropsByLetter: Map<string, boolean>): boolean {
  if (!OWN_SCRIPT_LETTER.test(cluster) || LATIN_OR_COMMON.test(cluster)) return false;
  const letter = String.fromCodePoint(cluster.codePointAt(0) ?? 0);
  let drops = dropsByLetter.get(letter);
  if (drops === undefined) {
    drops = slugify(letter) === '';
    dropsByLetter.set(letter, drops);
  }
  return drops;
}
