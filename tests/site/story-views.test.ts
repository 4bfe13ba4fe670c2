import { describe, expect, test } from 'vitest';
import { StoredArticleSchema, type StoredArticle, type Story } from '../../src/core/model/schema.ts';
import { en } from '../../src/site/i18n/en.ts';
import { fr } from '../../src/site/i18n/fr.ts';
import {
  compareStories,
  COVERAGE_LIMIT,
  otherCoverage,
  outletsText,
  storyGroups,
  storyLine,
  storyViews,
  viewsById,
} from '../../src/site/story-views.ts';
import { makeArticle } from '../support/articles.ts';

function article(slug: string, fields: Partial<StoredArticle> = {}): StoredArticle {
  // Parsing drops the paragraphs, as the stored collection does, and checks the fixture.
  return StoredArticleSchema.parse(makeArticle({ slug, ...fields }));
}

/** A story of the given reports, named after its first, as the corpus stage makes them. */
function story(members: readonly StoredArticle[]): Story {
  const first = members[0];
  if (!first) throw new Error('a story needs a report');
  return {
    id: first.slug,
    title: first.title,
    articles: members.map((member) => member.slug),
    sources: [],
  };
}

/** Articles tagged with their story id. */
function inStory(id: string, members: StoredArticle[]): StoredArticle[] {
  return members.map((member) => ({ ...member, story: id }));
}

function order(stories: readonly StoredArticle[][]): string[] {
  const all = stories.flat();
  return storyViews(
    stories.map((members) => story(members)),
    all,
  ).map((view) => view.story.id);
}

describe('the order of stories', () => {
  test('is by the newest report, newest first, and undated stories after every dated one', () => {
    const old = inStory('old', [article('old', { date: '2024-03-01' })]);
    const developing = inStory('developing', [
      article('developing', { date: '2024-01-05' }),
      article('developing-2', { date: '2024-05-20' }),
    ]);
    const undatedBig = inStory('undated-big', [
      article('undated-big'),
      article('undated-big-2'),
      article('undated-big-3'),
    ]);
    // The developing story's first report is the oldest of all, but its latest is the newest.
    expect(order([undatedBig, old, developing])).toEqual(['developing', 'old', 'undated-big']);
  });

  test('puts bigger stories first on the same day: more reports, then more outlets', () => {
    const day = '2025-06-02';
    const single = inStory('a-single', [article('a-single', { date: day, source: 'Wire' })]);
    const oneOutlet = inStory('b-one-outlet', [
      article('b-one-outlet', { date: day, source: 'Wire' }),
      article('b-one-outlet-2', { date: '2025-06-01', source: 'wire' }),
    ]);
    const twoOutlets = inStory('c-two-outlets', [
      article('c-two-outlets', { date: day, source: 'Wire' }),
      article('c-two-outlets-2', { date: day, source: 'Courier' }),
    ]);
    const threeReports = inStory('d-three', [
      article('d-three', { date: `${day}T06:00:00Z` }),
      article('d-three-2', { date: day }),
      article('d-three-3', { date: '2025-05-30' }),
    ]);
    // A timestamp counts as its day: the 06:00 report is not "newer" than the others.
    expect(order([single, oneOutlet, twoOutlets, threeReports])).toEqual([
      'd-three',
      'c-two-outlets',
      'b-one-outlet',
      'a-single',
    ]);
  });

  test('of undated stories is bigger and multi-outlet first, then story id — never the title', () => {
    const payoff = inStory('payoff', [article('payoff', { title: '$1m payoff for former boss' })]);
    const strike = inStory('strike', [
      article('strike', { title: 'Zookeepers strike over pay', source: 'Courier' }),
      article('strike-2', { title: 'Zoo strike enters second week', source: 'Wire' }),
    ]);
    const vote = inStory('vote', [
      article('vote', { title: 'Youth vote counted', source: 'Courier' }),
      article('vote-2', { title: 'Young voters turn out', source: 'Courier' }),
    ]);
    const aa = inStory('zz-late-id', [article('zz-late-id', { title: 'AAA first by title' })]);
    expect(order([payoff, aa, vote, strike])).toEqual(['strike', 'vote', 'payoff', 'zz-late-id']);
  });

  test('does not depend on the order stories come in', () => {
    const stories = [
      inStory('s1', [article('s1'), article('s1-b')]),
      inStory('s2', [article('s2', { date: '2025-01-01' })]),
      inStory('s3', [article('s3')]),
      inStory('s4', [article('s4', { date: '2025-01-01' }), article('s4-b', { source: 'Wire' })]),
    ];
    expect(order([...stories].reverse())).toEqual(order(stories));
    expect(order(stories)).toEqual(['s4', 's2', 's1', 's3']);
  });

  test('compareStories is a strict order: a view ties only with itself', () => {
    const views = storyViews([story([article('x')]), story([article('y')])], [article('x'), article('y')]);
    const [x, y] = views;
    if (!x || !y) throw new Error('two views expected');
    expect(compareStories(x, x)).toBe(0);
    expect(Math.sign(compareStories(x, y))).toBe(-Math.sign(compareStories(y, x)));
  });
});

