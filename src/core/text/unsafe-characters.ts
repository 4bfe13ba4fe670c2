/**
 * The one definition of the characters that must never reach a reader, as a pattern source the
 * three places that guard against them build on: cleaning article text (characters.ts),
 * JSON inside a `<script>` (site/json-ld.ts) and text written to a terminal (log-text.ts).
 *
 * Controls other than tab, line feed and carriage return (C0, DEL, C1), lone surrogates,
 * noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF), and the bidirectional embeddings, overrides
 * and isolates that can show text in another order than it is stored.
 */
export const NEVER_SHOWN = String.raw`(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u202A-\u202E\u2066-\u2069]`;

/**
 * A global, Unicode-aware pattern matching {@link NEVER_SHOWN} and the characters of `extra`
 * (the body of a character class, e.g. `<>&`).
 *
 * @param extra - more characters the caller must also treat, as a character-class body
 */
export function unsafePattern(extra = ''): RegExp {
  return new RegExp(extra ? `[${extra}]|${NEVER_SHOWN}` : NEVER_SHOWN, 'gu');
}
