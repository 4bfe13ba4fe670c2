import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  candidateScriptHashes,
  contentSecurityPolicy,
  headersFile,
  inlineScriptHashes,
  nginxHeaders,
  securityHeaders,
  siteScriptHashes,
} from '../../src/lib/security-headers.ts';

const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('inlineScriptHashes', () => {
  test('hashes inline scripts a browser runs, exactly as written', () => {
    const html =
      '<html><head><script>\n  let a = 1;\n</script><script type="module">b()</script></head></html>';
    expect(inlineScriptHashes(html)).toEqual([sha('\n  let a = 1;\n'), sha('b()')]);
  });

  test('ignores scripts with src, JSON-LD, templates, and text that only looks like a script', () => {
    const html = [
      '<script src="/a.js"></script>',
      '<script type="application/ld+json">{"a":1}</script>',
      '<script type="text/pagefind-template"><li>{{ x }}</li></script>',
      '<meta name="description" content="<script>alert(1)</script>">',
      '<p>&lt;script&gt;alert(2)&lt;/script&gt;</p>',
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([]);
  });
});

describe('siteScriptHashes', () => {
  const theme = '<script>theme()</script>';

  test('collects the real inline scripts of all pages, and no look-alike', () => {
    const pages = [
      `<head>${theme}</head><p>a</p>`,
      `<head>${theme}</head><meta name="description" content="<script>alert(1)</script>">`,
      `<head>${theme}<script>other()</script></head>`,
    ];
    expect([...siteScriptHashes(pages)].sort()).toEqual([sha('other()'), sha('theme()')].sort());
  });

  test('scans a superset of the real scripts quickly', () => {
    const html = `<meta content="<script>x</script>">${theme}`;
    expect(candidateScriptHashes(html)).toEqual([sha('x'), sha('theme()')]);
    expect(inlineScriptHashes(html)).toEqual([sha('theme()')]);
  });

  test("leaves out data blocks only when the type is the tag's one attribute", () => {
    const html = [
      '<script type="application/ld+json">{"a":1}</script>',
      '<script type="text/pagefind-template"><li></li></script>',
      `<script data-x=' type="application/ld+json"'>run()</script>`,
      '<script type="application/ld+json" onload="x()">y()</script>',
    ].join('');
    expect(candidateScriptHashes(html)).toEqual([sha('run()'), sha('y()')]);
  });

  test('still finds a real script the scan matched together with a data-block tag', () => {
    const pages = [
      `<head>${theme}</head>`,
      `<head>${theme}</head><!-- <script type="application/ld+json"> --><script>x()</script>`,
    ];
    expect([...siteScriptHashes(pages)].sort()).toEqual([sha('theme()'), sha('x()')].sort());
  });
});

describe('contentSecurityPolicy', () => {
  test('allows own files, the given hashes and WebAssembly, and never unsafe-inline', () => {
    const csp = contentSecurityPolicy(['sha256-b', 'sha256-a', 'sha256-b']);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b';");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp.startsWith("default-src 'none';")).toBe(true);
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('header files', () => {
  const headers = securityHeaders("default-src 'none'");

  test('write a Netlify/Cloudflare _headers block for every path under the base path', () => {
    const text = headersFile('/news/', headers);
    expect(text.split('\n')[0]).toBe('/news/*');
    expect(text).toContain("  Content-Security-Policy: default-src 'none'\n");
    expect(text).toContain('  X-Content-Type-Options: nosniff\n');
  });

  test('write the same headers as nginx add_header directives', () => {
    const text = nginxHeaders(headers);
    expect(text).toContain(`add_header Content-Security-Policy "default-src 'none'" always;`);
    expect(text.trim().split('\n')).toHaveLength(headers.length);
  });
});