describe('a story view', () => {
  const reports = inStory('first', [
    article('first', { title: 'Late ferry', date: '2025-03-02', source: 'Courier' }),
    article('second', { title: 'Ferry found', date: '2025-03-04', source: 'Wire' }),
    article('third', { title: 'Ferry missing', date: '2025-03-01', source: 'courier' }),
    article('fourth', { title: 'Ferry undated' }),
  ]);
  const [view] = storyViews([story(reports)], reports);

  test('has a timeline oldest first, undated last, and the newest report as latest', () => {
    expect(view?.timeline.map((member) => member.slug)).toEqual(['third', 'first', 'second', 'fourth']);
    expect(view?.latest.slug).toBe('second');
    expect(view?.articles.map((member) => member.slug)).toEqual(['second', 'first', 'third', 'fourth']);
  });

  test('counts outlets once however they are spelled, most reports first', () => {
    expect(view?.outlets).toEqual(['Courier', 'Wire']);
  });

  test('gives a story of several reports a line to its page, with the latest date when another report is shown', () => {
    if (!view) throw new Error('no view');
    const shownIsOld = reports.find((member) => member.slug === 'third');
    expect(storyLine('/news/', view, shownIsOld)).toEqual({
      url: '/news/stories/first/',
      reports: 4,
      outlets: ['Courier', 'Wire'],
      latest: '2025-03-04',
    });
    expect(storyLine('/', view, view.latest)?.latest).toBeUndefined();
    const [single] = storyViews([story([article('alone')])], [article('alone')]);
    if (!single) throw new Error('no view');
    expect(storyLine('/', single)).toBeUndefined();
  });
});

describe('the representative headline', () => {
  // Four reports of a made-up event; the second headline carries what they all share.
  const bridge = inStory('bridge-1', [
    article('bridge-1', {
      title: 'Commuters face long detours this week',
      description: 'Drivers into Varnholt were told to add an hour to their journeys.',
      date: '2025-04-01',
    }),
    article('bridge-2', {
      title: 'Cracks close Varnholt harbour bridge',
      description: 'Engineers found cracks in the steel span of the Varnholt harbour bridge.',
      date: '2025-04-02',
    }),
    article('bridge-3', {
      title: 'Engineers inspect cracked bridge span',
      description: 'The harbour bridge at Varnholt stays shut while cracks are inspected.',
      date: '2025-04-03',
    }),
    article('bridge-4', {
      title: 'Mayor promises answers',
      description: 'The mayor of Varnholt said the bridge cracks would be explained.',
      date: '2025-04-04',
    }),
  ]);
  // Unrelated coverage, so that words every article uses weigh little.
  const background = Array.from({ length: 12 }, (_, index) =>
    article(`other-${index}`, {
      title: `Council says new week of talks on budget ${index}`,
      description: 'The council said talks would go on this week.',
    }),
  );
  const all = [...bridge, ...background];
  const stories = [story(bridge), ...background.map((member) => story([member]))];

  test('is the headline whose words the other reports share most, not the first or the newest', () => {
    const view = storyViews(stories, all).find((candidate) => candidate.story.id === 'bridge-1');
    expect(view?.lead.title).toBe('Cracks close Varnholt harbour bridge');
  });

  test('names the story on home-page listings, which still rank it by its newest report', () => {
    const [first] = storyViews(stories, all);
    expect(first?.story.id).toBe('bridge-1');
    expect(first?.latest.slug).toBe('bridge-4');
    expect(first?.lead.slug).toBe('bridge-2');
  });

  test('of a story of one report is its headline; with no shared words, the corpus’s first report', () => {
    const lone = [article('lone', { title: 'Lone report' })];
    expect(storyViews([story(lone)], lone)[0]?.lead.slug).toBe('lone');
    const unrelated = inStory('zeta', [
      article('alpha', { title: 'Quince harvest', description: 'Orchards.' }),
      article('zeta', { title: 'Violin recital', description: 'Concert hall.' }),
    ]);
    const named = { id: 'zeta', title: 'Violin recital', articles: ['zeta', 'alpha'], sources: [] };
    expect(storyViews([named], unrelated)[0]?.lead.slug).toBe('zeta');
  });
});

