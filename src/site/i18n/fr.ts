/**
 * L’interface en français. French typography: a no-break space before « : » and a narrow
 * no-break space before « ; ! ? » and inside guillemets, so no line starts with one of them;
 * the typographic apostrophe (’); numbers grouped by thin spaces (« 1 234 »); « 1er » for the
 * first day of a month.
 */
import { formatLongDate, formatMonth } from '../date-format.ts';
import { pluralRules, type Messages } from './messages.ts';

/** No-break space: before « : » and between a number and its unit. */
const NBSP = '\u00a0';
/** Narrow no-break space: before « ; ! ? », inside « ». */
const NNBSP = '\u202f';

const choose = pluralRules('fr');
const NUMBER = new Intl.NumberFormat('fr-FR');
const number = (value: number): string => NUMBER.format(value);
/** « d’articles », « de médias »: for round millions (« 1 000 000 d’articles »). */
const partitive = (noun: string): string =>
  /^[aeiouyàâéèêëîïôûh]/iu.test(noun) ? `d’${noun}` : `de ${noun}`;
/** « 0 article », « 1 article », « 3 articles », « 1 000 000 d’articles ». */
const counted = (count: number, one: string, other = `${one}s`): string =>
  `${number(count)} ${choose(count, { one, other, many: partitive(other) })}`;
const quoted = (text: string): string => `«${NNBSP}${text}${NNBSP}»`;
const colon = (label: string, text: string): string => `${label}${NBSP}: ${text}`;
/** « juillet 2025 » → « Juillet 2025 », as a heading starts. */
const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
const lowercaseFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('fr') + text.slice(1);
const list = (items: readonly string[]): string => items.join(', ');

