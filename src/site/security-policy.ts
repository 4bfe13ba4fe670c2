/**
 * The security headers every page is served with, written by the build for the hosts that
 * read header files (`_headers`: Netlify, Cloudflare Pages) and as an nginx include
 * (`security-headers.conf`). The policy allows the inline scripts the project writes (by the
 * hash of their source text) and nothing else; a built page holding any other script fails
 * the build (see {@link findForeignScripts}).
 */
import { createHash } from 'node:crypto';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { counted } from './format.ts';

/**
 * Content-Security-Policy: everything from the site's own origin only; scripts only from files
 * or with a known hash (never `'unsafe-inline'`); WebAssembly compilation and blob: workers,
 * which Pagefind's search engine needs; no framing, plugins or foreign form targets.
 *
 * @param scriptHashes - `sha256-…` sources of the project's own inline scripts
 */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  const scripts = [
    "'self'",
    "'wasm-unsafe-eval'",
    ...[...new Set(scriptHashes)].sort().map((hash) => `'${hash}'`),
  ];
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers besides the CSP, with the reason for each value. */
export function securityHeaders(csp: string): [string, string][] {
  return [
    ['Content-Security-Policy', csp],
    // Never guess a type: a text file must not be run as a script.
    ['X-Content-Type-Options', 'nosniff'],
    // Other sites learn the origin a reader came from, not the article path.
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    // A news site needs none of these powerful features.
    [
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    ],
    // For browsers without frame-ancestors support.
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
}

/**
 * The `sha256-…` CSP source of a script's text.
 *
 * @param text - the script exactly as it stands between its tags
 */
export function scriptHash(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

/**
 * The hashes the policy allows: those of the inline scripts the project writes itself, taken
 * from their source text, never from the built pages (an injected script must not vouch for
 * itself).
 *
 * @param scripts - the project's own inline scripts (OWN_INLINE_SCRIPTS)
 */
export function ownScriptHashes(scripts: readonly string[]): string[] {
  return [...new Set(scripts.map(scriptHash))].sort();
}

/**
 * The `sha256-…` CSP sources of the inline scripts a browser would run in a page. A script is
 * data only when its type is one of the data blocks the site writes (JSON-LD, Pagefind
 * templates); any other type counts as a script, so an unusual one cannot slip past the check.
 *
 * @param html - a built page
 */
export function inlineScriptHashes(html: string): string[] {
  return scriptsIn(fromHtml(html)).flatMap((script) =>
    isRunnable(script) ? [scriptHash(textOf(script))] : [],
  );
}

/** One page's content that a Content-Security-Policy of our own hashes would not allow. */
export interface PageProblem {
  /** The page, as given to {@link findForeignScripts}. */
  page: string;
  /** What is wrong, e.g. `inline script sha256-… that the project did not write`. */
  problems: string[];
}

/**
 * The pages holding script the project did not write: an inline script whose hash is not one
 * of ours, an event-handler attribute (`onclick=`) or a `javascript:` URL. Each is what an
 * injection bug would leave, so the build must stop rather than publish it (or allow it).
 * Pages a fast scan shows to be clean are not parsed.
 *
 * @param pages - every built page: a name to report (its path) and its HTML
 * @param allowedHashes - from {@link ownScriptHashes}
 */
export function findForeignScripts(
  pages: Iterable<{ page: string; html: string }>,
  allowedHashes: readonly string[],
): PageProblem[] {
  const allowed = new Set(allowedHashes);
  const found: PageProblem[] = [];
  for (const { page, html } of pages) {
    if (looksClean(html, allowed)) continue;
    const problems = pageProblems(html, allowed);
    if (problems.length > 0) found.push({ page, problems });
  }
  return found;
}

/**
 * The error a build stops with when {@link findForeignScripts} found something: every page
 * named (the first 20, then a count), with what was found in it.
 *
 * @param found - from {@link findForeignScripts}, not empty
 */
export function foreignScriptsMessage(found: readonly PageProblem[]): string {
  const shown = found.slice(0, 20).map(({ page, problems }) => `  ${page}: ${problems.join('; ')}`);
  const more = found.length > shown.length ? [`  … and ${found.length - shown.length} more pages`] : [];
  return [
    `${counted(found.length, 'built page holds', 'built pages hold')} script the project did not write ` +
      '(an injection?); the Content-Security-Policy would block it, and the site must not publish it:',
    ...shown,
    ...more,
  ].join('\n');
}

/** Types of `<script>` the site writes as data; a browser never runs them. */
const DATA_BLOCK_TYPES = new Set(['application/ld+json', 'text/pagefind-template']);

/** Attributes whose value is a URL a browser may navigate to or load (hast property names). */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'xLinkHref',
  'data',
  'poster',
  'background',
  'cite',
  'codeBase',
  'longDesc',
  'manifest',
  'ping',
  'srcSet',
  'lowsrc',
  'dynsrc',
]);

