/**
 * The language of an article and what follows from it (src/core/text/language.ts): detection,
 * canonical tags, script direction, stop words and language-aware words.
 */
import { describe, expect, test } from 'vitest';
import {
  baseLanguage,
  canonicalLanguage,
  detectLanguage,
  isUnspaced,
  MIN_DETECTION_LETTERS,
  stopWordsOf,
  textDirection,
  wordsOf,
} from '../../../src/core/text/language.ts';

/** One lead sentence per language, of the kind a local news report opens with. */
const LEADS: Record<string, string> = {
  en: 'The city council approved a new budget on Tuesday after a long debate about school funding and road repairs.',
  fr: 'Le conseil municipal a approuvé mardi un nouveau budget après un long débat sur le financement des écoles et la réparation des routes.',
  de: 'Der Stadtrat hat am Dienstag nach einer langen Debatte über die Finanzierung der Schulen einen neuen Haushalt beschlossen.',
  es: 'El ayuntamiento aprobó el martes un nuevo presupuesto tras un largo debate sobre la financiación de las escuelas y el arreglo de las carreteras.',
  it: 'Il consiglio comunale ha approvato martedì un nuovo bilancio dopo un lungo dibattito sul finanziamento delle scuole e sulla manutenzione delle strade.',
  pt: 'A câmara municipal aprovou na terça-feira um novo orçamento depois de um longo debate sobre o financiamento das escolas e a reparação das estradas.',
  ar: 'وافق المجلس البلدي يوم الثلاثاء على ميزانية جديدة بعد نقاش طويل حول تمويل المدارس وإصلاح الطرق في المدينة.',
  he: 'מועצת העיר אישרה ביום שלישי תקציב חדש לאחר דיון ארוך על מימון בתי הספר ותיקון הכבישים בעיר.',
  ru: 'Городской совет во вторник утвердил новый бюджет после долгих дебатов о финансировании школ и ремонте дорог.',
  zh: '市议会星期二在经过关于学校经费和道路维修的长时间辩论后批准了新的预算，市长表示这笔钱将用于改善公共服务。',
};

const letters = (text: string): number => text.match(/\p{L}/gu)?.length ?? 0;

