/**
 * Hostile article files, by class: long runs of every punctuation mark in every position a
 * recogniser looks at, quotes of every kind, capitals, hyphens and apostrophes in one token,
 * many distinct names, giant blocks of lines, tiny paragraphs, deep repeats, huge header lines,
 * whitespace runs, lines without spaces. Each generator is deterministic and makes a file of
 * about the requested size, so the parser's time can be compared at two sizes (growth) and
 * guarded in tests. Shared by `bench/adversarial.ts` and the `adversarial-*` unit tests.
 */
import { seededRandom } from './random.ts';

export { seededRandom };

/** One class of hostile input. */
export interface AdversarialClass {
  /** Short name shown in the benchmark table and the test titles. */
  name: string;
  /** Makes a file of about `bytes` UTF-8 bytes (never less). */
  make: (bytes: number) => string;
  /**
   * Most of the file is metadata (front matter) or character references rather than article
   * text, so the parsed article holds far fewer letters than the file.
   */
  mostlyMetadata?: true;
}

const HEADLINE = 'Council approves the new budget after a long debate';
const PROSE =
  'The council met on Tuesday and approved the budget after a debate that ran late into the evening.';

/** Every punctuation mark a scraper, a wire or a careless editor may repeat. */
export const PUNCTUATION_MARKS = [
  '.',
  ',',
  '-',
  '‐',
  '–',
  '—',
  "'",
  '"',
  '‘',
  '’',
  '“',
  '”',
  '«',
  '»',
  '‹',
  '›',
  '„',
  '‚',
  '`',
  '´',
  ':',
  ';',
  '!',
  '?',
  '…',
  '*',
  '#',
  '|',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '/',
  '\\',
  '_',
  '~',
  '=',
  '+',
  '&',
  '@',
  '%',
  '<',
  '>',
] as const;

const encoder = new TextEncoder();

/** UTF-8 length of a string. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** `unit` repeated until the result is at least `bytes` UTF-8 bytes long. */
export function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.ceil(bytes / byteLength(unit))));
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'su', 'ra', 'to', 'vi', 'da', 'be', 'zo', 'ha', 'ju', 'pe'];

/** Distinct capitalised names ("Kalomi Nesura"), as many as fill `bytes`. */
function distinctNames(bytes: number, separator: string): string {
  const random = seededRandom(7);
  const names: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const word = (): string => {
      let text = '';
      // The index in base 14 keeps every name distinct; random syllables make them look varied.
      for (let rest = index; ; rest = Math.floor(rest / SYLLABLES.length)) {
        text += SYLLABLES[rest % SYLLABLES.length];
        if (rest < SYLLABLES.length) break;
      }
      text += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
      return text.charAt(0).toUpperCase() + text.slice(1);
    };
    const name = `${word()} ${word()}`;
    names.push(name);
    size += name.length + separator.length;
  }
  return names.join(separator);
}

/** Paragraphs of prose that differ from each other (numbered), separated by blank lines. */
function distinctParagraphs(count: number): string[] {
  return Array.from(
    { length: count },
    (_, index) => `Paragraph ${index + 1} says what the council decided about item ${index + 1}.`,
  );
}

/** An article around a body: headline, a real paragraph, then the body. */
function withBody(body: string): string {
  return `${HEADLINE}\n\n${PROSE}\n\n${body}\n`;
}

/**
 * A run of a mark broken once by a letter: a pattern anchored at the end (`/[.\s]+$/`) that
 * backtracks fails at every position of the first half.
 */
function brokenRun(mark: string, bytes: number): string {
  return `${repeatTo(mark, bytes / 2)}a${repeatTo(mark, bytes / 2)}`;
}