/** SVG animation (`<set>`, `<animate>`) can set a link's target: then its values are URLs. */
const ANIMATED_URL_ATTRIBUTES = new Set(['href', 'xlink:href']);
const ANIMATION_VALUES = new Set(['to', 'from', 'by', 'values']);

function pageProblems(html: string, allowed: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const element of elementsIn(fromHtml(html))) {
    if (element.tagName === 'script' && isRunnable(element)) {
      const hash = scriptHash(textOf(element));
      if (!allowed.has(hash)) problems.push(`inline script ${hash} that the project did not write`);
    }
    const animatesUrl = ANIMATED_URL_ATTRIBUTES.has(String(element.properties['attributeName'] ?? ''));
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name))
        problems.push(`event handler attribute ${name.toLowerCase()} on <${element.tagName}>`);
      else if (name === 'srcDoc')
        // A frame's srcdoc is a whole document, scripts and all; the site never writes one.
        problems.push(`srcdoc document in <${element.tagName}>`);
      else if (
        (URL_PROPERTIES.has(name) || (animatesUrl && ANIMATION_VALUES.has(name))) &&
        isScriptUrl(value)
      )
        problems.push(`javascript: URL in ${name} of <${element.tagName}>`);
    }
    if (isScriptRefresh(element)) problems.push('meta refresh to a javascript: URL');
  }
  return problems;
}

/**
 * A fast scan that proves most pages clean without parsing them: every tag that could be an
 * inline script is a data block or one of ours, nothing looks like an event-handler attribute,
 * and nothing could spell a `javascript:` URL (literally, with spaces a URL parser drops, or
 * with character references). Anything else goes to the full parse, which decides.
 */
function looksClean(html: string, allowed: ReadonlySet<string>): boolean {
  // Every script start tag must belong to a scanned element: one the scan could not pair with
  // an end tag (an unusual end tag, or none) goes to the full parse, which reads it as a browser.
  const openings = html.match(SCRIPT_START)?.length ?? 0;
  const elements = [...html.matchAll(SCRIPT_ELEMENT)];
  return (
    elements.length === openings &&
    candidateHashes(elements).every((hash) => allowed.has(hash)) &&
    !/\bon[a-z]+\s*=/i.test(html) &&
    !/\bsrcdoc\s*=/i.test(html) &&
    !SCRIPT_URL_HINT.test(html)
  );
}

/** A script start tag as an HTML tokenizer reads one: `<script` then a space, `/` or `>`. */
const SCRIPT_START = /<script[\s/>]/gi;
/**
 * A script element: its start tag, its text, and its end tag in any form a browser accepts
 * (`</script>`, `</script >`, `</script/>`, `</script x>`).
 */
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script(?=[\s/>])[^>]*>/gi;

/**
 * What any spelling of a `javascript:` URL must contain: `script` then a colon, or a character
 * reference that could stand for one of its letters, its colon or a tab or newline inside it.
 * References to `&`, `<`, `'` and `"` (which rehype and Astro write for article text) cannot.
 */
