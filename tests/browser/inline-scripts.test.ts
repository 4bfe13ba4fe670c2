import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, test, vi } from 'vitest';
import { OWN_INLINE_SCRIPTS, THEME_SCRIPT } from '../../src/browser/inline-scripts.ts';
import { ownScriptHashes } from '../../src/site/security-policy.ts';
import { el, FakeDocument, FakeElement, FakeEventTarget, type FakeEvent } from '../support/fake-dom.ts';

const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('OWN_INLINE_SCRIPTS', () => {
  test('covers the theme script exactly as ThemeScript renders it', () => {
    expect(OWN_INLINE_SCRIPTS).toContain(THEME_SCRIPT);
    expect(ownScriptHashes(OWN_INLINE_SCRIPTS)).toContain(sha(THEME_SCRIPT));
    // Text that would end the element early or open a comment would change what runs.
    expect(THEME_SCRIPT).not.toMatch(/<\/script|<!--/i);
  });
});

interface PageOptions {
  /** What localStorage holds under `theme`; `blocked` makes every storage call throw. */
  saved?: string | 'blocked';
  /** Whether the system asks for the dark theme. */
  systemDark?: boolean;
  /** `location.search`. */
  search?: string;
  /** Elements of the page's body. */
  body?: FakeElement[];
  /** What the browser offers for sharing: the Web Share API, the clipboard, both or neither. */
  navigator?: {
    share?: (data: unknown) => Promise<void>;
    clipboard?: { writeText: (text: string) => Promise<void> };
  };
}

/** Runs the theme script in a context of its own, on a fake page, as the browser runs it in the head. */
function runThemeScript(options: PageOptions = {}) {
  const document = new FakeDocument();
  document.body.append(...(options.body ?? []));
  const stored = new Map<string, string>();
  if (options.saved !== undefined && options.saved !== 'blocked') stored.set('theme', options.saved);
  const blocked = () => {
    throw new Error('SecurityError: storage is blocked');
  };
  const localStorage =
    options.saved === 'blocked'
      ? { getItem: blocked, setItem: blocked }
      : {
          getItem: (key: string) => stored.get(key) ?? null,
          setItem: (key: string, value: string) => void stored.set(key, value),
        };
  const media = Object.assign(new FakeEventTarget(), { matches: options.systemDark ?? false });
  const mediaQueries: string[] = [];
  const matchMedia = (query: string) => {
    mediaQueries.push(query);
    return media;
  };
  // `import()` cannot be handed in like a global: the script's one dynamic import becomes a
  // call of a recording stand-in that gives back a fake Pagefind highlighter.
  const parts = THEME_SCRIPT.split('import(');
  if (parts.length !== 2) throw new Error('expected exactly one import() in the theme script');
  const imports: string[] = [];
  const highlighters: unknown[] = [];
  const importModule = (specifier: string) => {
    imports.push(specifier);
    return Promise.resolve({
      default: class FakeHighlighter {
        readonly options: unknown;
        constructor(options: unknown) {
          this.options = options;
          highlighters.push(options);
        }
      },
    });
  };
  runInNewContext(parts.join('importModule('), {
    document,
    localStorage,
    matchMedia,
    location: { search: options.search ?? '' },
    URLSearchParams,
    Element: FakeElement,
    importModule,
    navigator: options.navigator ?? {},
  });
  const root = document.documentElement.dataset;
  return { document, root, stored, media, mediaQueries, imports, highlighters };
}

/** A key press as the keydown listener sees it. */
function key(
  target: FakeElement,
  keyName: string,
  modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) {
  const event: FakeEvent & { prevented: boolean } = {
    key: keyName,
    target,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...modifiers,
    prevented: false,
  };
  event['preventDefault'] = () => {
    event.prevented = true;
  };
  return event;
}

const toggle = () => el('button', { 'data-theme-toggle': '', 'aria-pressed': 'false' }, el('span'));
const pressed = (buttons: readonly FakeElement[]) =>
  buttons.map((button) => button.getAttribute('aria-pressed'));

