/**
 * Property-based tests of the parser's language handling, with fast-check and a fixed seed (a
 * failure reproduces; fast-check prints the shrunk counter-example): it never throws on any
 * Unicode, `lang` is a canonical tag or absent, the front matter's language always wins, and a
 * date written the way the platform writes it in an article's language is read back.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseArticle } from '../../../src/core/ingest/parse.ts';
import { canonicalLanguage } from '../../../src/core/text/language.ts';
import type { ParsedArticle } from '../../../src/core/model/schema.ts';

const SEED = 20_240_215;
const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Headlines and lead paragraphs in several languages and scripts, written for these tests. */
const ARTICLES: Record<string, { title: string; lead: string }> = {
  en: {
    title: 'Council approves school budget',
    lead: 'The city council approved a new budget on Tuesday after a long debate about school funding and road repairs.',
  },
  fr: {
    title: 'Le conseil vote le budget des écoles',
    lead: 'Le conseil municipal a approuvé mardi un nouveau budget après un long débat sur le financement des écoles et la réparation des routes.',
  },
  de: {
    title: 'Stadtrat beschließt Haushalt für Schulen',
    lead: 'Der Stadtrat hat am Dienstag nach einer langen Debatte über die Finanzierung der Schulen einen neuen Haushalt beschlossen.',
  },
  es: {
    title: 'El ayuntamiento aprueba el presupuesto',
    lead: 'El ayuntamiento aprobó el martes un nuevo presupuesto tras un largo debate sobre la financiación de las escuelas y el arreglo de las carreteras.',
  },
  it: {
    title: 'Il consiglio approva il bilancio',
    lead: 'Il consiglio comunale ha approvato martedì un nuovo bilancio dopo un lungo dibattito sul finanziamento delle scuole e sulla manutenzione delle strade.',
  },
  pt: {
    title: 'Câmara aprova orçamento das escolas',
    lead: 'A câmara municipal aprovou na terça-feira um novo orçamento depois de um longo debate sobre o financiamento das escolas e a reparação das estradas.',
  },
  nl: {
    title: 'Gemeenteraad keurt begroting goed',
    lead: 'De gemeenteraad heeft dinsdag na een lang debat over de financiering van scholen en het herstel van wegen een nieuwe begroting goedgekeurd.',
  },
  sv: {
    title: 'Kommunen godkänner ny budget',
    lead: 'Kommunfullmäktige godkände på tisdagen en ny budget efter en lång debatt om skolornas finansiering och reparationen av vägarna.',
  },
  fi: {
    title: 'Valtuusto hyväksyi talousarvion',
    lead: 'Kaupunginvaltuusto hyväksyi tiistaina uuden talousarvion pitkän keskustelun jälkeen, joka koski koulujen rahoitusta ja teiden korjaamista.',
  },
  ru: {
    title: 'Городской совет утвердил бюджет',
    lead: 'Городской совет во вторник утвердил новый бюджет после долгих дебатов о финансировании школ и ремонте дорог.',
  },
  uk: {
    title: 'Міська рада ухвалила бюджет',
    lead: 'Міська рада у вівторок ухвалила новий бюджет після тривалих дебатів про фінансування шкіл і ремонт доріг.',
  },
  ja: {
    title: '市議会が新しい予算案を承認',
    lead: '市議会は火曜日、学校の予算と道路の補修をめぐる長い議論の末に新しい予算案を承認しました。市長は公共サービスの改善に使うと述べました。',
  },
  ar: {
    title: 'المجلس البلدي يقر الميزانية',
    lead: 'وافق المجلس البلدي يوم الثلاثاء على ميزانية جديدة بعد نقاش طويل حول تمويل المدارس وإصلاح الطرق في المدينة.',
  },
  he: {
    title: 'מועצת העיר אישרה את התקציב',
    lead: 'מועצת העיר אישרה ביום שלישי תקציב חדש לאחר דיון ארוך על מימון בתי הספר ותיקון הכבישים בעיר.',
  },
  zh: {
    title: '市议会批准新预算',
    lead: '市议会星期二在经过关于学校经费和道路维修的长时间辩论后批准了新的预算，市长表示这笔钱将用于改善公共服务。',
  },
};
const LANGUAGES = Object.keys(ARTICLES);

const isArticle = (result: ParsedArticle | { rejected: string }): result is ParsedArticle =>
  !('rejected' in result);

