import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  candidateScriptHashes,
  contentSecurityPolicy,
  findForeignScripts,
  foreignScriptsMessage,
  headersFile,
  inlineScriptHashes,
  nginxHeaders,
  ownScriptHashes,
  securityHeaders,
} from '../../src/site/security-policy.ts';

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

describe('candidateScriptHashes', () => {
  const theme = '<script>theme()</script>';

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
});

describe('ownScriptHashes', () => {
  test('hashes the project’s own script text, once each, whatever the pages hold', () => {
    expect(ownScriptHashes(['theme()', 'theme()'])).toEqual([sha('theme()')]);
  });
});

describe('findForeignScripts (issue 13, finding 8)', () => {
  const own = ownScriptHashes(['theme()']);
  const page = (body: string) =>
    `<!doctype html><html><head><script>theme()</script>` +
    `<script type="application/ld+json">{"headline":"\\u003cscript>"}</script></head><body>${body}</body></html>`;
  const check = (body: string) =>
    findForeignScripts([{ page: 'articles/x/index.html', html: page(body) }], own);

  test('passes pages holding only our own script, data blocks and look-alikes in text and attributes', () => {
    const pages = [
      page('<p>Nothing to see</p>'),
      page('<p>&lt;script&gt;alert(1)&lt;/script&gt; and onclick=alert(1), javascript:alert(1)</p>'),
      page(
        '<meta name="description" content="<script>alert(1)</script>"><a href="/x/">JavaScript: a guide</a>',
      ),
      page('<meta property="og:title" content="javascript: the good parts">'),
      page('<script type="text/pagefind-template"><a href="{{ url }}">{{ title }}</a></script>'),
      page('<script type="module" src="/_astro/search.js"></script>'),
    ].map((html, index) => ({ page: `p${index}.html`, html }));
    expect(findForeignScripts(pages, own)).toEqual([]);
  });

  test('fails a page with an inline script the project did not write, naming the page', () => {
    expect(check('<p>Story</p><script>alert(document.cookie)</script>')).toEqual([
      {
        page: 'articles/x/index.html',
        problems: [`inline script ${sha('alert(document.cookie)')} that the project did not write`],
      },
    ]);
  });

  test('counts a script of any type except our data blocks, in SVG and in templates too', () => {
    for (const body of [
      '<script type="text/javascript">a()</script>',
      '<script type="MODULE">a()</script>',
      '<script type="text/x-unknown">a()</script>',
      '<svg><script>a()</script></svg>',
      '<template><script>a()</script></template>',
      // A data block cut short by text that ends it: what follows is a real script.
      '<script type="application/ld+json">{"a":"</script><script>a()</script>',
    ])
      expect(
        check(body).map(({ page: name }) => name),
        body,
      ).toEqual(['articles/x/index.html']);
  });

  test('fails a script closed by an end tag the fast scan does not expect, or never closed', () => {
    for (const body of [
      '<p>x</p><script>alert(1)</script/>',
      '<p>x</p><script>alert(1)</script x>',
      '<p>x</p><script>alert(1)</SCRIPT\t>',
      '<p>x</p><script>alert(1)',
    ]) {
      const [found] = check(body);
      expect(found?.problems.join(), body).toMatch(/inline script sha256-/);
    }
  });

  test('fails a frame with a srcdoc document and SVG animation that sets a javascript: link', () => {
    expect(check('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>')[0]?.problems).toEqual([
      'srcdoc document in <iframe>',
    ]);
    const [animated] = check(
      '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
    );
    expect(animated?.problems.join()).toMatch(/javascript: URL in to of <set>/);
  });

  test('fails a page with an event-handler attribute, however it is written', () => {
    for (const body of [
      '<img src="x" onerror="alert(1)">',
      '<a href="/" ONCLICK=alert(1)>x</a>',
      '<a/onmouseover=alert(1)>x</a>',
      '<p title="x"onclick="alert(1)">x</p>',
      '<svg onload="alert(1)"></svg>',
    ]) {
      const [found] = check(body);
      expect(found?.problems.join(), body).toMatch(/event handler attribute on/);
    }
  });

  test('fails a page with a javascript: URL, also when spelled with references or spaces', () => {
    for (const body of [
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" JavaScript:alert(1)">x</a>',
      '<a href="java\tscript:alert(1)">x</a>',
      '<a href="&#106;avascript&colon;alert(1)">x</a>',
      '<a href="jav&Tab;ascript:alert(1)">x</a>',
      '<a href="javascrip&#116;:alert(1)">x</a>',
      '<a href="javascript&#x3A;alert(1)">x &#x26; y</a>',
      '<form action="vbscript:x"><button>x</button></form>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">',
    ]) {
      const [found] = check(body);
      expect(found?.problems.join(), body).toMatch(/javascript: URL/);
    }
  });

  test('names every page in the error that stops the build', () => {
    const pages = ['a', 'b'].map((name) => ({
      page: `articles/${name}/index.html`,
      html: page('<script>x()</script>'),
    }));
    const message = foreignScriptsMessage(findForeignScripts(pages, own));
    expect(message).toMatch(/^2 built pages hold script the project did not write/);
    expect(message).toContain('articles/a/index.html: inline script');
    expect(message).toContain('articles/b/index.html: inline script');
  });

  test('checks 2,000 clean pages without parsing them, in well under 10 s', () => {
    const pages = Array.from({ length: 2000 }, (_, index) => ({
      page: `p${index}`,
      html: page(`<p>${'Words of a long article. '.repeat(400)}</p>`),
    }));
    const started = performance.now();
    expect(findForeignScripts(pages, own)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(10_000);
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