describe('THEME_SCRIPT: the theme', () => {
  test('applies a saved theme before first paint, for the page and for Pagefind, and marks the page as scripted', () => {
    expect(runThemeScript({ saved: 'dark' }).root).toEqual({ theme: 'dark', pfTheme: 'dark', js: '' });
    expect(runThemeScript({ saved: 'light', systemDark: true }).root).toEqual({
      theme: 'light',
      pfTheme: 'light',
      js: '',
    });
  });

  test('leaves the system theme in charge when nothing valid is saved', () => {
    expect(runThemeScript().root).toEqual({ js: '' });
    expect(runThemeScript({ saved: 'purple' }).root).toEqual({ js: '' });
  });

  test('asks the system for its dark preference', () => {
    expect(runThemeScript().mediaQueries).toEqual(['(prefers-color-scheme: dark)']);
  });

  test('shows every toggle pressed once the page is parsed when the theme in force is dark', () => {
    const buttons = [toggle(), toggle()];
    const dark = runThemeScript({ systemDark: true, body: buttons });
    expect(pressed(buttons)).toEqual(['false', 'false']);
    dark.document.dispatch('DOMContentLoaded');
    expect(pressed(buttons)).toEqual(['true', 'true']);

    const savedLight = [toggle()];
    runThemeScript({ systemDark: true, saved: 'light', body: savedLight }).document.dispatch(
      'DOMContentLoaded',
    );
    expect(pressed(savedLight)).toEqual(['false']);
  });

  test('switches the theme on a click in a toggle, saves the choice and updates every toggle', () => {
    const buttons = [toggle(), toggle()];
    const page = runThemeScript({ body: buttons });
    const icon = buttons[0]?.children[0] ?? el('span');
    page.document.dispatch('click', { target: icon });
    expect(page.root).toMatchObject({ theme: 'dark', pfTheme: 'dark' });
    expect(page.stored.get('theme')).toBe('dark');
    expect(pressed(buttons)).toEqual(['true', 'true']);

    page.document.dispatch('click', { target: buttons[1] });
    expect(page.root).toMatchObject({ theme: 'light', pfTheme: 'light' });
    expect(page.stored.get('theme')).toBe('light');
    expect(pressed(buttons)).toEqual(['false', 'false']);
  });

  test('ignores clicks outside the toggles', () => {
    const paragraph = el('p');
    const page = runThemeScript({ body: [toggle(), paragraph] });
    page.document.dispatch('click', { target: paragraph });
    page.document.dispatch('click', { target: 'not an element' });
    expect(page.root).toEqual({ js: '' });
    expect(page.stored.size).toBe(0);
  });

  test('still switches the theme when storage is blocked, without saving it', () => {
    const buttons = [toggle()];
    const page = runThemeScript({ saved: 'blocked', systemDark: true, body: buttons });
    expect(page.root).toEqual({ js: '' });
    page.document.dispatch('click', { target: buttons[0] });
    expect(page.root).toMatchObject({ theme: 'light', pfTheme: 'light' });
    expect(pressed(buttons)).toEqual(['false']);
  });

  test('follows a change of the system theme while no theme is chosen', () => {
    const buttons = [toggle()];
    const page = runThemeScript({ body: buttons });
    page.document.dispatch('DOMContentLoaded');
    expect(pressed(buttons)).toEqual(['false']);
    page.media.matches = true;
    page.media.dispatch('change');
    expect(pressed(buttons)).toEqual(['true']);
  });
});

describe('THEME_SCRIPT: search shortcuts', () => {
  const searchPage = () => ({
    header: el('input', { id: 'header-q' }),
    plain: el('input', { id: 'search-q' }),
    pagefind: el('pagefind-input', { hidden: '' }, el('input')),
    paragraph: el('p'),
  });

  test('focuses and selects the header search box on "/"', () => {
    const header = el('input', { id: 'header-q' });
    const paragraph = el('p');
    const page = runThemeScript({ body: [header, paragraph] });
    const event = key(paragraph, '/');
    page.document.dispatch('keydown', event);
    expect(event.prevented).toBe(true);
    expect([header.focused, header.selected]).toEqual([true, true]);
  });

  test('prefers the search page’s own box, and Pagefind’s once it is shown', () => {
    const parts = searchPage();
    const page = runThemeScript({ body: Object.values(parts) });
    page.document.dispatch('keydown', key(parts.paragraph, '/'));
    expect([parts.plain.focused, parts.header.focused]).toEqual([true, false]);

    parts.plain.focused = false;
    parts.pagefind.hidden = false;
    page.document.dispatch('keydown', key(parts.paragraph, '/'));
    expect(parts.pagefind.children[0]?.focused).toBe(true);
    expect(parts.plain.focused).toBe(false);
  });

  test('takes Ctrl K and ⌘ K even while the reader types, but not a typed "/" or a plain "k"', () => {
    const parts = searchPage();
    const page = runThemeScript({ body: Object.values(parts) });
    const typing = [parts.header, el('textarea'), el('div', { contenteditable: '' }, el('b'))];
    page.document.body.append(...typing);
    for (const target of [...typing, typing[2]?.children[0] ?? el('b')]) {
      const slash = key(target, '/');
      page.document.dispatch('keydown', slash);
      expect(slash.prevented).toBe(false);
    }
    const plainK = key(parts.paragraph, 'k');
    page.document.dispatch('keydown', plainK);
    expect(plainK.prevented).toBe(false);
    expect(parts.plain.focused).toBe(false);

    const ctrlK = key(parts.header, 'k', { ctrlKey: true });
    page.document.dispatch('keydown', ctrlK);
    expect(ctrlK.prevented).toBe(true);
    expect(parts.plain.focused).toBe(true);

    const metaK = key(parts.header, 'k', { metaKey: true });
    page.document.dispatch('keydown', metaK);
    expect(metaK.prevented).toBe(true);
  });

  test('leaves Alt combinations and pages without a search box alone', () => {
    const parts = searchPage();
    const page = runThemeScript({ body: Object.values(parts) });
    const altSlash = key(parts.paragraph, '/', { altKey: true });
    page.document.dispatch('keydown', altSlash);
    expect(altSlash.prevented).toBe(false);
    expect(parts.plain.focused).toBe(false);

    const paragraph = el('p');
    const bare = runThemeScript({ body: [paragraph] });
    const slash = key(paragraph, '/');
    bare.document.dispatch('keydown', slash);
    expect(slash.prevented).toBe(false);
  });
});

