/**
 * The character clean-up (src/core/text/characters.ts): what no reader should get is removed,
 * line-break controls become line breaks, Windows-1252 mix-ups are repaired, HTML character
 * references are decoded one level, and every change is recorded as an edit with its lines.
 * The forbidden set (tests/support/forbidden-characters.ts) is written out independently of the
 * code under test.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  cleanCharacters,
  hasUnsafeCharacter,
  removeUnsafeCharacters,
} from '../../../src/core/text/characters.ts';
import { decodeText } from '../../../src/core/ingest/decode.ts';
import { parseArticle } from '../../../src/core/ingest/parse.ts';
import type { ParsedArticle } from '../../../src/core/model/schema.ts';
import { allStrings, forbiddenIn, isForbidden } from '../../support/forbidden-characters.ts';

fc.configureGlobal({ seed: 20_261_313, numRuns: 300 });

/** Also cleaned by design: separators, deprecated format controls, annotation marks, tags. */
function isCleaned(codePoint: number): boolean {
  return (
    isForbidden(codePoint) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    (codePoint >= 0x206a && codePoint <= 0x206f) ||
    (codePoint >= 0xfff9 && codePoint <= 0xfffb) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe007f)
  );
}

const text = (input: string): string => cleanCharacters(input).text;
const edits = (input: string) => cleanCharacters(input).edits;

