/**
 * The candidate story grouping (src/lib/corpus/story-centroid.ts) on small hand-written
 * corpora: shared names across different events kept apart, the time decay, no chaining through
 * one shared paragraph. (Its open cases — a large developing story of short reports, and a
 * coarse guard against chaining along overlapping vocabulary — are described in its header.)
 */
import { describe, expect, test } from 'vitest';
import { groupStories, type StoryDocument } from '../../src/lib/corpus/story-centroid.ts';

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
});
