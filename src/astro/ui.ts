/**
 * The site's language and interface strings for pages and components: SITE_LANG, read from the
 * environment as content.config.ts and astro.config.mjs read it (src/core/config.ts), and the
 * translation table it picks (src/site/i18n/). Components import {@link ui} and render its
 * strings; none writes interface text of its own.
 */
import { resolveSiteConfig } from '../core/config.ts';
import { siteLinks } from '../core/model/routes.ts';
import { baseLanguage, textDirection } from '../core/text/language.ts';
import { messagesFor, openGraphLocale, type Messages } from '../site/i18n/index.ts';

/** The site's language, a canonical BCP 47 tag (`en`, `fr`, `pt-BR`): `<html lang>` of its pages. */
export const siteLang: string = resolveSiteConfig(process.env, process.cwd()).siteLang;

/** The interface strings in the site's language (English when it has no table). */
export const ui: Messages = messagesFor(siteLang);

/** The Open Graph locale of the site's language (`en_GB`, `fr_FR`, `fr_CA`). */
export const ogLocale: string = openGraphLocale(siteLang);

/**
 * The language the interface is written in: SITE_LANG when it has a table (with its region,
 * `fr-CA`), else English — a SITE_LANG of `de` without a German table gives English words, and
 * they are marked English, while German stays the language of articles that do not tell.
 */
export const uiLang: string = baseLanguage(siteLang) === ui.lang ? siteLang : ui.lang;

/** The direction of the interface's script. */
export const uiDir: 'ltr' | 'rtl' = textDirection(uiLang);

const directions = new Map<string, 'ltr' | 'rtl'>();

/**
 * The direction of a language's script (src/core/text/language.ts), looked up once per language:
 * every article page asks, and the lookup cost 0.3 s of a 10,000-article build.
 *
 * @param lang - a BCP 47 language tag
 */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  let direction = directions.get(lang);
  if (direction === undefined) {
    direction = textDirection(lang);
    directions.set(lang, direction);
  }
  return direction;
}

/**
 * `lang` and `dir` for an article's own text (a headline, a summary) among the site's words: none
 * when it is in the interface's language, else its language and direction.
 *
 * @param lang - the article's language
 */
export function contentLanguage(lang: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return lang === uiLang ? {} : { lang, dir: directionOf(lang) };
}

/**
 * The attributes of a link to an article under its headline: its address under the base path,
 * and the headline's language when it is not the interface's.
 *
 * @param article - the article linked to
 */
export function articleLinkAttributes(article: { slug: string; lang: string }): {
  href: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
} {
  return {
    href: siteLinks(import.meta.env.BASE_URL).article(article.slug),
    ...contentLanguage(article.lang),
  };
}