const SCRIPT_URL_HINT = /script\s*:|&#(?!(?:x26|x3c|x27|x22|38|60|39|34);)|&colon;|&tab;|&newline;/i;

function isRunnable(script: Element): boolean {
  if (script.properties['src'] !== undefined) return false;
  const type = String(script.properties['type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  return !type || !DATA_BLOCK_TYPES.has(type);
}

/** A URL a browser would run as script: the scheme after dropping what its URL parser drops. */
function isScriptUrl(value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some(
    (item) =>
      typeof item === 'string' &&
      // Leading C0 controls and spaces are trimmed, tabs and newlines removed anywhere: exactly
      // what a URL parser does, so the control characters in this pattern are the point.
      // eslint-disable-next-line no-control-regex
      /^(?:java|vb)script:/i.test(item.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '')),
  );
}

function isScriptRefresh(element: Element): boolean {
  if (element.tagName !== 'meta') return false;
  const httpEquiv = String(element.properties['httpEquiv'] ?? '').toLowerCase();
  const content = String(element.properties['content'] ?? '');
  const url = /url\s*=\s*['"]?(.*)$/is.exec(content)?.[1] ?? '';
  return httpEquiv === 'refresh' && isScriptUrl(url);
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

function scriptsIn(tree: Nodes): Element[] {
  return elementsIn(tree).filter((element) => element.tagName === 'script');
}

/** Every element, template contents included (a script there runs once the template is used). */
function elementsIn(tree: Nodes): Element[] {
  const elements: Element[] = [];
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'element') {
      elements.push(node);
      if (node.content) stack.push(node.content);
    }
    if ('children' in node)
      for (let index = node.children.length - 1; index >= 0; index -= 1)
        stack.push(node.children[index] as Nodes);
  }
  return elements;
}

/**
 * A `<script>` tag whose only attribute declares a data block (JSON-LD, a Pagefind template):
 * never run by a browser. Only this exact shape is skipped, so a tag that merely mentions such
 * a type somewhere in its attributes is still a candidate. Every article page has its own
 * JSON-LD; without this, every page would need the full parse (1.7 s of a BBC build).
 */
const DATA_BLOCK_TAG = /^\s+type="(?:application\/ld\+json|text\/pagefind-template)"\s*$/i;

/**
 * Whether a scanned `<script>` is a data block. One whose text holds another `<script` is not
 * skipped: the scan may have matched across a real script (a data-block tag inside a comment,
 * say), which must still send the page to the full parse.
 */
function isDataBlock(attributes: string, text: string): boolean {
  return DATA_BLOCK_TAG.test(attributes) && !/<script/i.test(text);
}

/**
 * The hashes of everything that looks like an inline script, found by a fast scan: a superset
 * of {@link inlineScriptHashes} (it also hashes look-alikes inside attribute values). Pages
 * whose candidates are all known real scripts need no full parse.
 *
 * @param html - a built page
 */
export function candidateScriptHashes(html: string): string[] {
  return candidateHashes([...html.matchAll(SCRIPT_ELEMENT)]);
}

function candidateHashes(elements: readonly RegExpExecArray[]): string[] {
  return elements
    .filter((match) => !/\ssrc\s*=/i.test(match[1] ?? '') && !isDataBlock(match[1] ?? '', match[2] ?? ''))
    .map((match) => scriptHash(match[2] ?? ''));
}

/**
 * `_headers` for Netlify and Cloudflare Pages.
 *
 * @param basePath - `/` or `/news/`: the headers apply to every path below it
 * @param headers - from {@link securityHeaders}
 */
export function headersFile(basePath: string, headers: readonly [string, string][]): string {
  return `${basePath}*\n${headers.map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
}

/**
 * The same headers as nginx directives, for `include` in a `server` or `location` block.
 *
 * @param headers - from {@link securityHeaders}
 */
export function nginxHeaders(headers: readonly [string, string][]): string {
  return `${headers.map(([name, value]) => `add_header ${name} "${value}" always;`).join('\n')}\n`;
}