/** Three classes per mark: a run as the first line, a run under the headline, runs in the body. */
function punctuationClasses(mark: string): AdversarialClass[] {
  return [
    {
      name: `${mark} run as first line`,
      make: (bytes) => `${brokenRun(mark, bytes)}\n${HEADLINE}\n\n${PROSE}\n`,
    },
    {
      name: `${mark} run under headline`,
      make: (bytes) => `${HEADLINE}\n${brokenRun(mark, bytes)}\n\n${PROSE}\n`,
    },
    {
      name: `${mark} runs in body`,
      make: (bytes) =>
        withBody(
          [
            `Word ${repeatTo(mark, bytes / 4)} word`,
            repeatTo(`${mark}a `, bytes / 4),
            repeatTo(`a${mark} `, bytes / 4),
            repeatTo(`${mark}${mark} a ${mark}`, bytes / 4),
          ].join('\n\n'),
        ),
    },
  ];
}

/** Every quote mark in the positions the typographic-quote rules look at. */
const QUOTES = `"'‘’“”«»‹›„‚\`´`;

function mixedQuotes(bytes: number, seed: number): string {
  const random = seededRandom(seed);
  const pieces = [...QUOTES, 'a', 'b', '1', '9', ' ', ' ', '.', ',', '-', 'A'];
  let text = '';
  while (text.length < bytes) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}

/** Nested repeats: each level is the level below twice, then a new paragraph. */
function nestedRepeats(bytes: number): string {
  let paragraphs = ['Level 0 of the nested repeat is a sentence long enough to count as one.'];
  for (let level = 1; byteLength(paragraphs.join('\n\n')) < bytes; level += 1) {
    paragraphs = [
      ...paragraphs,
      ...paragraphs,
      `Level ${level} of the nested repeat is a sentence long enough to count as one.`,
    ];
  }
  return paragraphs.join('\n\n');
}

