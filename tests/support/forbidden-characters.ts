/**
 * The characters that must never reach a page, feed, sitemap, JSON-LD block or search record,
 * written out here independently of src/core/text/characters.ts so tests do not take the
 * code under test's word for it: controls other than tab, line feed and carriage return (C0,
 * DEL, C1), surrogates, noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF in every plane), and
 * the bidi embeddings, overrides and isolates that can show text in another order.
 */

/**
 * Whether a code point must never be shown.
 *
 * @param codePoint - any code point (a lone surrogate's code unit included)
 */
export function isForbidden(codePoint: number): boolean {
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) return false;
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff) ||
    (codePoint >= 0xfdd0 && codePoint <= 0xfdef) ||
    (codePoint & 0xfffe) === 0xfffe ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069)
  );
}

/**
 * The forbidden characters in a text, as U+ names in order of appearance (empty when clean).
 *
 * @param text - any text
 */
export function forbiddenIn(text: string): string[] {
  return Array.from(text)
    .filter((char) => isForbidden(char.codePointAt(0) ?? 0))
    .map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * Every string anywhere in a value (object values, array items), for scanning parsed JSON.
 *
 * @param value - any value
 */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}
