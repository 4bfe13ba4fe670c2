/**
 * The security headers every page is served with, written by the build for the hosts that
 * read header files (`_headers`: Netlify, Cloudflare Pages) and as an nginx include
 * (`security-headers.conf`). One policy, generated from the built pages, so the hashes of
 * inline scripts can never go stale.
 */
import { createHash } from 'node:crypto';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/**
 * Content-Security-Policy: everything from the site's own origin only; scripts only from files
 * or with a known hash (never `'unsafe-inline'`); WebAssembly compilation and blob: workers,
 * which Pagefind's search engine needs; no framing, plugins or foreign form targets.
 *
 * @param scriptHashes - `sha256-…` sources of the inline scripts the pages contain
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
 * The `sha256-…` CSP sources of the inline scripts a browser would run in a page (JSON-LD
 * and Pagefind templates are data, not scripts, and need none).
 *
 * @param html - a built page
 */
export function inlineScriptHashes(html: string): string[] {
  // A real HTML parser: text that merely looks like `<script>` (in an attribute value, say)
  // must not earn a hash, or escaped article text could whitelist itself.
  const hashes: string[] = [];
  visit(fromHtml(html), (element) => {
    if (element.tagName !== 'script' || element.properties['src'] !== undefined) return;
    const type = String(element.properties['type'] ?? '').toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript') return;
    const text = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    hashes.push(`sha256-${createHash('sha256').update(text).digest('base64')}`);
  });
  return hashes;
}

function visit(node: Nodes, onElement: (element: Element) => void): void {
  if (node.type === 'element') onElement(node);
  if ('children' in node) for (const child of node.children) visit(child, onElement);
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
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter((match) => !/\ssrc\s*=/i.test(match[1] ?? '') && !isDataBlock(match[1] ?? '', match[2] ?? ''))
    .map(
      (match) =>
        `sha256-${createHash('sha256')
          .update(match[2] ?? '')
          .digest('base64')}`,
    );
}

/**
 * The inline script hashes of a whole site, parsing only the pages that may hold a script not
 * seen before (in practice the first page and pages whose text looks like markup).
 *
 * @param pages - the built pages' HTML
 */
export function siteScriptHashes(pages: Iterable<string>): Set<string> {
  const known = new Set<string>();
  for (const html of pages) {
    if (candidateScriptHashes(html).every((hash) => known.has(hash))) continue;
    for (const hash of inlineScriptHashes(html)) known.add(hash);
  }
  return known;
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