const OTHER_CLASSES: AdversarialClass[] = [
  { name: 'normal prose (baseline)', make: (bytes) => withBody(repeatTo(`${PROSE}\n\n`, bytes)) },
  {
    name: 'quote-word pairs of every kind',
    make: (bytes) => withBody([...QUOTES].map((quote) => repeatTo(`${quote}a `, bytes / 13)).join(' ')),
  },
  { name: 'random quotes and letters', make: (bytes) => withBody(mixedQuotes(bytes, 1)) },
  { name: 'random quotes as first line', make: (bytes) => `${mixedQuotes(bytes, 2)}\n\n${PROSE}\n` },
  {
    name: "quoted years '12",
    make: (bytes) => withBody(`${repeatTo("'12 ‘12 ", bytes)}’.`),
  },
  {
    name: 'nested quotes',
    make: (bytes) => withBody(`${repeatTo('“‘«„‚', bytes / 2)}${repeatTo('’”»“‘', bytes / 2)}`),
  },
  { name: 'capitals: one token', make: (bytes) => withBody(repeatTo('A', bytes)) },
  { name: 'capitals: first line token', make: (bytes) => `${repeatTo('A', bytes)}\n\n${PROSE}\n` },
  {
    name: 'capitals headline, one huge paragraph',
    make: (bytes) =>
      `COUNCIL APPROVES THE NEW BUDGET\n\n${repeatTo('The Council met. Its Budget rose ', bytes)}\n`,
  },
  {
    name: 'capitals headline, capitals body',
    make: (bytes) => `COUNCIL APPROVES THE NEW BUDGET\n\n${repeatTo('THE COUNCIL MET AGAIN. ', bytes)}\n`,
  },
  {
    name: 'hyphen-apostrophe token',
    make: (bytes) => withBody(repeatTo("Aa-Bb'Cc-'Dd’Ee‐O'", bytes)),
  },
  {
    name: 'hyphenated capitalised token as first line',
    make: (bytes) => `${repeatTo('Jean-Claude-', bytes)}Doe\n\n${PROSE}\n`,
  },
  {
    name: 'hyphen-apostrophe token under headline',
    make: (bytes) => `${HEADLINE}\n${repeatTo("O'Neil-Smith’s-", bytes)}\n\n${PROSE}\n`,
  },
  { name: 'many distinct names', make: (bytes) => withBody(distinctNames(bytes, ', ')) },
  {
    name: 'many distinct names, one a paragraph',
    make: (bytes) => withBody(distinctNames(bytes, ' said.\n\n')),
  },
  {
    name: 'long byline of names',
    make: (bytes) => `By ${distinctNames(bytes, ' and ')}\n${HEADLINE}\n\n${PROSE}\n`,
  },
  {
    name: 'long dated header line',
    make: (bytes) =>
      `Published: 11 July 2025 ${repeatTo('- By Jane Doe ', bytes)}\n${HEADLINE}\n\n${PROSE}\n`,
  },
  {
    name: 'long pipe byline',
    make: (bytes) => `Jane Doe | ${repeatTo('Reuters ', bytes)}\n${HEADLINE}\n\n${PROSE}\n`,
  },
  {
    name: 'dates as first line',
    make: (bytes) => `${repeatTo('11 July 2025 ', bytes)}\n${HEADLINE}\n\n${PROSE}\n`,
  },
  {
    name: 'many header lines',
    make: (bytes) => `${repeatTo('By Jane Doe\nPublished: 11 July 2025\n', bytes)}${HEADLINE}\n\n${PROSE}\n`,
  },
  {
    name: 'many title repeats',
    make: (bytes) => `${HEADLINE}\n${repeatTo(`${HEADLINE}.\n`, bytes)}\n${PROSE}\n`,
  },
  { name: 'giant block of short lines', make: (bytes) => withBody(repeatTo('ab cd\n', bytes).trim()) },
  {
    name: 'giant block of wrapped lines',
    make: (bytes) =>
      withBody(repeatTo('the council met on tuesday and approved the budget after a debate\n', bytes).trim()),
  },
  { name: 'many tiny paragraphs', make: (bytes) => withBody(repeatTo('a\n\n', bytes)) },
  {
    name: 'many distinct paragraphs',
    make: (bytes) => withBody(distinctParagraphs(Math.ceil(bytes / 60)).join('\n\n')),
  },
  { name: 'many blank lines', make: (bytes) => `${HEADLINE}\n${repeatTo('\n', bytes)}${PROSE}\n` },
  {
    name: 'deep repeats: one block many times',
    make: (bytes) => withBody(repeatTo(`${distinctParagraphs(5).join('\n\n')}\n\n`, bytes)),
  },
  { name: 'deep repeats: nested', make: (bytes) => withBody(nestedRepeats(bytes)) },
  {
    name: 'deep repeats: one line many times',
    make: (bytes) => withBody(repeatTo(`${PROSE}\n`, bytes)),
  },
  { name: 'long first line of words', make: (bytes) => `${repeatTo('word ', bytes)}\n\n${PROSE}\n` },
  {
    name: 'long first line of sentences',
    make: (bytes) => `${repeatTo(`${PROSE} `, bytes)}\n${HEADLINE}\n\n${PROSE}\n`,
  },
  { name: 'one line, no spaces', make: (bytes) => repeatTo('abcdefghij', bytes) },
  { name: 'one line, no spaces, CJK', make: (bytes) => repeatTo('新华社人民日报', bytes) },
  { name: 'one line of digits', make: (bytes) => repeatTo('2025', bytes) },
  { name: 'whitespace: spaces', make: (bytes) => withBody(`a${repeatTo(' ', bytes)}b`) },
  { name: 'whitespace: tabs', make: (bytes) => withBody(`a${repeatTo('\t', bytes)}b`) },
  {
    name: 'whitespace: Unicode spaces',
    make: (bytes) => withBody(`a${repeatTo('\u00a0\u2003\u3000\u202f\u1680 ', bytes)}b`),
  },
  { name: 'whitespace: form feeds', make: (bytes) => withBody(`a${repeatTo('\f\v ', bytes)}|b`) },
  {
    name: 'whitespace runs between words',
    make: (bytes) => withBody(repeatTo('a \t \u00a0 b\u2003 \u3000 . ', bytes)),
  },
  {
    name: 'invisible characters',
    make: (bytes) => withBody(`a${repeatTo('\u200b\u00ad\ufeff\u2060', bytes)}b`),
  },
  { name: 'line endings: CR only', make: (bytes) => `${HEADLINE}\r\r${repeatTo(`${PROSE}\r`, bytes)}` },
  { name: 'line endings: CRLF runs', make: (bytes) => `${HEADLINE}\r\n${repeatTo('\r\n', bytes)}${PROSE}` },
  { name: 'combining marks', make: (bytes) => withBody(`e${repeatTo('\u0301', bytes)}`) },
  { name: 'emoji', make: (bytes) => withBody(repeatTo('🗞️👍🏽', bytes)) },
  {
    name: 'character references',
    mostlyMetadata: true,
    make: (bytes) => withBody(repeatTo('&#163;&amp;&pound;&#x27; ', bytes)),
  },
  {
    name: 'control characters',
    make: (bytes) => withBody(`a${repeatTo('\u0001\u0085\u0090\ufffe', bytes)}b`),
  },
  {
    name: 'front matter: many keys',
    mostlyMetadata: true,
    make: (bytes) => `---\ntitle: A title\n${repeatTo('key: value\n', bytes)}---\n${PROSE}\n`,
  },
  {
    name: 'front matter: long title',
    mostlyMetadata: true,
    make: (bytes) => `---\ntitle: ${repeatTo('Word ', bytes)}\ndate: 11 July 2025\n---\n${PROSE}\n`,
  },
  {
    name: 'front matter: long date',
    mostlyMetadata: true,
    make: (bytes) => `---\ntitle: A title\ndate: ${repeatTo('11 July 2025 ', bytes)}\n---\n${PROSE}\n`,
  },
  { name: 'front matter: unclosed', make: (bytes) => `---\n${repeatTo('title: A\n', bytes)}${PROSE}\n` },
  {
    name: 'dashes and ellipses in words',
    make: (bytes) => withBody(repeatTo('word--word---word - word...word.... ', bytes)),
  },
  {
    name: 'sentence ends without spaces',
    make: (bytes) => `${HEADLINE}\n${repeatTo('A.B!C?D…”E', bytes)}\n\n${PROSE}\n`,
  },
];

