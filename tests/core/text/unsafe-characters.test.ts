/**
 * The one definition of characters no reader may get (NEVER_SHOWN) and the pattern built on it
 * (unsafePattern), checked code point by code point.
 */
import { describe, expect, test } from 'vitest';
import { NEVER_SHOWN, unsafePattern } from '../../../src/core/text/unsafe-characters.ts';

/** Whether NEVER_SHOWN matches the whole of `text` (one code point, or one lone surrogate). */
function neverShown(text: string): boolean {
  return new RegExp(`^${NEVER_SHOWN}$`, 'u').test(text);
}

const character = (code: number): string => String.fromCodePoint(code);
const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** Code points NEVER_SHOWN must match, named for the failure message. */
const MATCHED: [number, string][] = [
  [0x0000, 'NUL'],
  [0x0001, 'SOH'],
  [0x0008, 'backspace'],
  [0x000b, 'vertical tab'],
  [0x000c, 'form feed'],
  [0x001b, 'ESC'],
  [0x001f, 'unit separator'],
  [0x007f, 'DEL'],
  [0x0080, 'first C1 control'],
  [0x0085, 'NEL'],
  [0x009b, 'CSI'],
  [0x009f, 'last C1 control'],
  [0xfdd0, 'first noncharacter of the Arabic block'],
  [0xfdef, 'last noncharacter of the Arabic block'],
  [0xfffe, 'U+FFFE'],
  [0xffff, 'U+FFFF'],
  [0x1fffe, 'noncharacter of plane 1'],
  [0x10ffff, 'last code point'],
  [0x202a, 'LRE'],
  [0x202b, 'RLE'],
  [0x202c, 'PDF'],
  [0x202d, 'LRO'],
  [0x202e, 'RLO'],
  [0x2066, 'LRI'],
  [0x2067, 'RLI'],
  [0x2068, 'FSI'],
  [0x2069, 'PDI'],
];

/** Code points NEVER_SHOWN must leave alone. */
const KEPT: [number, string][] = [
  [0x0009, 'tab'],
  [0x000a, 'line feed'],
  [0x000d, 'carriage return'],
  [0x0020, 'space'],
  [0x0041, 'A'],
  [0x007e, 'tilde'],
  [0x00a0, 'no-break space'],
  [0x00e9, 'é'],
  [0x05d0, 'Hebrew alef'],
  [0x200b, 'zero-width space'],
  [0x200d, 'zero-width joiner'],
  [0x200e, 'left-to-right mark'],
  [0x2028, 'line separator'],
  [0x2029, 'paragraph separator'],
  [0x2065, 'unassigned code point between the bidi blocks'],
  [0x206a, 'first code point after the isolates'],
  [0xfdcf, 'code point before the noncharacters'],
  [0xfdf0, 'code point after the noncharacters'],
  [0xfeff, 'byte-order mark'],
  [0xfffd, 'replacement character'],
  [0x1f600, 'grinning face emoji'],
  [0x1fffd, 'the code point before the plane-1 noncharacters'],
  [0x4e2d, 'CJK ideograph'],
];

