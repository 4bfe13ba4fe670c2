/**
 * The interface languages and how a site language (SITE_LANG) picks one. To add a language:
 * copy en.ts, translate every string, and register the object in {@link TABLES}.
 */
import { en } from './en.ts';
import { fr } from './fr.ts';
import type { Messages } from './messages.ts';

export { withLinks } from './messages.ts';
export type {
  LinkedText,
  LinkPart,
  Messages,
  PagefindStrings,
  ResolvedPart,
  SearchScriptMessages,
} from './messages.ts';

/** Every translation table, by its language subtag. English is the fallback. */
const TABLES: Readonly<Record<string, Messages>> = { en, fr };

/** The languages the interface is written in (`en`, `fr`), English first. */
export const INTERFACE_LANGUAGES: readonly string[] = Object.keys(TABLES);

/**
 * The interface strings for a language: the table of its primary language subtag (`fr-CA` →
 * French), else English.
 *
 * @param lang - a BCP 47 tag, such as the site's SITE_LANG
 */
export function messagesFor(lang: string): Messages {
  return TABLES[primaryLanguage(lang) ?? 'en'] ?? en;
}

/**
 * The Open Graph locale (`language_TERRITORY`) of a site in `lang`: its own region when the tag
 * names one (`fr-CA` → `fr_CA`); else the interface table's (`fr` → `fr_FR`, `en` → `en_GB`);
 * else the region where the language is most spoken (`de` → `de_DE`).
 *
 * @param lang - a BCP 47 tag, such as the site's SITE_LANG
 */
export function openGraphLocale(lang: string): string {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(lang);
  } catch {
    return en.ogLocale;
  }
  if (isCountry(locale.region)) return `${locale.language}_${locale.region}`;
  const table = TABLES[locale.language];
  if (table) return table.ogLocale;
  const region = new Intl.Locale(locale.language).maximize().region;
  return isCountry(region) ? `${locale.language}_${region}` : en.ogLocale;
}

/** A two-letter country code: Open Graph has no place for a region such as `419`. */
function isCountry(region: string | undefined): region is string {
  return region !== undefined && /^[A-Z]{2}$/.test(region);
}

function primaryLanguage(lang: string): string | undefined {
  try {
    return new Intl.Locale(lang).language;
  } catch {
    return undefined;
  }
}
