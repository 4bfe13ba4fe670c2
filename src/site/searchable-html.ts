/**
 * The part of a built page the search index reads: its `<html>` tag (Pagefind files a page under
 * the language of `<html lang>`) and the element marked `data-pagefind-body`, with everything in
 * it. Pagefind reads nothing else of a page that has such an element, so its index is the same
 * byte for byte (checked on the 2,066 BBC article pages), while it parses a third of the bytes
 * and the Node side encodes and sends a third as many.
 *
 * A small tag scanner, not a full HTML parser: it reads the site's own pages, whose text is
 * escaped (no raw `<` outside tags), but attribute values may hold anything (`>`, `</article>`
 * in a title), so quoted values are skipped as a whole; so are comments and the raw text of
 * `script`, `style`, `textarea` and `title`. When the page does not have exactly one such
 * element, closed, the whole page is returned: the index is then built from all of it, as before.
 */

/** A start or end tag found by the scanner. */
interface Tag {
  name: string;
  end: boolean;
  /** Offsets of `<` and just after `>`. */
  from: number;
  to: number;
  /** The raw text between the name and `>`. */
  attributes: string;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const BODY_ATTRIBUTE = /(?:^|\s)data-pagefind-body(?:[\s=/]|$)/;

/**
 * What of `html` the index needs; undefined when nothing of it is indexed (no element marked
 * `data-pagefind-body`).
 *
 * @param html - a built page
 */
export function searchableHtml(html: string): string | undefined {
  let htmlTag: string | undefined;
  let body: { name: string; from: number; depth: number } | undefined;
  let found: { from: number; to: number } | undefined;
  let bodies = 0;
  for (const tag of tags(html)) {
    if (!tag.end && tag.name === 'html' && htmlTag === undefined) htmlTag = html.slice(tag.from, tag.to);
    if (body) {
      if (tag.name === body.name) body.depth += tag.end ? -1 : 1;
      if (body.depth === 0) {
        found = { from: body.from, to: tag.to };
        body = undefined;
      }
      continue;
    }
    if (!tag.end && BODY_ATTRIBUTE.test(tag.attributes)) {
      bodies += 1;
      if (VOID.has(tag.name) || tag.attributes.endsWith('/')) return html;
      body = { name: tag.name, from: tag.from, depth: 1 };
    }
  }
  if (bodies === 0) return undefined;
  if (bodies > 1 || !found) return html;
  return `<!doctype html>${htmlTag ?? '<html>'}<body>${html.slice(found.from, found.to)}</body></html>`;
}

/**
 * A comment, or a start or end tag: its name, then attributes up to `>`, where a value quoted
 * after `=` is read whole (it may hold `>`). Any text matches it in one way only: no backtracking
 * blow-up on a tag never closed.
 */
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"'=]|=\s*(?:"[^"]*"|'[^']*')?)*)>/g;

/** The start and end tags of `html`, in order, past comments and raw text. */
function* tags(html: string): Generator<Tag> {
  const tag = new RegExp(TAG.source, 'g');
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const name = match[2]?.toLowerCase();
    if (name === undefined) continue; // A comment.
    const end = match[1] === '/';
    yield { name, end, from: match.index, to: tag.lastIndex, attributes: (match[3] ?? '').trim() };
    if (!end && RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = tag.lastIndex;
      if (!close.exec(html)) return;
      tag.lastIndex = close.lastIndex - close.source.length;
    }
  }
}