describe('NEVER_SHOWN', () => {
  test.each(MATCHED.map(([code, name]) => [hex(code), name, code] as const))(
    'matches %s (%s)',
    (_, __, code) => {
      expect(neverShown(character(code))).toBe(true);
    },
  );

  test.each(KEPT.map(([code, name]) => [hex(code), name, code] as const))(
    'does not match %s (%s)',
    (_, __, code) => {
      expect(neverShown(character(code))).toBe(false);
    },
  );

  test('matches every C0 control except tab, line feed and carriage return', () => {
    const matched: number[] = [];
    for (let code = 0; code < 0x20; code += 1) if (neverShown(character(code))) matched.push(code);
    expect(matched).toStrictEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0b, 0x0c, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18,
      0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
    ]);
  });

  test('matches all 32 C1 controls and DEL, and nothing else from U+007E to U+00A0', () => {
    let count = 0;
    for (let code = 0x7e; code <= 0xa0; code += 1) if (neverShown(character(code))) count += 1;
    expect(count).toBe(33);
    expect(neverShown('~')).toBe(false);
    expect(neverShown('\u00a0')).toBe(false);
  });

  test('matches a lone high or low surrogate, but not the two halves of a pair together', () => {
    expect(neverShown('\ud800')).toBe(true);
    expect(neverShown('\udbff')).toBe(true);
    expect(neverShown('\udc00')).toBe(true);
    expect(neverShown('\udfff')).toBe(true);
    // U+1F600 as its surrogate pair is one code point, an emoji.
    expect(neverShown('\ud83d\ude00')).toBe(false);
    // Reversed halves are two lone surrogates.
    expect('\ude00\ud83d'.match(new RegExp(NEVER_SHOWN, 'gu'))).toStrictEqual(['\ude00', '\ud83d']);
  });

  test('matches the noncharacters U+xFFFE and U+xFFFF of every plane, and the 32 of U+FDD0–U+FDEF', () => {
    for (let plane = 0; plane <= 0x10; plane += 1) {
      const base = plane * 0x10000;
      expect(neverShown(character(base + 0xfffe)), hex(base + 0xfffe)).toBe(true);
      expect(neverShown(character(base + 0xffff)), hex(base + 0xffff)).toBe(true);
      expect(neverShown(character(base + 0xfffd)), hex(base + 0xfffd)).toBe(false);
    }
    let arabicBlock = 0;
    for (let code = 0xfdc0; code <= 0xfdff; code += 1) if (neverShown(character(code))) arabicBlock += 1;
    expect(arabicBlock).toBe(32);
  });

  test('leaves an emoji sequence joined by ZWJ and a flag whole', () => {
    const family = '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}';
    const flag = '\u{1f1ec}\u{1f1e7}';
    expect(`${family} ${flag}`.replace(new RegExp(NEVER_SHOWN, 'gu'), '')).toBe(`${family} ${flag}`);
  });
});

describe('unsafePattern', () => {
  test('returns a global, Unicode-aware pattern that removes every never-shown character', () => {
    const pattern = unsafePattern();
    expect(pattern.flags).toBe('gu');
    expect('a\u0000b\u202ec\u0085d\ufdd0e\tf\ng'.replace(pattern, '')).toBe('abcde\tf\ng');
  });

  test('returns a pattern that leaves ordinary text, emoji and ZWJ alone when given no extra characters', () => {
    const text = 'Café “Kabul” — 中文 \u{1f44d}\u{1f3fd} \u{1f469}\u200d\u{1f4bb} <b>&amp;';
    expect(text.replace(unsafePattern(), '')).toBe(text);
  });

  test('returns a pattern that also matches the extra characters when given a character-class body', () => {
    const pattern = unsafePattern('<>&');
    expect('<b>Tom & Jerry</b>\u202e'.replace(pattern, '')).toBe('bTom  Jerry/b');
    // The extra class is added to NEVER_SHOWN, not put in its place.
    expect('\u0007'.replace(pattern, '')).toBe('');
    expect('\t'.replace(pattern, '')).toBe('\t');
  });

  test('returns a pattern whose extra class may be a Unicode property, tab and all', () => {
    const pattern = unsafePattern(String.raw`\p{Cf}\t`);
    expect('a\u200db\u00adc\td\u2066e'.replace(pattern, '')).toBe('abcde');
  });

  test('returns a new pattern on every call, so one caller’s lastIndex cannot affect another', () => {
    const first = unsafePattern();
    expect(first.exec('x\u0001y')?.index).toBe(1);
    expect(first.lastIndex).toBe(2);
    const second = unsafePattern();
    expect(second).not.toBe(first);
    expect(second.lastIndex).toBe(0);
    expect(second.exec('\u0001')?.index).toBe(0);
  });
});
