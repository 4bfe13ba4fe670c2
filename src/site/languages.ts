/**
 * The languages a site's articles are written in, as readers choose between them on the search
 * page: Pagefind keeps one index per language (with that language's stemming), so a search runs
 * in one language at a time.
 */
import { baseLanguage, textDirection } from '../core/text/language.ts';
import { compareStrings } from '../core/text/text.ts';

export interface ArticleLanguage {
  /** BCP 47 tag, as the articles give it (`en`, `pt-BR`). */
  tag: string;
  /** The language's name in itself ("Français", "العربية"), for a reader who reads it. */
  name: string;
  /** Articles written in it. */
  count: number;
  dir: 'ltr' | 'rtl';
}

/**
 * Every language of the articles, the most used first (ties by tag).
 *
 * @param articles - the published articles
 */
export function articleLanguages(articles: readonly { lang: string }[]): ArticleLanguage[] {
  const counts = new Map<string, number>();
  for (const { lang } of articles) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  return [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || compareStrings(a, b))
    .map(([tag, count]) => ({ tag, name: autonym(tag), count, dir: textDirection(tag) }));
}

/**
 * The language a search runs in when the reader has not chosen: the site's own when articles
 * are written in it, else the language most articles are written in.
 *
 * @param languages - from {@link articleLanguages}
 * @param siteLang - SITE_LANG
 */
export function defaultSearchLanguage(languages: readonly ArticleLanguage[], siteLang: string): string {
  const own =
    languages.find(({ tag }) => tag === siteLang) ??
    languages.find(({ tag }) => baseLanguage(tag) === baseLanguage(siteLang));
  return own?.tag ?? languages[0]?.tag ?? siteLang;
}

/** "Français" for `fr`, from the platform's locale data; the tag itself when it has none. */
function autonym(tag: string): string {
  try {
    // Without the platform's data for the language, the name would be in the machine's language.
    if (Intl.DisplayNames.supportedLocalesOf(tag).length === 0) return tag;
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    if (!name || name === tag) return tag;
    // Names of languages are lowercase in some languages ("français"): capitalised in a list.
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}
