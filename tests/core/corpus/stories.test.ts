/**
 * The story grouping (src/core/corpus/stories.ts) on small hand-written corpora: shared names
 * across different events kept apart, the time decay, no chaining through one shared paragraph,
 * a large developing story with and without dates (the reports of
 * tests/fixtures/corpus/developing-story, which corpus-fixtures.test.ts builds as a site), and
 * a coarse guard that random mixes of paragraphs make no catch-all story.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { groupStories, type StoryDocument } from '../../../src/core/corpus/stories.ts';
import { parseArticle } from '../../../src/core/ingest/parse.ts';
import { seededRandom } from '../../support/random.ts';

/** Filler reports on unrelated subjects, so that IDF means something. */
const BACKGROUND: StoryDocument[] = [
  [
    'Bakery wins regional prize',
    'A family bakery in the old town won the regional bread prize for its rye loaf.',
  ],
  [
    'Tram line extended',
    'The tram line will run two more stops to the hospital from next spring, the transport office said.',
  ],
  [
    'Choir tours abroad',
    'The youth choir leaves on a three-week tour of concert halls, singing folk songs and hymns.',
  ],
  [
    'Heatwave warning issued',
    'Forecasters warned of a heatwave with temperatures above thirty degrees for the weekend.',
  ],
  [
    'Museum buys painting',
    'The art museum bought a landscape painting by a local artist at auction for a record sum.',
  ],
  [
    'Chess champion retains title',
    'The chess champion kept her title after a tense final game lasting six hours.',
  ],
].map(([title, body]) => ({ title: title as string, body: body as string }));

function storyOf(clusters: number[][], count: number): number[] {
  const story = Array.from({ length: count }, () => -1);
  clusters.forEach((cluster, id) => cluster.forEach((index) => (story[index] = id)));
  return story;
}