describe('other coverage under an article', () => {
  const big = inStory(
    'big-0',
    Array.from({ length: 25 }, (_, index) =>
      article(`big-${index}`, { date: `2025-01-${String(index + 1).padStart(2, '0')}` }),
    ),
  );
  const small = inStory('small-a', [article('small-a'), article('small-b'), article('small-c')]);
  const views = viewsById(storyViews([story(big), story(small)], [...big, ...small]));

  test(`lists at most ${COVERAGE_LIMIT} other reports, newest first, and counts the rest`, () => {
    const oldest = big[0];
    const newest = big[24];
    if (!oldest || !newest) throw new Error('fixture');
    const fromOldest = otherCoverage(oldest, views);
    expect(fromOldest.articles.map((member) => member.slug)).toEqual(
      Array.from({ length: COVERAGE_LIMIT }, (_, index) => `big-${24 - index}`),
    );
    expect(fromOldest.more).toBe(24 - COVERAGE_LIMIT);
    expect(fromOldest.storyId).toBe('big-0');
    const fromNewest = otherCoverage(newest, views);
    expect(fromNewest.articles).toHaveLength(COVERAGE_LIMIT);
    expect(fromNewest.articles.map((member) => member.slug)).not.toContain('big-24');
    expect(fromNewest.more).toBe(24 - COVERAGE_LIMIT);
  });

  test('lists every other report of a small story, never the article itself', () => {
    const [first] = small;
    if (!first) throw new Error('fixture');
    const coverage = otherCoverage(first, views);
    expect(coverage.articles.map((member) => member.slug).sort()).toEqual(['small-b', 'small-c']);
    expect(coverage.more).toBe(0);
  });

  test('is empty for an article alone in its story', () => {
    const alone = article('alone');
    expect(otherCoverage(alone, viewsById(storyViews([story([alone])], [alone])))).toEqual({
      storyId: 'alone',
      articles: [],
      more: 0,
    });
  });
});

describe('topic and source listings by story', () => {
  const quiet = inStory('quiet', [article('quiet', { date: '2025-02-01', source: 'Wire' })]);
  const busy = inStory('busy', [
    article('busy', { date: '2025-02-01', source: 'Wire' }),
    article('busy-2', { date: '2025-01-31', source: 'Courier' }),
    article('busy-3', { date: '2025-02-01', source: 'Wire' }),
  ]);
  const recent = inStory('recent', [article('recent', { date: '2025-02-03', source: 'Courier' })]);
  const all = [...quiet, ...busy, ...recent];
  const views = viewsById(storyViews([story(quiet), story(busy), story(recent)], all));

  test('rank the stories as the home page does, judged on the whole story', () => {
    // Wire has two reports in "busy" (three reports overall) and the only one in "quiet".
    const wire = all.filter((member) => member.source === 'Wire');
    const groups = storyGroups(wire, views);
    expect(groups.map((group) => group.view.story.id)).toEqual(['busy', 'quiet']);
    expect(groups[0]?.articles.map((member) => member.slug).sort()).toEqual(['busy', 'busy-3']);
    const everything = storyGroups(all, views);
    expect(everything.map((group) => group.view.story.id)).toEqual(['recent', 'busy', 'quiet']);
  });

  test('list an article whose story is unknown as a story of its own', () => {
    const stray = article('stray', { story: 'missing-story', date: '2025-03-01' });
    const groups = storyGroups([stray, ...quiet], views);
    expect(groups.map((group) => group.view.story.id)).toEqual(['stray', 'quiet']);
    expect(groups[0]?.view.articles).toEqual([stray]);
  });
});

describe('counts in words', () => {
  test('name up to three outlets and only count more', () => {
    expect(outletsText([], en)).toBeUndefined();
    expect(outletsText(['Wire'], en)).toBe('from 1 outlet (Wire)');
    expect(outletsText(['Wire', 'Courier', 'Post'], en)).toBe('from 3 outlets (Wire, Courier, Post)');
    expect(outletsText(['A', 'B', 'C', 'D'], en)).toBe('from 4 outlets');
  });

  test('in the interface language', () => {
    expect(outletsText(['Wire'], fr)).toBe('d’un média (Wire)');
    expect(outletsText(['Wire', 'Courier'], fr)).toBe('de 2 médias (Wire, Courier)');
    expect(outletsText(['A', 'B', 'C', 'D'], fr)).toBe('de 4 médias');
  });
});
