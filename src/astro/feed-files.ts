/**
 * The feeds a build writes as plain files instead of rendering as Astro routes: every listing's
 * (sections, topics, sources; two per listing). Astro's own cost per route — the request, the
 * incremental build's bookkeeping, a second copy of the output — is larger than a feed's: with
 * the 4,374 feeds of the BBC corpus as routes, page generation took 18.5–19.6 s, without them
 * 12.3–14.6 s. The feed route offers them when Astro asks for its paths (src/pages/[...feed].ts)
 * and src/astro/integrations/listing-feeds.ts writes them once the pages are written.
 *
 * The route is bundled into Astro's prerender code and the integration is loaded with the
 * config: two copies of this module. They meet on one object under a `globalThis` key.
 */

/** One feed to write. */
export interface FeedFile {
  /** Its file, inside the output folder (`topics/iran/rss.xml`). */
  file: string;
  /** Its page key (src/astro/page-cache.ts): the same key, the same feed. */
  key: string;
  /** The feed's text. */
  body: () => Promise<string>;
}

const KEY = Symbol.for('dispatch.feed-files');

type Holder = { [KEY]?: readonly FeedFile[] | undefined };

/** Offers this build's listing feeds to the integration that writes them. */
export function offerFeedFiles(feeds: readonly FeedFile[]): void {
  (globalThis as Holder)[KEY] = feeds;
}

/** Takes the feeds offered in this build (none when the route offered none), once. */
export function takeFeedFiles(): readonly FeedFile[] {
  const holder = globalThis as Holder;
  const feeds = holder[KEY] ?? [];
  holder[KEY] = undefined;
  return feeds;
}
