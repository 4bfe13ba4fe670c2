/**
 * The search page's script exports nothing: it wires the page up when imported. These tests
 * import it afresh on a fake page (tests/support/fake-dom.ts) with a fake Pagefind Component
 * UI; tests/e2e/search.test.ts and tests/e2e/search-features.test.ts cover it in a real
 * browser against the real Pagefind bundle.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { en } from '../../src/site/i18n/en.ts';
import { fr } from '../../src/site/i18n/fr.ts';
import type { Messages } from '../../src/site/i18n/index.ts';
import { el, FakeDocument, type FakeElement, type FakeEvent } from '../support/fake-dom.ts';

type Filters = Record<string, string[]>;

/** The parts of Pagefind's Component UI instance the script uses, recording what it is asked. */
class FakePagefind {
  searchTerm = '';
  searchFilters: Filters = {};
  searchSort: Record<string, 'asc' | 'desc'> = {};
  readonly searches: [string, Filters][] = [];
  readonly onSearch: ((term: string, filters: Filters) => void)[] = [];
  readonly onResults: ((result: { results: unknown[] }) => void)[] = [];
  /** What the page gave Pagefind's UI to say, by its translation keys. */
  translations: unknown;

  triggerSearchWithFilters(term: string, filters: Filters): void {
    this.searches.push([term, filters]);
    this.searchTerm = term;
    this.searchFilters = filters;
  }

  setTranslations(strings: unknown): void {
    this.translations = strings;
  }

  on(event: 'search' | 'results', callback: never): void {
    if (event === 'search') this.onSearch.push(callback);
    else this.onResults.push(callback);
  }

  /** What Pagefind does when the reader searches: tells the page. */
  search(term: string, filters?: Filters): void {
    for (const callback of this.onSearch) callback(term, filters as Filters);
  }

  results(count: number): void {
    for (const callback of this.onResults) callback({ results: Array.from({ length: count }, () => ({})) });
  }
}

/** The search page as search.astro renders it, under /news/, in the language of `messages`. */
function searchPage(search = '', messages: Messages = en) {
  const document = new FakeDocument();
  const plainInput = el('input', { id: 'search-q', name: 'q' });
  const form = el('form', { 'data-search-form': '' }, plainInput);
  const pagefindInput = el('pagefind-input', { hidden: '' }, el('input'));
  const ui = el('div', { 'data-search-ui': '', hidden: '' });
  const relevance = el('input', { type: 'radio', name: 'order', value: 'relevance' });
  const date = el('input', { type: 'radio', name: 'order', value: 'date' });
  const order = el('fieldset', { 'data-search-order': '', hidden: '' }, relevance, date);
  const empty = el('p', { 'data-search-empty': '', hidden: '' });
  const status = el('p', { 'data-search-status': '', hidden: '' });
  document.body.append(
    el(
      'main',
      {
        'data-search-page': '',
        'data-search-bundle': '/news/pagefind/',
        'data-search-messages': JSON.stringify(messages.search.script),
      },
      form,
      pagefindInput,
      ui,
      order,
      empty,
      status,
    ),
  );
  const location = { pathname: '/news/search/', search, hash: '' };
  const urls: string[] = [];
  const history = {
    replaceState(_state: unknown, _title: string, url: string) {
      urls.push(url);
      location.search = new URL(url, 'https://example.org').search;
    },
  };
  const window: { location: typeof location; history: typeof history; PagefindComponents?: unknown } = {
    location,
    history,
  };
  let define = () => {};
  const defined = new Promise<void>((resolve) => {
    define = resolve;
  });
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  vi.stubGlobal('customElements', { whenDefined: () => defined });
  const pagefind = new FakePagefind();
  return {
    document,
    location,
    urls,
    plainInput,
    form,
    pagefindInput,
    ui,
    order,
    relevance,
    date,
    empty,
    status,
    pagefind,
    /** Sources of the scripts the page has added to its head. */
    scripts: () =>
      document.head.children.filter((child) => child.tagName === 'script').map((child) => child.src),
    /** What Pagefind's UI script does once it has loaded: defines its elements and an instance. */
    loadPagefind() {
      window.PagefindComponents = {
        getInstanceManager: () => ({
          getInstance: (name?: string) => (name === 'default' ? pagefind : undefined),
        }),
      };
      define();
    },
    /** Defines the elements without an instance, as a broken bundle would. */
    defineWithoutInstance() {
      define();
    },
  };
}