const articleText = (language: string, header: readonly string[] = []): string => {
  const { title, lead } = ARTICLES[language] as { title: string; lead: string };
  return [...header, ...(header.length > 0 ? [''] : []), title, '', lead].join('\n');
};

describe('parseArticle and languages (properties)', () => {
  test('never throws on any Unicode, and returns a canonical language tag or none', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.constantFrom(
        ...LANGUAGES.flatMap((language) => [ARTICLES[language]?.title ?? '', ARTICLES[language]?.lead ?? '']),
        'Publié le 2 février 2024',
        'Veröffentlicht am 15. Oktober 2024',
        'Par Jean Dupont et Claire Martin',
        '---',
        '',
      ),
    );
    // What an editor might write after `lang:`: tags with extensions, private use, grandfathered
    // and malformed ones, and anything at all.
    const written = fc.oneof(
      fc.constantFrom(
        'fr',
        'pt_br',
        'EN-u-ca-gregory',
        'en-US-u-nu-thai',
        'en-x-private',
        'en-Latn-US-posix',
        'de-DE-1996',
        'art-lojban',
        'i-klingon',
        'x-private',
        'klingon!',
        '"fr"',
        '[fr]',
        '',
      ),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    const frontMatter = fc.option(
      fc
        .tuple(fc.constantFrom('lang', 'language'), written)
        .map(([key, value]) => `---\n${key}: ${value}\n---\n`),
      { nil: '' },
    );
    fc.assert(
      fc.property(frontMatter, fc.array(line, { maxLength: 25 }), (head, lines) => {
        const result = parseArticle(head + lines.join('\n'));
        if (!isArticle(result)) return;
        if (result.lang !== undefined) expect(result.lang).toMatch(TAG);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  test('returns the front matter’s language whatever language the text is in', () => {
    const written = fc.constantFrom(
      'en',
      'EN',
      'fr',
      'Fr',
      'de',
      'pt_br',
      'pt-BR',
      'en-gb',
      'zh-hant',
      'ar',
      'he',
      'sv',
      'ast',
      'es-419',
    );
    const body = fc.array(fc.constantFrom(...LANGUAGES), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(written, fc.constantFrom('lang', 'language'), body, (raw, key, languages) => {
        const paragraphs = languages.map((language) => ARTICLES[language]?.lead ?? '');
        const title = ARTICLES[languages[0] ?? 'en']?.title ?? '';
        const text = ['---', `${key}: ${raw}`, '---', title, '', ...paragraphs.flatMap((p) => [p, ''])].join(
          '\n',
        );
        const result = parseArticle(text);
        expect(isArticle(result)).toBe(true);
        expect(isArticle(result) && result.lang).toBe(canonicalLanguage(raw));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  test('returns the language it detects when the front matter gives none', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGUAGES), (language) => {
        const result = parseArticle(articleText(language));
        expect(isArticle(result) && result.lang).toBe(language);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });

  test('reads back a header date written the way the platform writes dates in the article’s language', () => {
    // The platform's (CLDR) dates in each language whose dates are read: "15. Oktober 2024",
    // "Dienstag, 15. Oktober 2024", "7 de enero de 2024", "mardi 2 février 2024",
    // "12 марта 2024 г.", "2024年3月12日", "15/10/2024"…
    const day = fc
      .date({
        min: new Date(Date.UTC(1990, 0, 1)),
        max: new Date(Date.UTC(2035, 11, 31)),
        noInvalidDate: true,
      })
      .map((date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())));
    type Style = Intl.DateTimeFormatOptions['dateStyle'];
    const written = fc.oneof(
      fc.record({
        lang: fc.constantFrom('en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'fi', 'ja'),
        style: fc.constantFrom<Style>('full', 'long', 'medium', 'short'),
      }),
      // Russian and Ukrainian abbreviated months ("февр.") and Chinese weekdays are not read.
      fc.record({ lang: fc.constantFrom('ru', 'uk', 'zh'), style: fc.constant<Style>('long') }),
    );
    fc.assert(
      fc.property(day, written, (date, { lang, style }) => {
        const header = new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(date);
        const result = parseArticle(articleText(lang, [header]));
        expect(isArticle(result) && result.lang).toBe(lang);
        expect(isArticle(result) && result.date).toBe(date.toISOString().slice(0, 10));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