describe('THEME_SCRIPT: highlighting the terms of a search', () => {
  /** Runs the script on a page with the given query and body, its search bundle under /news/. */
  function articlePage(search: string, body: FakeElement[]) {
    const page = runThemeScript({ search, body });
    page.root['searchBundle'] = '/news/pagefind/';
    page.document.dispatch('DOMContentLoaded');
    return page;
  }

  test('loads Pagefind’s highlighter from the search bundle on an article opened from a result', async () => {
    const page = articlePage('?highlight=kabul&highlight=taliban', [
      el('article', { 'data-pagefind-body': '' }),
    ]);
    expect(page.imports).toEqual(['/news/pagefind/pagefind-highlight.js']);
    await vi.waitFor(() =>
      expect(page.highlighters).toEqual([{ highlightParam: 'highlight', addStyles: false }]),
    );
  });

  test('loads nothing without terms or on a page that is not an article', () => {
    const article = () => [el('article', { 'data-pagefind-body': '' })];
    expect(articlePage('', article()).imports).toEqual([]);
    expect(articlePage('?q=kabul', article()).imports).toEqual([]);
    expect(articlePage('?highlight=kabul', [el('main')]).imports).toEqual([]);
  });
});

describe('THEME_SCRIPT: sharing an article', () => {
  const URL_OF_PAGE = 'https://example.org/articles/harbour/';
  const page = (navigator: NonNullable<PageOptions['navigator']>, copied = 'Link copied') => {
    // The words it says come from the page, in the site's language (data-share-copied).
    const button = el('button', { 'data-share': URL_OF_PAGE, 'data-share-copied': copied }, el('span'));
    const status = el('span', { 'data-share-status': '' });
    const run = runThemeScript({ body: [button, status], navigator });
    run.document.title = 'Harbour — Dispatch';
    return { ...run, button, status };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  test('opens the system share sheet with the page’s title and address where the browser has one', async () => {
    const share = vi.fn(() => Promise.resolve());
    const writeText = vi.fn(() => Promise.resolve());
    const { document, button, status } = page({ share, clipboard: { writeText } });
    document.dispatch('click', { target: button.children[0] });
    await settle();
    expect(share).toHaveBeenCalledWith({ title: 'Harbour — Dispatch', url: URL_OF_PAGE });
    expect(writeText).not.toHaveBeenCalled();
    expect(status.textContent).toBe('');
  });

  test('copies the link and says so where there is no share sheet', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const { document, button, status } = page({ clipboard: { writeText } });
    document.dispatch('click', { target: button });
    await settle();
    expect(writeText).toHaveBeenCalledWith(URL_OF_PAGE);
    expect(status.textContent).toBe('Link copied');
  });

  test('says so in the words the button gives, so one script (and one hash) serves every language', async () => {
    const { document, button, status } = page(
      { clipboard: { writeText: () => Promise.resolve() } },
      'Lien copié',
    );
    document.dispatch('click', { target: button });
    await settle();
    expect(status.textContent).toBe('Lien copié');
    expect(THEME_SCRIPT).not.toMatch(/Link copied/);
  });

  test('shows the link to copy by hand when the clipboard refuses or is missing', async () => {
    const refused = page({ clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    refused.document.dispatch('click', { target: refused.button });
    await settle();
    expect(refused.status.textContent).toBe(URL_OF_PAGE);
    const bare = page({});
    bare.document.dispatch('click', { target: bare.button });
    expect(bare.status.textContent).toBe(URL_OF_PAGE);
  });

  test('leaves the theme alone when the share button is clicked', () => {
    const { document, button, root } = page({ share: () => Promise.resolve() });
    document.dispatch('click', { target: button });
    expect(root).toEqual({ js: '' });
  });
});