/** Every adversarial class, punctuation runs first. */
export const ADVERSARIAL_CLASSES: readonly AdversarialClass[] = [
  ...PUNCTUATION_MARKS.flatMap(punctuationClasses),
  ...OTHER_CLASSES,
];

/**
 * Building blocks for generated files (fast-check concatenates them): a short text of one kind,
 * of about `bytes` bytes, that may be glued to others with spaces or newlines.
 */
export const BUILDING_BLOCKS: readonly { name: string; make: (bytes: number) => string }[] = [
  ...PUNCTUATION_MARKS.map((mark) => ({
    name: `${mark} run`,
    make: (bytes: number) => repeatTo(mark, bytes),
  })),
  ...PUNCTUATION_MARKS.map((mark) => ({
    name: `${mark}a pairs`,
    make: (bytes: number) => repeatTo(`${mark}a `, bytes),
  })),
  { name: 'headline', make: () => HEADLINE },
  { name: 'capitals headline', make: () => 'COUNCIL APPROVES THE NEW BUDGET' },
  { name: 'prose', make: (bytes) => repeatTo(`${PROSE} `, bytes) },
  { name: 'byline', make: () => 'By Jane Doe, Reuters' },
  { name: 'date line', make: () => 'Published: 11 July 2025' },
  { name: 'front matter fence', make: () => '---' },
  { name: 'capitals', make: (bytes) => repeatTo('A', bytes) },
  { name: 'hyphen-apostrophe token', make: (bytes) => repeatTo("Aa-Bb'Cc-'Dd’", bytes) },
  { name: 'names', make: (bytes) => distinctNames(bytes, ', ') },
  { name: 'short lines', make: (bytes) => repeatTo('ab cd\n', bytes) },
  { name: 'tiny paragraphs', make: (bytes) => repeatTo('a\n\n', bytes) },
  { name: 'repeated block', make: (bytes) => repeatTo(`${distinctParagraphs(3).join('\n\n')}\n\n`, bytes) },
  { name: 'whitespace', make: (bytes) => repeatTo(' \t\u00a0\u3000\f', bytes) },
  { name: 'random quotes', make: (bytes) => mixedQuotes(bytes, 3) },
];