describe('detectLanguage', () => {
  test.each(Object.entries(LEADS))('returns %s for a news sentence in that language', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  test('returns the language of a headline and lead paragraph together', () => {
    const text = `Grenoble ferme ses écoles après de fortes chutes de neige\n\n${LEADS['fr']}`;
    expect(detectLanguage(text)).toBe('fr');
  });

  test('returns undefined for text under the letter threshold, even when the detector would guess', () => {
    // The detector alone calls this German and calls the names Norwegian, both "reliably".
    const short = 'Der Stadtrat hat den Haushalt beschlossen';
    const names = 'Anna Berg, Jean Dupont, Hans Müller';
    expect(letters(short)).toBeLessThan(MIN_DETECTION_LETTERS);
    expect(letters(names)).toBeLessThan(MIN_DETECTION_LETTERS);
    expect(detectLanguage(short)).toBeUndefined();
    expect(detectLanguage(names)).toBeUndefined();
    expect(detectLanguage('Brexit')).toBeUndefined();
    expect(detectLanguage('')).toBeUndefined();
  });

  test('returns a language once the same kind of sentence has enough letters', () => {
    const long = 'Der Stadtrat hat den neuen Haushalt beschlossen.';
    expect(letters(long)).toBeGreaterThanOrEqual(MIN_DETECTION_LETTERS);
    expect(detectLanguage(long)).toBe('de');
  });

  test('returns undefined for long text in no language: digits, repeated syllables, keyboard rows', () => {
    expect(detectLanguage('2024 1234 5678 '.repeat(20))).toBeUndefined();
    expect(detectLanguage('ha '.repeat(22))).toBeUndefined();
    expect(detectLanguage('xkcd qwrtz plmnb zxcvb asdfg hjklq wertz uiopl mnbvc')).toBeUndefined();
    expect(
      detectLanguage('Maria Rossi, Ana Ruiz, Olga Petrova, Li Wei, Sam Roe, Ali Khan, Jan de Vries'),
    ).toBeUndefined();
  });

  test('reads only the start of a 1 MB text, in bounded time', () => {
    const english = `${LEADS['en']} `.repeat(14);
    const huge = english + `${LEADS['fr']} `.repeat(8000);
    expect(huge.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    // The lead decides: what follows 1 MB later does not.
    expect(detectLanguage(huge)).toBe('en');
    expect(detectLanguage('a'.repeat(1_000_000))).toBeUndefined();
    expect(detectLanguage(`${LEADS['de']} ${'x'.repeat(1_000_000)}`)).toBe('de');
    // Coarse guard: the whole text would take far longer if it were scanned.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('canonicalLanguage', () => {
  test.each([
    ['FR', 'fr'],
    [' de ', 'de'],
    ['pt_br', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['en-gb', 'en-GB'],
    ['EN-us', 'en-US'],
    ['fr_FR', 'fr-FR'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['ast', 'ast'],
  ])('returns the canonical tag for "%s": %s', (raw, tag) => {
    expect(canonicalLanguage(raw)).toBe(tag);
  });

  test.each(['', ' ', 'x', 'english', 'klingon!', '42', 'fr--FR', 'en-', 'fr FR'])(
    'returns undefined for "%s", which is no language tag',
    (raw) => {
      expect(canonicalLanguage(raw)).toBeUndefined();
    },
  );
});

describe('baseLanguage and isUnspaced', () => {
  test('returns the language subtag of a tag, lowercased', () => {
    expect(baseLanguage('pt-BR')).toBe('pt');
    expect(baseLanguage('zh-Hant-TW')).toBe('zh');
    expect(baseLanguage('FR')).toBe('fr');
    expect(baseLanguage('en')).toBe('en');
  });

  test('returns true only for languages written without spaces', () => {
    expect(isUnspaced('zh')).toBe(true);
    expect(isUnspaced('zh-Hant')).toBe(true);
    expect(isUnspaced('ja')).toBe(true);
    expect(isUnspaced('th')).toBe(true);
    expect(isUnspaced('en')).toBe(false);
    expect(isUnspaced('ar')).toBe(false);
    expect(isUnspaced('ko')).toBe(false);
  });
});

describe('textDirection', () => {
  test.each(['ar', 'he', 'fa', 'ur', 'ar-EG', 'he-IL'])('returns rtl for %s', (tag) => {
    expect(textDirection(tag)).toBe('rtl');
  });

  test.each(['en', 'fr', 'zh', 'de', 'ru', 'pt-BR', 'zh-Hant'])('returns ltr for %s', (tag) => {
    expect(textDirection(tag)).toBe('ltr');
  });

  test('returns ltr for an unknown or malformed tag instead of throwing', () => {
    expect(textDirection('und')).toBe('ltr');
    expect(textDirection('klingon!')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
  });
});

describe('stopWordsOf', () => {
  test('returns the function words of English, French, German and Arabic', () => {
    for (const word of ['the', 'and', 'of', 'about']) expect(stopWordsOf('en').has(word)).toBe(true);
    for (const word of ['le', 'la', 'les', 'des', 'avec']) expect(stopWordsOf('fr').has(word)).toBe(true);
    for (const word of ['der', 'die', 'das', 'und', 'aber']) expect(stopWordsOf('de').has(word)).toBe(true);
    for (const word of ['في', 'من', 'على']) expect(stopWordsOf('ar').has(word)).toBe(true);
  });

  test('returns each language its own list: a French article does not lose English words, nor the reverse', () => {
    expect(stopWordsOf('fr').has('the')).toBe(false);
    expect(stopWordsOf('en').has('les')).toBe(false);
    expect(stopWordsOf('de').has('avec')).toBe(false);
  });

  test('returns no content words as stop words', () => {
    expect(stopWordsOf('en').has('budget')).toBe(false);
    expect(stopWordsOf('fr').has('tramway')).toBe(false);
    expect(stopWordsOf('de').has('haushalt')).toBe(false);
  });

  test('returns lowercased words', () => {
    for (const language of ['en', 'fr', 'de', 'ar']) {
      for (const word of stopWordsOf(language)) expect(word).toBe(word.toLowerCase());
    }
  });

  test('returns the list of the base language for a regional tag', () => {
    expect(stopWordsOf('pt-BR')).toBe(stopWordsOf('pt'));
    expect(stopWordsOf('en-GB')).toBe(stopWordsOf('en'));
    expect(stopWordsOf('pt').has('que')).toBe(true);
  });

  test('returns an empty set for a language without a list', () => {
    expect(stopWordsOf('tlh').size).toBe(0);
    expect(stopWordsOf('xx').size).toBe(0);
  });
});

describe('wordsOf', () => {
  test('drops apostrophes inside English words', () => {
    expect(wordsOf("Russia’s envoy didn't say", 'en')).toStrictEqual(['russias', 'envoy', 'didnt', 'say']);
    expect(wordsOf('Russia’s envoy', 'en-GB')).toStrictEqual(['russias', 'envoy']);
  });

  test('splits a French elision at its apostrophe, curly or straight', () => {
    expect(wordsOf('l’inflation a baissé', 'fr')).toStrictEqual(['l', 'inflation', 'a', 'baissé']);
    expect(wordsOf("d'Annecy", 'fr')).toStrictEqual(['d', 'annecy']);
    expect(wordsOf('dell’economia', 'it')).toStrictEqual(['dell', 'economia']);
  });

  test('keeps Arabic vowel marks (harakat) inside their word', () => {
    expect(wordsOf('كَتَبَ الطالبُ الدرسَ', 'ar')).toStrictEqual(['كَتَبَ', 'الطالبُ', 'الدرسَ']);
    expect(wordsOf('مركزاً ثقافياً', 'ar')).toStrictEqual(['مركزاً', 'ثقافياً']);
  });

  test('keeps Devanagari vowel signs inside their word', () => {
    expect(wordsOf('नमस्ते दुनिया', 'hi')).toStrictEqual(['नमस्ते', 'दुनिया']);
  });

  test('segments Chinese, written without spaces, into several words', () => {
    const words = wordsOf('北京市政府今天宣布新的交通计划。', 'zh');
    expect(words.length).toBeGreaterThan(3);
    expect(words.join('')).toBe('北京市政府今天宣布新的交通计划');
    expect(words).toContain('今天');
    expect(words).not.toContain('。');
  });

  test('does not segment Chinese text labelled as a spaced language', () => {
    expect(wordsOf('北京市政府今天宣布新的交通计划', 'en')).toStrictEqual(['北京市政府今天宣布新的交通计划']);
  });

  test('returns words lowercased and in NFKC: full-width letters, ligatures and composed accents', () => {
    expect(wordsOf('ＡＢＣ Ｔｏｋｙｏ ﬁnance ÉCOLE', 'fr')).toStrictEqual([
      'abc',
      'tokyo',
      'finance',
      'école',
    ]);
    expect(wordsOf('Cafe\u0301', 'fr')).toStrictEqual(['café']);
  });

  test('returns numbers as words and drops punctuation', () => {
    expect(wordsOf('Le 2 février, 20 000 voyageurs !', 'fr')).toStrictEqual([
      'le',
      '2',
      'février',
      '20',
      '000',
      'voyageurs',
    ]);
  });

  test('returns no words for text without letters or digits', () => {
    expect(wordsOf('— … « » !', 'fr')).toStrictEqual([]);
    expect(wordsOf('', 'zh')).toStrictEqual([]);
  });
});
