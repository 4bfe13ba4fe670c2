/**
 * Typographic quotes in linear time. The rules are those of `smartquotes` 2.3.2 (MIT), applied
 * in the same order with the same results; the three rules whose regular expressions scan to the
 * end of the text from every opening quote (quadratic: a 200 KB paragraph of `"a ` took 9 s) are
 * replaced by single left-to-right scans that reproduce exactly what the global regular
 * expression replaces. `tests/core/ingest/parse.adversarial-properties.test.ts` checks the equivalence
 * against the library on generated text.
 */

const OPEN_DOUBLE = '\u201c';
const CLOSE_DOUBLE = '\u201d';
const OPEN_SINGLE = '\u2018';
const CLOSE_SINGLE = '\u2019';

type Rule = (text: string) => string;

/** `smartquotes`' ninth rule, linear as written: each match looks ahead no further than the next ‘. */
const BACKWARDS_APOSTROPHE =
  /(\B|^)\u2018(?=([^\u2018\u2019]*\u2019\b)*([^\u2018\u2019]*\B\W[\u2018\u2019]\b|[^\u2018\u2019]*$))/gi;

const RULES: readonly Rule[] = [
  // triple prime
  (text) => text.replace(/'''/g, '\u2034'),
  // beginning "
  (text) => text.replace(/(\W|^)"(\w)/g, `$1${OPEN_DOUBLE}$2`),
  // ending " after an opening “
  closeDoubleQuotes,
  // remaining " at the end of a word
  (text) => text.replace(/([^0-9])"/g, `$1${CLOSE_DOUBLE}`),
  // double prime as two single quotes
  (text) => text.replace(/''/g, '\u2033'),
  // beginning '
  (text) => text.replace(/(\W|^)'(\S)/g, `$1${OPEN_SINGLE}$2`),
  // conjunction's possession
  (text) => text.replace(/([a-z0-9])'([a-z])/gi, `$1${CLOSE_SINGLE}$2`),
  // abbreviated years like '93
  abbreviatedYears,
  // ending '
  closeSingleQuotes,
  // backwards apostrophe
  (text) => text.replace(BACKWARDS_APOSTROPHE, `$1${CLOSE_SINGLE}`),
  // double prime
  (text) => text.replace(/"/g, '\u2033'),
  // prime
  (text) => text.replace(/'/g, '\u2032'),
];

/**
 * Replaces straight quotes with typographic ones exactly as `smartquotes.string` does, in time
 * linear in the length of the text.
 *
 * @param text - any text
 */
export function typographicQuotes(text: string): string {
  return RULES.reduce((current, rule) => rule(current), text);
}

/**
 * `/(“[^"]*)"([^"]*$|[^“"]*“)/g` → `$1”$2`: a straight `"` closes the nearest “ before it when
 * no other `"` follows it, or when the next of `"`/“ after it is a “; the match then runs to the
 * end of the text, or through that “.
 */
function closeDoubleQuotes(text: string): string {
  const length = text.length;
  const nextStraight = nextIndexWhere(text, (char) => char === '"');
  const nextOpenOrStraight = nextIndexWhere(text, (char) => char === '"' || char === OPEN_DOUBLE);
  const replaced: number[] = [];
  let index = 0;
  while (index < length) {
    const close = text[index] === OPEN_DOUBLE ? at(nextStraight, index + 1) : length;
    if (close === length) {
      index += 1;
      continue;
    }
    let end = length;
    if (at(nextStraight, close + 1) < length) {
      const next = at(nextOpenOrStraight, close + 1);
      if (text[next] !== OPEN_DOUBLE) {
        index += 1;
        continue;
      }
      end = next + 1;
    }
    replaced.push(close);
    index = end;
  }
  return replaceAt(text, replaced, CLOSE_DOUBLE);
}

/**
 * `/(‘)([0-9]{2}[^’]*)(‘([^0-9]|$)|$|’[a-z])/gi` → `’$2$3`: a ‘ before two digits becomes ’
 * when the text up to the next ’ ends the text, that ’ is followed by a letter, or a ‘ not
 * followed by a digit stands after the digits; the match runs to the last such place.
 */
function abbreviatedYears(text: string): string {
  const length = text.length;
  const nextClose = nextIndexWhere(text, (char) => char === CLOSE_SINGLE);
  const lastOpenBeforeNonDigit = lastIndexWhere(
    text,
    (char, index) => char === OPEN_SINGLE && !isDigit(text[index + 1]),
  );
  const replaced: number[] = [];
  let index = 0;
  while (index < length) {
    if (text[index] !== OPEN_SINGLE || !isDigit(text[index + 1]) || !isDigit(text[index + 2])) {
      index += 1;
      continue;
    }
    const close = at(nextClose, index + 3);
    let end: number | undefined;
    if (close === length) end = length;
    else if (isAsciiLetter(text[close + 1])) end = close + 2;
    else {
      const open = close > 0 ? at(lastOpenBeforeNonDigit, close - 1) : -1;
      if (open >= index + 3) end = open + 2;
    }
    if (end === undefined) {
      index += 1;
      continue;
    }
    replaced.push(index);
    index = end;
  }
  return replaceAt(text, replaced, CLOSE_SINGLE);
}

/**
 * `/((‘[^']*)|[a-z])'([^0-9]|$)/gi` → `$1’$3`: a straight `'` not followed by a digit becomes ’
 * when it is the first `'` after a ‘, or stands right after a letter.
 */
function closeSingleQuotes(text: string): string {
  const length = text.length;
  const nextStraight = nextIndexWhere(text, (char) => char === "'");
  const replaced: number[] = [];
  const closesAt = (quote: number): boolean => quote < length && !isDigit(text[quote + 1]);
  let index = 0;
  while (index < length) {
    let quote = length;
    if (text[index] === OPEN_SINGLE) quote = at(nextStraight, index + 1);
    else if (isAsciiLetter(text[index]) && text[index + 1] === "'") quote = index + 1;
    if (!closesAt(quote)) {
      index += 1;
      continue;
    }
    replaced.push(quote);
    // The match takes the character after the quote too, unless the quote ends the text.
    index = Math.min(quote + 2, length);
  }
  return replaceAt(text, replaced, CLOSE_SINGLE);
}

/** For each position, the first index at or after it whose character passes `test` (or the length). */
function nextIndexWhere(text: string, test: (char: string) => boolean): Int32Array {
  const next = new Int32Array(text.length + 1).fill(text.length);
  for (let index = text.length - 1; index >= 0; index -= 1) {
    next[index] = test(text.charAt(index)) ? index : (next[index + 1] ?? text.length);
  }
  return next;
}

/** For each position, the last index at or before it whose character passes `test` (or -1). */
function lastIndexWhere(text: string, test: (char: string, index: number) => boolean): Int32Array {
  const last = new Int32Array(text.length).fill(-1);
  for (let index = 0; index < text.length; index += 1) {
    last[index] = test(text.charAt(index), index) ? index : index > 0 ? (last[index - 1] ?? -1) : -1;
  }
  return last;
}

function at(table: Int32Array, index: number): number {
  return table[index] ?? -1;
}

/** `text` with the characters at `positions` (ascending) replaced by `replacement`. */
function replaceAt(text: string, positions: readonly number[], replacement: string): string {
  if (positions.length === 0) return text;
  const pieces: string[] = [];
  let from = 0;
  for (const position of positions) {
    pieces.push(text.slice(from, position), replacement);
    from = position + 1;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** `[a-z]` under the `i` flag without `u`: ASCII letters only. */
function isAsciiLetter(char: string | undefined): boolean {
  return char !== undefined && /^[A-Za-z]$/.test(char);
}