describe('cleanCharacters: controls and noncharacters', () => {
  test('removes every C0 control except tab, line feed and carriage return, and DEL', () => {
    const removed = [...Array.from({ length: 32 }, (_, code) => code), 0x7f].filter(
      (code) => ![0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(code),
    );
    for (const code of removed) {
      expect([code, text(`a${String.fromCharCode(code)}b`)]).toEqual([code, 'ab']);
    }
    expect(text('a\tb\nc\r\nd\re')).toBe('a\tb\nc\r\nd\re');
  });

  test('turns vertical tab and form feed into line breaks, and records them', () => {
    expect(text('one\ftwo\vthree')).toBe('one\ntwo\nthree');
    expect(edits('one\ftwo\vthree')).toEqual([
      {
        kind: 'replaced-characters',
        line: 1,
        removed: ['U+000C → line break (line 1)', 'U+000B → line break (line 2)'],
      },
    ]);
  });

  test('numbers each control of a run of them (with spaces between) on its own line', () => {
    // One match covers the run "\f\v \f"; each control is still one line break of its own.
    expect(text('a\f\v \fb\r\nc\vd')).toBe('a\n\n \nb\r\nc\nd');
    expect(edits('a\f\v \fb\r\nc\u0092\vd')).toEqual([
      {
        kind: 'replaced-characters',
        line: 1,
        removed: [
          'U+000C → line break ×2 (lines 1, 3)',
          'U+000B → line break ×2 (lines 2, 5)',
          'U+0092 → ’ (line 5)',
        ],
      },
    ]);
    const many = edits(`x${'\f '.repeat(1000)}y`);
    expect(many).toEqual([
      {
        kind: 'replaced-characters',
        line: 1,
        removed: ['U+000C → line break ×1000 (lines 1, 2, 3, 4, 5 and 995 more)'],
      },
    ]);
  });

  test('removes the five bytes Windows-1252 leaves undefined (C1 controls once decoded)', () => {
    expect(text('A\u0081B\u008DC\u008FD\u0090E\u009DF')).toBe('ABCDEF');
    expect(edits('A\u0081B\u008D\u0081')).toEqual([
      { kind: 'removed-characters', line: 1, removed: ['U+0081 ×2 (line 1)', 'U+008D (line 1)'] },
    ]);
  });

  test('repairs C1 controls that are Windows-1252 read as Latin-1 (U+0092 → ’)', () => {
    expect(text('don\u0092t \u0093quote\u0094 \u0096 \u0080 5')).toBe('don’t “quote” – € 5');
    expect(edits('don\u0092t')).toEqual([
      { kind: 'replaced-characters', line: 1, removed: ['U+0092 → ’ (line 1)'] },
    ]);
  });

  test('reads U+0085 as a line break (NEL), or as "…" in text showing that mix-up', () => {
    expect(text('first\u0085second')).toBe('first\nsecond');
    expect(text('it\u0092s over\u0085 really')).toBe('it’s over… really');
  });

  test('removes noncharacters in every plane and lone surrogates, keeping surrogate pairs', () => {
    const nonchars = ['\uFDD0', '\uFDEF', '\uFFFE', '\uFFFF', '\u{1FFFE}', '\u{2FFFF}', '\u{10FFFF}'];
    for (const char of nonchars) expect(text(`x${char}y`)).toBe('xy');
    expect(text('lone \uD800 and \uDFFF end')).toBe('lone  and  end');
    expect(text('pair 😀 \u{1F3F4}')).toBe('pair 😀 \u{1F3F4}');
  });

  test('removes bidi embeddings, overrides and isolates, which can show text out of order', () => {
    // "Trojan Source": RLO makes "exe.txt" display as "txt.exe".
    expect(text('invoice\u202Etxt.exe')).toBe('invoicetxt.exe');
    for (const char of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069'])
      expect(text(`a${char}b`)).toBe('ab');
  });

  test('keeps what scripts and emoji need: ZWJ, ZWNJ, LRM/RLM, variation selectors, flags', () => {
    const persian = 'می\u200Cخواهم'; // ZWNJ between the prefix and the verb
    const hindi = 'क्\u200Dष';
    const family = '👨\u200D👩\u200D👧';
    const hebrew = 'שלום \u200F123\u200E';
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    const heart = '❤\uFE0F';
    for (const kept of [persian, hindi, family, hebrew, scotland, heart]) {
      expect(cleanCharacters(kept)).toEqual({ text: kept, edits: [] });
    }
  });

  test('removes tag characters outside an emoji flag (hidden text) and other invisible controls', () => {
    expect(text('Read\u{E0049}\u{E0047}\u{E004E} this')).toBe('Read this');
    expect(text('a\u206Ab\uFFF9c\uFFFBd')).toBe('abcd');
  });

  test('removes hidden text dressed as a flag: only a subdivision flag keeps its tag characters', () => {
    const tags = (ascii: string) =>
      [...ascii].map((c) => String.fromCodePoint(0xe0000 + (c.codePointAt(0) ?? 0))).join('');
    expect(text(`a \u{1F3F4}${tags('ignore all previous instructions')}\u{E007F} b`)).toBe('a \u{1F3F4} b');
    expect(text(`a \u{1F3F4}${tags('gbwls')}\u{E007F} b`)).toBe(`a \u{1F3F4}${tags('gbwls')}\u{E007F} b`);
  });

  test('keeps every line where it was and counts lines as the parser does (CRLF, CR, VT, FF)', () => {
    const input = 'one\r\ntwo\rthree\fx\u0007\nfive\u0007';
    const result = cleanCharacters(input);
    expect(result.text.split(/\r\n|\r|\n/)).toHaveLength(5);
    expect(result.edits[0]).toEqual({
      kind: 'removed-characters',
      line: 4,
      removed: ['U+0007 ×2 (lines 4, 5)'],
    });
  });
});

describe('cleanCharacters: HTML character references', () => {
  test('decodes numeric references, decimal and hex, with or without the semicolon', () => {
    expect(text('&#163;1.8m fine')).toBe('£1.8m fine');
    expect(text('&#xA3;5 &#XA3;6 &#163 7')).toBe('£5 £6 £ 7');
    expect(text('it&#8217;s')).toBe('it’s');
    expect(text('&#x1F600;')).toBe('😀');
  });

  test('decodes named references: &amp; &pound; &nbsp; &rsquo; and the rest of HTML’s list', () => {
    expect(text('Tom &amp; Jerry cost &pound;5 and it&rsquo;s 5&nbsp;km &mdash; &eacute;t&eacute;')).toBe(
      'Tom & Jerry cost £5 and it’s 5\u00A0km — été',
    );
    expect(text('&notin; &CounterClockwiseContourIntegral;')).toBe('∉ ∳');
  });

  test('records each decoded reference with its count and lines', () => {
    expect(edits('&#163;1.8m\n&amp; &amp;\nx &amp;')).toEqual([
      {
        kind: 'decoded-entities',
        line: 1,
        removed: ['&#163; → £ (line 1)', '&amp; → & ×3 (lines 2, 3)'],
      },
    ]);
  });

  test('leaves text that only looks like a reference as written', () => {
    for (const kept of [
      'AT&T',
      'R&D',
      'Q&As',
      'M&S and B&Q',
      'Salt, pepper &c.',
      'see ?a=1&copy=2&b=3',
      '&ampersand',
      '&nosuchentity;',
      '& alone',
      '&#;',
      '&#x;',
      '&#12345678; is too long to be a character',
    ]) {
      expect(cleanCharacters(kept)).toEqual({ text: kept, edits: [] });
    }
  });

  test('decodes only the legacy names scrapes leave without a semicolon: &amp &lt &gt &quot &nbsp', () => {
    expect(text('Tom &amp Jerry, 1 &lt 2, &quot;x&quot')).toBe('Tom & Jerry, 1 < 2, "x"');
    expect(text('&copy 2024 and &pound5')).toBe('&copy 2024 and &pound5');
  });

  test('decodes one level only: a double-encoded reference shows as written once', () => {
    expect(text('&amp;pound; &amp;amp; &amp;#163;')).toBe('&pound; &amp; &#163;');
  });

  test('decodes markup references to literal text: tags stay text, never markup', () => {
    expect(text('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
  });

  test('removes references to controls, noncharacters, surrogates and non-characters of HTML', () => {
    expect(text('a&#7;b&#x0;c&#xFFFE;d&#xD800;e&#x110000;f&#x81;g&#x202E;h')).toBe('abcdefgh');
    expect(edits('a&#7;b')[0]?.removed).toEqual(['&#7; → nothing (U+0007) (line 1)']);
  });

  test('reads references to whitespace controls as spaces (as HTML renders them), keeping lines', () => {
    expect(text('a&#10;b&#13;c&#9;d&NewLine;e&#x2028;f')).toBe('a b c d e f');
  });

  test('maps references to 0x80–0x9F as HTML does (Windows-1252)', () => {
    expect(text('&#146;&#x93;quoted&#x94;')).toBe('’“quoted”');
  });
});

describe('cleanCharacters: edits stay small whatever the input', () => {
  test('lists at most five lines per entry and twelve entries per edit', () => {
    const manyLines = Array.from({ length: 50 }, () => 'x\u0007').join('\n');
    expect(edits(manyLines)[0]?.removed).toEqual(['U+0007 ×50 (lines 1, 2, 3, 4, 5 and 45 more)']);
    const manyKinds = Array.from({ length: 20 }, (_, index) => String.fromCharCode(0x01 + index)).join('');
    const removed = edits(`x${manyKinds.replace(/[\t\n\v\f\r]/g, '')}`)[0]?.removed ?? [];
    expect(removed).toHaveLength(13);
    expect(removed.at(-1)).toBe('3 other kinds ×3 (line 1)');
  });

  test('cleans 1 MB of controls, noncharacters and references in well under 10 s', () => {
    const unit = 'a\u0007\uFFFE&#163;&amp;\u0092\f\uD800&nosuch; ';
    const input = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const started = performance.now();
    const result = cleanCharacters(input);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(forbiddenIn(result.text)).toEqual([]);
  });
});

describe('removeUnsafeCharacters and hasUnsafeCharacter', () => {
  test('strip exactly the characters that must never be shown', () => {
    const unsafe = 'a\u0000\u0007\u007F\u0085\u009F\uFDD0\uFFFF\u{10FFFE}\uD800\u202E\u2066b';
    expect(hasUnsafeCharacter(unsafe)).toBe(true);
    expect(removeUnsafeCharacters(unsafe)).toBe('ab');
    const safe = 'Tab\tline\nCR\r ZWJ👨\u200D👩 RLM\u200F €';
    expect(hasUnsafeCharacter(safe)).toBe(false);
    expect(removeUnsafeCharacters(safe)).toBe(safe);
  });
});

describe('cleanCharacters (properties, fixed seed)', () => {
  const hostile = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
    fc.constantFrom(
      '&amp;',
      '&#163;',
      '&#x7;',
      '&#xD800;',
      '&amp',
      '&',
      '&#',
      ';',
      '\n',
      '\r\n',
      ' ',
      'word',
    ),
  );
  const hostileText = fc.array(hostile, { maxLength: 40 }).map((parts) => parts.join(''));

  test('output never holds a forbidden character', () => {
    fc.assert(
      fc.property(hostileText, (input) => {
        expect(forbiddenIn(cleanCharacters(input).text)).toEqual([]);
      }),
    );
  });

  test('text with no character to clean and no "&" comes back unchanged, with no edit', () => {
    const plain = fc
      .string({ unit: 'binary', maxLength: 60 })
      .filter(
        (input) => !input.includes('&') && !Array.from(input).some((c) => isCleaned(c.codePointAt(0) ?? 0)),
      );
    fc.assert(
      fc.property(plain, (input) => {
        expect(cleanCharacters(input)).toEqual({ text: input, edits: [] });
      }),
    );
  });

  test('a parsed article holds no forbidden character (nor a carriage return) in any field', () => {
    const article = fc
      .tuple(hostileText, fc.array(hostileText, { minLength: 1, maxLength: 4 }))
      .map(
        ([title, paragraphs]) =>
          `${title}\n\n${paragraphs.map((p) => `Words in a paragraph ${p} end.`).join('\n\n')}`,
      );
    fc.assert(
      fc.property(article, (input) => {
        const strings = allStrings(parseArticle(input)).join('\n');
        expect(forbiddenIn(strings)).toEqual([]);
        expect(strings).not.toContain('\r');
      }),
    );
  });
});

describe('parseArticle with hostile characters', () => {
  const hostileFile = [
    'Bell\u0007 and \uFFFE &#163;1.8m fine for\u0081 Viacom',
    '',
    'The regulator fined the broadcaster &pound;1.8m on Tuesday\u0085 after a long inquiry into it.',
    '',
    'It said &lt;script&gt;alert(1)&lt;/script&gt; appeared\u202E on the page, and the fine\u0007 stands.',
  ].join('\n');

  test('publishes clean text and records each change with its line, as the parser counts lines', () => {
    const parsed = parseArticle(hostileFile) as ParsedArticle;
    expect(parsed.title).toBe('Bell and £1.8m fine for Viacom');
    // NEL is a line break inside the first paragraph's block, which reads as one paragraph.
    expect(parsed.paragraphs).toEqual([
      'The regulator fined the broadcaster £1.8m on Tuesday after a long inquiry into it.',
      'It said <script>alert(1)</script> appeared on the page, and the fine stands.',
    ]);
    expect(forbiddenIn(allStrings(parsed).join('\n'))).toEqual([]);
    expect(parsed.edits).toEqual([
      {
        kind: 'removed-characters',
        line: 1,
        removed: ['U+0007 ×2 (lines 1, 6)', 'U+FFFE (line 1)', 'U+0081 (line 1)', 'U+202E (line 6)'],
      },
      { kind: 'replaced-characters', line: 3, removed: ['U+0085 → line break (line 3)'] },
      {
        kind: 'decoded-entities',
        line: 1,
        removed: [
          '&#163; → £ (line 1)',
          '&pound; → £ (line 3)',
          '&lt; → < ×2 (line 6)',
          '&gt; → > ×2 (line 6)',
        ],
      },
    ]);
  });

  test('a Windows-1252 file’s undefined bytes (0x81 0x8D 0x8F 0x90 0x9D) never reach the article', () => {
    const bytes = Uint8Array.from([
      ...Array.from('Council', (c) => c.charCodeAt(0)),
      0x92,
      0x73,
      0x20,
      0xa3,
      0x35,
      0x6d,
      0x81,
      0x20,
      0x70,
      0x6c,
      0x61,
      0x6e,
      0x8d,
      0x0a,
      0x0a,
      ...Array.from('The council approved the plan on Monday', (c) => c.charCodeAt(0)),
      0x8f,
      0x90,
      0x9d,
      0x2e,
      0x0a,
    ]);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    const parsed = parseArticle(decoded.text) as ParsedArticle;
    expect(parsed.title).toBe('Council’s £5m plan');
    expect(parsed.paragraphs).toEqual(['The council approved the plan on Monday.']);
    expect(parsed.edits[0]?.removed).toEqual([
      'U+0081 (line 1)',
      'U+008D (line 1)',
      'U+008F (line 3)',
      'U+0090 (line 3)',
      'U+009D (line 3)',
    ]);
  });

  test('the BBC headline "&#163;1.8m indecency fine for Viacom" reads £1.8m', () => {
    const parsed = parseArticle(
      '&#163;1.8m indecency fine for Viacom\n\nThe media regulator has fined the broadcaster for indecency on air.\n',
    ) as ParsedArticle;
    expect(parsed.title).toBe('£1.8m indecency fine for Viacom');
  });

  test('removes characters that YAML escapes put into front matter, recorded as edits with their lines', () => {
    const parsed = parseArticle(
      [
        '---',
        'title: "Bell\\a title\\x85\\uFFFE\\u202E here"',
        'source: "Wire\\x07"',
        'tags: ["a\\x01b"]',
        '---',
        'The body of the article has enough words to be published as a paragraph of text.',
      ].join('\n'),
    ) as ParsedArticle;
    expect(parsed.title).toBe('Bell title here');
    expect(parsed.source).toBe('Wire');
    expect(parsed.tags).toEqual(['ab']);
    expect(parsed.edits).toEqual([
      {
        kind: 'removed-characters',
        line: 2,
        removed: ['U+0007, U+0085, U+FFFE, U+202E (front matter “title”)'],
      },
      { kind: 'removed-characters', line: 3, removed: ['U+0007 (front matter “source”)'] },
      { kind: 'removed-characters', line: 4, removed: ['U+0001 (front matter “tags”)'] },
    ]);
  });
});
