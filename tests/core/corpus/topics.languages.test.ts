/**
 * Topics across languages (src/core/corpus/topics.ts): a name found only in non-English articles
 * is a topic only with evidence — a person or place the lexicon knows, an organisation word, an
 * acronym, a title — and a name in articles of several languages is one topic.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { assignTopics, type TopicInput } from '../../../src/core/corpus/topics.ts';
import { parseArticle } from '../../../src/core/ingest/parse.ts';

function article(slug: string, lang: string | undefined, title: string, ...paragraphs: string[]): TopicInput {
  return { slug, lang, title, paragraphs };
}
const topicNames = (result: ReturnType<typeof assignTopics>, slug: string): string[] =>
  (result.byArticle.get(slug) ?? []).map((topic) => topic.name);
const published = (result: ReturnType<typeof assignTopics>): [string, string][] =>
  result.topics.map((topic) => [topic.name, topic.kind]);

describe('assignTopics: names only in non-English articles', () => {
  test('returns "Emmanuel Macron" as a person and "Lyon" as a place from French articles', () => {
    const result = assignTopics([
      article(
        'fr-1',
        'fr',
        'Emmanuel Macron en visite à Lyon',
        'Emmanuel Macron a visité Lyon mardi. À Lyon, le chef de l’État a inauguré une usine.',
        'Emmanuel Macron a promis des investissements.',
      ),
      article(
        'fr-2',
        'fr',
        'Visite présidentielle',
        'Emmanuel Macron était à Lyon mardi. Les habitants de Lyon ont manifesté.',
        'Emmanuel Macron a répondu aux questions.',
      ),
    ]);
    expect(published(result)).toStrictEqual([
      ['Emmanuel Macron', 'person'],
      ['Lyon', 'place'],
    ]);
    expect(topicNames(result, 'fr-1')).toStrictEqual(['Emmanuel Macron', 'Lyon']);
  });

  test('returns no topic for capitalised German nouns the lexicon does not know as names', () => {
    const german = [
      article(
        'de-1',
        'de',
        'Streik bei der Bahn',
        'Der Streik traf Pendler im ganzen Land. Der Streik dauerte bis zum Abend, der Hauptbahnhof war leer.',
        'Am Hauptbahnhof warteten Reisende.',
      ),
      article(
        'de-2',
        'de',
        'Neuer Streik droht',
        'Ein weiterer Streik ist möglich. Der Streik könnte am Montag beginnen, auch am Hauptbahnhof.',
        'Der Hauptbahnhof bleibt geöffnet.',
      ),
    ];
    expect(assignTopics(german).topics).toStrictEqual([]);
    // The same words in English articles would be taken for names: the language is what differs.
    const asEnglish = german.map((input) => ({ ...input, lang: 'en' }));
    expect(assignTopics(asEnglish).topics.map((topic) => topic.name)).toContain('Hauptbahnhof');
  });

  test('returns no topic for "Die Lokführergewerkschaft GDL": a compound noun before the acronym', () => {
    const result = assignTopics([
      article(
        'de-1',
        'de',
        'Bahnstreik',
        'Die Lokführergewerkschaft GDL streikt. Die Lokführergewerkschaft GDL fordert mehr Geld.',
      ),
      article(
        'de-2',
        'de',
        'Verhandlungen',
        'Die Lokführergewerkschaft GDL verhandelt. Die Lokführergewerkschaft GDL ist zufrieden.',
      ),
    ]);
    expect(result.topics).toStrictEqual([]);
  });

  test('returns an acronym in German articles as an organisation when two articles mention it twice', () => {
    const result = assignTopics([
      article(
        'de-1',
        'de',
        'Bahnstreik',
        'Die GDL streikt seit Dienstag.',
        'Ein Sprecher der GDL sagte, der Streik gehe weiter.',
      ),
      article('de-2', 'de', 'Die GDL droht mit weiteren Streiks', 'Die GDL fordert höhere Löhne.'),
    ]);
    expect(result.topics).toStrictEqual([{ name: 'GDL', kind: 'organisation', slug: 'gdl' }]);
    expect(topicNames(result, 'de-1')).toStrictEqual(['GDL']);
    // de-2 mentions it once in the body and once in the headline: twice.
    expect(topicNames(result, 'de-2')).toStrictEqual(['GDL']);
  });

  test('returns no topic for an acronym only one article mentions', () => {
    const result = assignTopics([
      article(
        'de-1',
        'de',
        'Bahnstreik',
        'Die GDL streikt seit Dienstag.',
        'Ein Sprecher der GDL sagte, der Streik gehe weiter.',
      ),
      article('de-2', 'de', 'Wetter', 'Morgen regnet es im ganzen Land.'),
    ]);
    expect(result.topics).toStrictEqual([]);
  });

  test('returns a name with an organisation word in the article’s language as an organisation', () => {
    const result = assignTopics([
      article(
        'fr-1',
        'fr',
        'La Banque de France relève ses prévisions',
        'La Banque de France a relevé mardi ses prévisions de croissance. Selon la Banque de France, l’inflation ralentit.',
      ),
      article(
        'fr-2',
        'fr',
        'Inflation : le recul se confirme',
        'L’inflation recule, selon la Banque de France. La Banque de France publiera une note en juin.',
      ),
    ]);
    expect(published(result)).toStrictEqual([['Banque de France', 'organisation']]);
  });

  test('returns a surname after a French title as a person', () => {
    const result = assignTopics([
      article(
        'fr-1',
        'fr',
        'Visite à l’usine',
        'M. Doucet a visité une usine mardi. M. Doucet a salué les ouvriers.',
      ),
      article(
        'fr-2',
        'fr',
        'Une usine inaugurée',
        'M. Doucet a inauguré une usine. Selon M. Doucet, elle ouvrira en mai.',
      ),
    ]);
    expect(published(result)).toStrictEqual([['Doucet', 'person']]);
  });
});

describe('assignTopics: one topic across languages', () => {
  test('returns "Lyon" in an English and a French article as one topic', () => {
    const result = assignTopics([
      article(
        'en-1',
        'en',
        'Lyon opens tram line',
        'Lyon opened a tram line on Friday.',
        'Officials in Lyon said it would carry many passengers.',
      ),
      article(
        'fr-1',
        'fr',
        'Le tramway de Lyon',
        'La métropole de Lyon a inauguré une ligne.',
        'Lyon prévoit deux autres lignes.',
      ),
    ]);
    expect(result.topics).toStrictEqual([{ name: 'Lyon', kind: 'place', slug: 'lyon' }]);
    expect(result.byArticle.get('en-1')).toStrictEqual(result.byArticle.get('fr-1'));
  });

  test('returns the same topics whatever the order of articles in several languages', () => {
    const articles = [
      article(
        'en-1',
        'en',
        'Lyon opens tram line',
        'Lyon opened a tram line on Friday.',
        'Officials in Lyon said so.',
      ),
      article(
        'fr-1',
        'fr',
        'Le tramway de Lyon',
        'La métropole de Lyon a inauguré une ligne.',
        'Lyon prévoit deux lignes.',
      ),
      article(
        'de-1',
        'de',
        'Bahnstreik',
        'Die GDL streikt seit Dienstag.',
        'Ein Sprecher der GDL sagte das.',
      ),
      article('de-2', 'de', 'Die GDL droht', 'Die GDL fordert höhere Löhne.'),
    ];
    const forward = assignTopics(articles);
    const backward = assignTopics([...articles].reverse());
    expect(backward.topics).toStrictEqual(forward.topics);
    expect([...backward.byArticle].sort()).toStrictEqual([...forward.byArticle].sort());
    expect(forward.topics.map((topic) => topic.name)).toStrictEqual(['GDL', 'Lyon']);
  });

  test('returns Lyon and Madrid as the topics of the tests/fixtures/languages articles', () => {
    const root = join(import.meta.dirname, '../../fixtures/languages');
    const inputs = readdirSync(root)
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .map((file): TopicInput => {
        const parsed = parseArticle(readFileSync(join(root, file), 'utf8'));
        if ('rejected' in parsed) throw new Error(`${file}: ${parsed.rejected}`);
        const { title, dek, paragraphs, lang } = parsed;
        return { slug: file.replace(/\.txt$/, ''), title, dek, paragraphs, lang };
      });
    const result = assignTopics(inputs);
    expect(published(result)).toStrictEqual([
      ['Lyon', 'place'],
      ['Madrid', 'place'],
    ]);
    for (const slug of ['en-lyon-tram', 'fr-lyon-tramway', 'fr-lyon-tramway-premiers-voyageurs']) {
      expect(topicNames(result, slug)).toStrictEqual(['Lyon']);
    }
  });
});

describe('assignTopics: in other languages', () => {
  test('returns no topic for "Regierung" and "Polizei" in German articles', () => {
    const result = assignTopics([
      article(
        'de-1',
        'de',
        'Haushalt',
        'Die Regierung tagte. Die Regierung beschloss nichts. Die Polizei sah zu, die Polizei schwieg.',
      ),
      article(
        'de-2',
        'de',
        'Kritik',
        'Die Regierung schweigt. Die Regierung will vermitteln. Die Polizei ermittelt, sagte die Polizei.',
      ),
    ]);
    expect(result.topics).toStrictEqual([]);
  });
});