/** Imports the script afresh, as a page load does. */
async function loadScript(): Promise<void> {
  vi.resetModules();
  await import('../../src/browser/search-page.ts');
}

/** Lets the script's pending promise callbacks run. */
async function settle(): Promise<void> {
  for (let step = 0; step < 20; step += 1) await Promise.resolve();
}

function submitEvent() {
  const event: FakeEvent & { prevented: boolean } = { prevented: false };
  event['preventDefault'] = () => {
    event.prevented = true;
  };
  return event;
}

const changeTo = (radio: FakeElement): FakeEvent => ({ target: radio });

beforeEach(() => {
  // The script gives Pagefind 8 s to load; fake timers keep that wait out of the tests.
  vi.useFakeTimers();
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('the search page script before a search', () => {
  test.each(['[data-search-page]', '[data-search-form]', '#search-q'])(
    'does nothing on a page without %s',
    async (selector) => {
      const page = searchPage('?q=kabul');
      const part = page.document.querySelector(selector);
      const kept = part?.children ?? [];
      part?.remove();
      // Keep the rest of the page: only the one part is missing.
      page.document.body.append(...kept);
      await loadScript();
      expect(page.scripts()).toEqual([]);
      expect(page.plainInput.value).toBe('');
    },
  );

  test('fetches no Pagefind file until the reader focuses the box, and then only once', async () => {
    const page = searchPage();
    await loadScript();
    expect(page.scripts()).toEqual([]);
    expect(page.plainInput.value).toBe('');
    page.plainInput.dispatch('focus');
    expect(page.scripts()).toEqual(['/news/pagefind/pagefind-component-ui.js']);
    page.plainInput.dispatch('focus');
    page.form.dispatch('submit', submitEvent());
    expect(page.scripts()).toHaveLength(1);
  });

  test('starts the search in the page when the plain form is submitted', async () => {
    const page = searchPage();
    await loadScript();
    const submit = submitEvent();
    page.form.dispatch('submit', submit);
    expect(submit.prevented).toBe(true);
    expect(page.scripts()).toEqual(['/news/pagefind/pagefind-component-ui.js']);
  });

  test('fetches Pagefind at once when the URL names a search, and fills the box with its query', async () => {
    const page = searchPage('?q=+kabul+');
    await loadScript();
    expect(page.plainInput.value).toBe('kabul');
    expect(page.scripts()).toEqual(['/news/pagefind/pagefind-component-ui.js']);
  });

  test('also when the URL names only a filter', async () => {
    const page = searchPage('?topic=kabul');
    await loadScript();
    expect(page.scripts()).toEqual(['/news/pagefind/pagefind-component-ui.js']);
  });
});

describe('the search page script once Pagefind has loaded', () => {
  test('replaces the plain form with Pagefind’s and runs the search in the URL, filters and order too', async () => {
    const page = searchPage('?q=kabul&source=Reuters&sort=date');
    await loadScript();
    page.loadPagefind();
    await settle();
    expect([page.form.hidden, page.pagefindInput.hidden, page.ui.hidden]).toEqual([true, false, false]);
    expect(page.pagefind.searches).toEqual([['kabul', { source: ['Reuters'] }]]);
    expect(page.pagefind.searchSort).toEqual({ date: 'desc' });
    expect([page.relevance.checked, page.date.checked]).toEqual([false, true]);
  });

  test('gives Pagefind’s UI the page’s words, in the site’s language', async () => {
    const english = searchPage('?q=kabul');
    await loadScript();
    english.loadPagefind();
    await settle();
    expect(english.pagefind.translations).toEqual(en.search.script.pagefind);

    const french = searchPage('?q=kabul', fr);
    await loadScript();
    french.loadPagefind();
    await settle();
    expect(french.pagefind.translations).toEqual(fr.search.script.pagefind);
    expect(french.pagefind.translations).toMatchObject({
      many_results: '[COUNT] résultats pour [SEARCH_TERM]',
    });
  });

  test('runs no search and ranks by best match when the reader only focused the box', async () => {
    const page = searchPage();
    await loadScript();
    page.plainInput.dispatch('focus');
    page.document.activeElement = page.plainInput;
    page.loadPagefind();
    await settle();
    expect(page.pagefind.searches).toEqual([]);
    expect(page.pagefind.searchSort).toEqual({});
    expect([page.relevance.checked, page.date.checked]).toEqual([true, false]);
    // The reader was typing in the plain box: the caret moves on to Pagefind's.
    expect(page.pagefindInput.children[0]?.focused).toBe(true);
  });

  test('searches for what the reader typed before Pagefind loaded, leaving the focus alone', async () => {
    const page = searchPage();
    await loadScript();
    page.plainInput.value = '  harbour ';
    page.form.dispatch('submit', submitEvent());
    page.loadPagefind();
    await settle();
    expect(page.pagefind.searches).toEqual([['harbour', {}]]);
    expect(page.pagefindInput.children[0]?.focused).toBe(false);
  });

  test('keeps the URL in step with the search, keeping parameters it does not own', async () => {
    const page = searchPage('?q=kabul&ref=mail');
    page.location.hash = '#results';
    await loadScript();
    page.loadPagefind();
    await settle();
    page.pagefind.search('  taliban ', { source: ['BBC News'], year: [] });
    expect(page.urls).toEqual(['/news/search/?ref=mail&q=taliban&source=BBC+News#results']);
    expect(page.order.hidden).toBe(false);
    page.pagefind.search('', {});
    expect(page.urls.at(-1)).toBe('/news/search/?ref=mail#results');
    // No query, no order to choose.
    expect(page.order.hidden).toBe(true);
  });

  test('takes a search without filters as one with none', async () => {
    const page = searchPage('?q=kabul&topic=kabul');
    await loadScript();
    page.loadPagefind();
    await settle();
    page.pagefind.search('taliban', undefined);
    expect(page.urls).toEqual(['/news/search/?q=taliban']);
  });

  test('shows the help only when a query finds nothing', async () => {
    const page = searchPage('?q=kabul');
    await loadScript();
    page.loadPagefind();
    await settle();
    page.pagefind.search('zzxq');
    page.pagefind.results(0);
    expect(page.empty.hidden).toBe(false);
    page.pagefind.search('kabul');
    page.pagefind.results(3);
    expect(page.empty.hidden).toBe(true);
    page.pagefind.search('');
    page.pagefind.results(0);
    expect(page.empty.hidden).toBe(true);
  });

  test('switches between best match and newest first, searching again and recording the order', async () => {
    const page = searchPage('?q=kabul');
    await loadScript();
    page.loadPagefind();
    await settle();
    page.order.dispatch('change', changeTo(page.date));
    expect(page.pagefind.searchSort).toEqual({ date: 'desc' });
    expect(page.pagefind.searches).toEqual([
      ['kabul', {}],
      ['kabul', {}],
    ]);
    page.pagefind.search('kabul');
    expect(page.urls.at(-1)).toBe('/news/search/?q=kabul&sort=date');

    page.order.dispatch('change', changeTo(page.relevance));
    expect(page.pagefind.searchSort).toEqual({});
    expect(page.pagefind.searches).toHaveLength(3);
    page.pagefind.search('kabul');
    expect(page.urls.at(-1)).toBe('/news/search/?q=kabul');
  });
});

describe('the search page script when Pagefind does not load', () => {
  test('tells the reader after 8 seconds that search is unavailable, keeping the plain form', async () => {
    vi.stubEnv('DEV', false);
    const page = searchPage('?q=kabul');
    await loadScript();
    await vi.advanceTimersByTimeAsync(7999);
    expect(page.status.hidden).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(page.status.textContent).toBe(en.search.script.loadFailed);
    expect(page.status.textContent).toBe(
      'Search could not be loaded. Please reload the page or try again later.',
    );
    expect(page.status.hidden).toBe(false);
    expect(page.form.hidden).toBe(false);
    expect(page.pagefind.searches).toEqual([]);
  });

  test('says so in the site’s language', async () => {
    vi.stubEnv('DEV', false);
    const page = searchPage('?q=kabul', fr);
    await loadScript();
    await vi.advanceTimersByTimeAsync(8000);
    expect(page.status.textContent).toBe(
      'La recherche n’a pas pu être chargée. Rechargez la page ou réessayez plus tard.',
    );
  });

  test('tells a developer to build the index first', async () => {
    vi.stubEnv('DEV', true);
    const page = searchPage('?q=kabul');
    await loadScript();
    page.defineWithoutInstance();
    await settle();
    expect(page.status.textContent).toBe(
      'Search needs the index that `npm run build` writes; run a build, then reload this page.',
    );
    expect(page.status.hidden).toBe(false);
  });
});
