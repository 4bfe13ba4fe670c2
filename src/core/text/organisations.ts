/**
 * Whether a name is an organisation's rather than a person's: bylines use it to tell an outlet
 * from an author, JSON-LD to type an author as Organization or Person.
 */

// Words that mark a name as an organisation rather than a person.
const OUTLET_WORDS =
  /\b(news|press|times|post|herald|journal|telegraph|guardian|tribune|gazette|agency|agencies|wire|reuters|afp|ap|bbc|cnn|bloomberg|associated|service|network|media|radio|tv|television|daily|weekly|online|magazine|international|affairs|bureau|desk|staff|team)\b/i;

/** Whether the text holds a word that names an organisation ("news", "agency", "Reuters"…). */
export function hasOrganisationWord(text: string): boolean {
  return OUTLET_WORDS.test(text);
}

/**
 * True when a name reads as an organisation ("CIC International Affairs", "BBC News").
 *
 * @param name - one author
 */
export function isOrganisationName(name: string): boolean {
  return hasOrganisationWord(name) || /^\p{Lu}{2,}\b/u.test(name);
}