export const fr: Messages = {
  lang: 'fr',
  ogLocale: 'fr_FR',

  number,
  // « 1er juillet 2025 », « 11 juillet 2025 ».
  date: (isoDate) => formatLongDate(isoDate, 'fr-FR').replace(/^1(?=\s)/u, '1er'),
  month: (year, month) => capitalised(formatMonth(year, month, 'fr-FR')),
  articles: (count) => counted(count, 'article'),
  // A story's reports are, for a French reader, simply its articles.
  reports: (count) => counted(count, 'article'),
  outlets: (count) => counted(count, 'média'),
  minRead: (minutes) => `${number(minutes)}${NBSP}min de lecture`,
  pageOf: (page, pages) => `, page ${number(page)} sur ${number(pages)}`,
  separator: `${NNBSP}; `,

  site: {
    description:
      'Des articles d’actualité sans doublons, regroupés par sujet, et une recherche qui fonctionne dans votre navigateur.',
    latestNews: 'Dernières actualités',
    page: (page) => `page ${number(page)}`,
    allArticles: 'tous les articles',
    everyFeed: 'tous les flux',
    skipToContent: 'Aller au contenu',
  },

  nav: {
    main: 'Principale',
    latest: 'Actualités',
    topics: 'Thèmes',
    sources: 'Sources',
    archive: 'Archives',
    sections: 'Rubriques',
    more: 'Plus',
    rssFeed: 'Flux RSS',
    allFeeds: 'Tous les flux (OPML)',
    siteSearch: 'Recherche sur le site',
    searchArticles: 'Rechercher des articles',
    search: 'Rechercher',
    darkTheme: 'Thème sombre',
  },

  pagination: {
    label: 'Pages',
    newer: '← Plus récents',
    older: 'Plus anciens →',
    page: 'Page',
  },

  article: {
    byline: (names) => `Par ${names}`,
    undated: 'Sans date',
    updated: 'Mis à jour le',
    printedFrom: (url) => `Imprimé depuis ${url}`,
    share: 'Partager cet article',
    linkCopied: 'Lien copié',
    topics: 'Thèmes',
    moreFrom: (source) => colon(source, 'tous ses articles'),
    alsoPublishedAs: (count) =>
      `Également publié sous ${choose(count, { one: 'le titre', other: 'les titres' })}${NBSP}:`,
    otherHeadlines: (count) =>
      `et ${number(count)} ${choose(count, { one: 'autre titre', other: 'autres titres', many: 'd’autres titres' })}`,
    otherCoverage: 'Autres articles sur ce sujet',
    coverageMore: (count) => [
      `Et ${number(count)} ${choose(count, { one: 'autre', other: 'autres' })} — `,
      { link: 'story', text: 'voir tout le sujet' },
    ],
    allReports: (count) => `Les ${number(count)} articles, dans l’ordre chronologique`,
    related: 'À lire aussi',
    moved: (title) => [`Cet article a été déplacé${NBSP}: `, { link: 'article', text: title }, '.'],
  },

  edits: {
    label: 'Note d’édition',
    removed: (entries) => `${colon('Retiré du fichier source', entries)}.`,
    changed: (entries) => `${colon('Modifié par rapport au fichier source', entries)}.`,
    repeatedTitle: (line) => `une copie répétée du titre (ligne ${number(line)})`,
    repeatedDek: (line) => `une copie répétée du chapeau (ligne ${number(line)})`,
    repeatedParagraphs: (paragraphs, line) =>
      `un bloc répété de ${counted(paragraphs, 'paragraphe')} (à partir de la ligne ${number(line)})`,
    removedCharacters: (entries) =>
      colon('des caractères de contrôle ou invisibles qui ne peuvent pas être affichés', entries),
    replacedCharacters: (entries) =>
      colon('des caractères de contrôle remplacés par ce qu’ils représentent', entries),
    decodedEntities: (entries) => colon('des références de caractères HTML décodées', entries),
    repeatedBlocks: (blocks, paragraphs, firstLine) =>
      `${number(blocks)} blocs répétés, ${counted(paragraphs, 'paragraphe')} en tout (le premier à partir de la ligne ${number(firstLine)})`,
    atLines: (lines, more) =>
      `(${lines.length + more > 1 ? 'lignes' : 'ligne'} ${lines.map(number).join(', ')}${
        more > 0 ? ` et ${number(more)} ${choose(more, { one: 'autre', other: 'autres' })}` : ''
      })`,
    otherKinds: (count) => `${number(count)} autres sortes`,
  },

  story: {
    reportsOnStory: (count) => `${fr.reports(count)} sur ce sujet`,
    fromOutlets: (count, names) =>
      `${count === 1 ? 'd’un média' : `de ${fr.outlets(count)}`}${names ? ` (${list(names)})` : ''}`,
    latest: 'dernier article le',
    moreInStory: (count) =>
      `et ${number(count)} ${choose(count, { one: 'autre', other: 'autres' })} dans ce sujet`,
    reportsFrom: (reports, outlets) =>
      outlets > 0
        ? `${fr.reports(reports)} ${outlets === 1 ? 'd’un média' : `de ${fr.outlets(outlets)}`}`
        : fr.reports(reports),
    eyebrow: 'Sujet',
    description: (reportsFrom, lead) => colon(reportsFrom, lead),
    outletList: (outlets) =>
      `${colon(choose(outlets.length, { one: 'Source', other: 'Sources' }), list(outlets))}.`,
    noArticles:
      'Aucun article pour l’instant. Ajoutez des fichiers texte au dossier de contenu et relancez la compilation.',
  },

  topics: {
    title: 'Thèmes',
    description:
      'Les personnes, les lieux et les organisations qui font l’actualité, et tous les articles qui en parlent.',
    none: 'Aucun thème pour l’instant.',
    kinds: { person: 'Personne', place: 'Lieu', organisation: 'Organisation' },
    groups: { person: 'Personnes', place: 'Lieux', organisation: 'Organisations' },
    pageDescription: (articles, name) => `${colon(name, articles)}.`,
    feedDescription: (name) => `Les derniers articles du thème ${quoted(name)}.`,
  },

  sources: {
    title: 'Sources',
    description: 'Les médias dont ce site publie les articles.',
    none: 'Aucun article ne nomme encore sa source.',
    unattributed: (count) =>
      choose(count, {
        one: `${number(count)} article ne nomme pas sa source et n’est pas listé ici.`,
        other: `${number(count)} articles ne nomment pas leur source et ne sont pas listés ici.`,
      }),
    eyebrow: 'Source',
    pageDescription: (reports, name) => `${colon(name, reports)}.`,
    feedDescription: (name) => `Les derniers articles publiés par ${name}.`,
  },

  sections: {
    eyebrow: 'Rubrique',
    pageDescription: (articles, name) => `${colon(`Rubrique ${quoted(name)}`, articles)}.`,
    feedDescription: (name) => `Les derniers articles de la rubrique ${quoted(name)}.`,
  },

  archive: {
    title: 'Archives',
    description: 'Tous les articles, par année et par mois.',
    undated: 'Sans date',
    withoutDate: (count) => `${fr.articles(count)} sans date`,
    none: 'Aucun article pour l’instant.',
    undatedTitle: 'Articles sans date',
    undatedDescription: (articles) => `${articles} dont la source ne donne pas la date.`,
    // « publiés en juillet 2025 »: no elision to get wrong (« d’août »).
    monthDescription: (count, month) =>
      `${number(count)} ${choose(count, { one: 'article publié', other: 'articles publiés', many: 'd’articles publiés' })} en ${lowercaseFirst(month)}.`,
  },

  notFound: {
    title: 'Page introuvable',
    text: 'Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée, ou le lien est mal saisi.',
    searchLabel: 'Rechercher plutôt',
    inputLabel: 'Rechercher dans les articles',
    home: 'Voir les dernières actualités',
  },

  offline: {
    title: 'Vous êtes hors ligne',
    description: 'Cette page n’a pas été enregistrée pour la lecture hors ligne.',
    text: 'Cette page n’a pas été enregistrée sur cet appareil et ne peut donc pas s’afficher avant le retour de la connexion.',
    stillAvailable: [
      'Les pages déjà lues s’ouvrent toujours, tout comme les ',
      { link: 'home', text: 'dernières actualités' },
      ' telles que vous les avez vues en dernier, et la ',
      { link: 'search', text: 'recherche' },
      '.',
    ],
  },

  search: {
    title: 'Recherche',
    description: 'Rechercher dans tous les articles par mot-clé.',
    label: 'Rechercher des articles',
    placeholder: 'Rechercher des articles, des personnes, des lieux…',
    filtersLabel: 'Filtres',
    order: 'Ordre',
    bestMatch: 'Pertinence',
    newestFirst: 'Plus récents d’abord',
    language: 'Chercher dans les articles en',
    nothingMatched:
      'Aucun résultat. Vérifiez l’orthographe, utilisez moins de mots ou d’autres mots, ou retirez un filtre.',
    browse: [
      'Vous pouvez aussi parcourir les ',
      { link: 'topics', text: 'thèmes' },
      ', les ',
      { link: 'sources', text: 'sources' },
      ' ou les ',
      { link: 'archive', text: 'archives' },
      '.',
    ],
    needsJavaScript: [
      'La recherche fonctionne dans votre navigateur et nécessite JavaScript. Vous pouvez tout de même parcourir les ',
      { link: 'home', text: 'dernières actualités' },
      ', les ',
      { link: 'topics', text: 'thèmes' },
      ' et les ',
      { link: 'archive', text: 'archives' },
      '.',
    ],
    untitled: 'Sans titre',
    undated: 'Sans date',
    script: {
      loadFailed: 'La recherche n’a pas pu être chargée. Rechargez la page ou réessayez plus tard.',
      needsBuild: `La recherche a besoin de l’index qu’écrit \`npm run build\`${NNBSP}; lancez une compilation, puis rechargez cette page.`,
      filters: { section: 'Rubrique', year: 'Année', source: 'Source', topic: 'Thème' },
      pagefind: {
        placeholder: 'Rechercher',
        clear_search: 'Effacer',
        load_more: 'Afficher plus de résultats',
        search_label: 'Recherche sur ce site',
        filters_label: 'Filtres',
        zero_results: 'Aucun résultat pour [SEARCH_TERM]',
        many_results: '[COUNT] résultats pour [SEARCH_TERM]',
        one_result: '[COUNT] résultat pour [SEARCH_TERM]',
        total_zero_results: 'Aucun résultat',
        total_one_result: '[COUNT] résultat',
        total_many_results: '[COUNT] résultats',
        alt_search: 'Aucun résultat pour [SEARCH_TERM]. Résultats pour [DIFFERENT_TERM] à la place',
        search_suggestion: `Aucun résultat pour [SEARCH_TERM]. Essayez l’une des recherches suivantes${NBSP}:`,
        searching: 'Recherche de [SEARCH_TERM]…',
        results_label: 'Résultats de la recherche',
        error_search: 'La recherche a échoué',
        filter_selected_one: '[COUNT] sélectionné',
        filter_selected_many: '[COUNT] sélectionnés',
        input_hint: 'Les résultats s’affichent au fil de la saisie',
        loading: 'Chargement…',
      },
    },
  },
};