describe('groupStories', () => {
  test('shared names but different events are kept apart', () => {
    const documents: StoryDocument[] = [
      ...BACKGROUND,
      {
        title: 'Mayor Anna Berg opens harbour bridge',
        body: 'Mayor Anna Berg cut the ribbon on the new harbour bridge, which took four years to build.',
      },
      {
        title: 'Harbour bridge opens to traffic',
        body: 'The harbour bridge opened to cars and cyclists after Mayor Anna Berg cut the ribbon.',
      },
      {
        title: 'Anna Berg announces budget cuts to schools',
        body: 'Mayor Anna Berg said school budgets would fall by four percent, angering teachers unions.',
      },
      {
        title: 'Teachers protest school budget cuts',
        body: 'Teachers marched against the school budget cuts announced by Mayor Anna Berg.',
      },
    ];
    const story = storyOf(groupStories(documents), documents.length);
    const [bridge1, bridge2, school1, school2] = story.slice(BACKGROUND.length);
    expect(bridge1).toBe(bridge2);
    expect(school1).toBe(school2);
    expect(bridge1).not.toBe(school1);
  });

  test('a name in several unrelated events does not pull them into one story', () => {
    // A minister who turns up in every kind of news, in short reports: the name is each
    // report's heaviest word, but the four events share nothing else. (Without the one-word
    // check, all eight reports became one story.)
    const events: [string, string][][] = [
      [
        [
          'Valdottir at wind farm',
          'Valdottir visited the wind farm. Valdottir met turbine engineers, Valdottir said.',
        ],
        [
          'Valdottir praises turbines',
          'Valdottir praised the wind farm turbines and engineers. Valdottir toured it.',
        ],
      ],
      [
        [
          'Egg thrown at Valdottir',
          'Valdottir was hit by an egg at a rally. Valdottir kept speaking; police held a student.',
        ],
        [
          'Valdottir egg protester held',
          'Police held a student who threw an egg at Valdottir. Valdottir was unhurt.',
        ],
      ],
      [
        [
          'Valdottir backs chess bid',
          'Valdottir backed the chess olympiad bid. Valdottir promised a congress hall.',
        ],
        [
          'Chess bid wins Valdottir support',
          'Valdottir supports the chess olympiad bid and a congress hall, Valdottir said.',
        ],
      ],
      [
        ['Valdottir opens school', 'Valdottir opened the village school. Valdottir met pupils and teachers.'],
        [
          'New school opened by Valdottir',
          'Pupils and teachers welcomed Valdottir to the new village school. Valdottir spoke.',
        ],
      ],
    ];
    const documents = [...BACKGROUND, ...events.flat().map(([title, body]) => ({ title, body }))];
    const story = storyOf(groupStories(documents), documents.length).slice(BACKGROUND.length);
    const firsts = [story[0], story[2], story[4], story[6]];
    expect([story[1], story[3], story[5], story[7]]).toEqual(firsts);
    expect(new Set(firsts).size).toBe(4);
  });

  test('time decay: the same subject days apart is one story, months apart two', () => {
    const report = (title: string, date: string): StoryDocument => ({
      title,
      body: 'Floodwater from the river Elster covered the low streets of Kornstadt and the fire brigade pumped out cellars.',
      date,
    });
    const documents = [
      ...BACKGROUND,
      report('Elster floods Kornstadt streets', '2025-03-01'),
      report('Kornstadt cleans up after Elster flood', '2025-03-04'),
      report('Elster floods Kornstadt again', '2025-05-20'),
    ];
    const story = storyOf(groupStories(documents), documents.length);
    const [march1, march4, may] = story.slice(BACKGROUND.length);
    expect(march1).toBe(march4);
    expect(may).not.toBe(march1);
  });

  test('no chaining: a roundup sharing one paragraph with each of two stories does not join them', () => {
    const library = [
      [
        'Central library opens',
        'Thousands queued outside the new central library on opening day; librarians registered four thousand readers.',
      ],
      [
        'Queues at new library',
        'The new central library registered four thousand readers on its first day as thousands queued outside.',
      ],
      [
        'Library opening draws crowds',
        'Crowds queued at the central library opening and four thousand readers registered with librarians.',
      ],
    ];
    const stadium = [
      [
        'Stadium plan approved',
        'Councillors approved the football stadium on the gasworks site, with thirty thousand seats and a rail station.',
      ],
      [
        'Gasworks stadium gets green light',
        'The football stadium for the gasworks site, thirty thousand seats and a new rail station, was approved by councillors.',
      ],
      [
        'Supporters welcome stadium vote',
        'Football supporters welcomed the councillors’ approval of the thirty thousand seat stadium at the gasworks.',
      ],
    ];
    const roundup: [string, string] = [
      'A busy weekend in the city',
      `${library[0]?.[1]}\n${stadium[0]?.[1]}\nThe weather stayed dry and markets were busy.`,
    ];
    const documents = [
      ...BACKGROUND,
      ...[...library, ...stadium, roundup].map(([title, body]) => ({
        title: title as string,
        body: body as string,
      })),
    ];
    const story = storyOf(groupStories(documents), documents.length);
    const first = BACKGROUND.length;
    const libraryStories = new Set(story.slice(first, first + 3));
    const stadiumStories = new Set(story.slice(first + 3, first + 6));
    expect(libraryStories.size).toBe(1);
    expect(stadiumStories.size).toBe(1);
    expect([...libraryStories][0]).not.toBe([...stadiumStories][0]);
  });

  test('a large developing story, reported over weeks in varied words, is one story with or without dates', () => {
    const folder = join(import.meta.dirname, '../../fixtures/corpus/developing-story');
    const files = readdirSync(folder)
      .filter((file) => file.endsWith('.txt'))
      .sort();
    const reports = files.map((file) => {
      const parsed = parseArticle(readFileSync(join(folder, file), 'utf8'));
      if ('rejected' in parsed) throw new Error(`${file}: ${parsed.rejected}`);
      return { title: parsed.title, body: parsed.paragraphs.join('\n'), date: parsed.date };
    });
    // The ten numbered files are the ferry's coverage; the others are other news of those weeks.
    const ferry = files
      .map((file, index) => (/^\d\d-/.test(file) ? index : -1))
      .filter((index) => index >= 0);
    expect(ferry).toHaveLength(10);
    for (const documents of [reports, reports.map(({ title, body }) => ({ title, body }))]) {
      const story = storyOf(groupStories(documents), documents.length);
      expect(new Set(ferry.map((index) => story[index])).size).toBe(1);
      expect(new Set(story).size).toBe(files.length - ferry.length + 1);
    }
  });

  test('no catch-all story: 3,000 random mixes of 1,500 paragraphs', () => {
    // Like the benchmark's paragraph mixes: no real stories, but every paragraph recurs in about
    // twenty articles, so articles share text with many others — what single link chains into
    // one giant story.
    const random = seededRandom(14);
    const vocabulary = Array.from({ length: 8000 }, (_, index) => `w${index.toString(36)}`);
    // Skewed word choice, as in real text: a few words common, most rare.
    const word = (): string => vocabulary[Math.floor(vocabulary.length * random() ** 3)] ?? 'w';
    const paragraphs = Array.from({ length: 1500 }, () =>
      Array.from({ length: 30 + Math.floor(random() * 40) }, word).join(' '),
    );
    const documents = Array.from({ length: 3000 }, () => {
      const chosen = Array.from(
        { length: 6 + Math.floor(random() * 9) },
        () => paragraphs[Math.floor(random() * paragraphs.length)] ?? '',
      );
      return { title: chosen[0]?.split(' ').slice(0, 8).join(' ') ?? '', body: chosen.join('\n') };
    });
    const clusters = groupStories(documents);
    expect(Math.max(...clusters.map((cluster) => cluster.length))).toBeLessThanOrEqual(25);
  }, 60_000);
});
