/**
 * Astro alone, as a floor: a bare Astro project — this project's Astro, with the site's build
 * options (directory format, 8 pages rendered at once, the incremental build) but no content
 * layer, no integration and no search — that renders as many trivial pages as the site has,
 * each about the size of an article page. It is what any Astro site with that many pages costs
 * on this machine before it does anything of its own, to set beside the Hugo peer.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';

const run = promisify(execFile);
const PROJECT_ROOT = join(import.meta.dirname, '..');

export interface FloorBuild {
  label: string;
  pages: number;
  wallS: number;
}

const CONFIG = `import { defineConfig } from 'astro/config';
export default defineConfig({
  cacheDir: './cache',
  build: { format: 'directory', concurrency: 8 },
  devToolbar: { enabled: false },
  experimental: { incrementalBuild: true },
});
`;

// About 30 KB of HTML, as an article page of the synthetic corpora.
const PAGE = `---
export function getStaticPaths() {
  const pages = Number(process.env.FLOOR_PAGES);
  const paragraph = '<p>' + 'A sentence of an article about the council and the harbour bridge. '.repeat(8) + '</p>';
  return Array.from({ length: pages }, (_, i) => ({
    params: { slug: 'page-' + i },
    props: { title: 'Page ' + i, body: paragraph.repeat(50) },
  }));
}
const { title, body } = Astro.props;
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>{title}</title></head>
  <body>
    <header><nav><a href="/">Home</a> <a href="/topics/">Topics</a></nav></header>
    <main><h1>{title}</h1><Fragment set:html={body} /></main>
    <footer>Footer</footer>
  </body>
</html>
`;

/**
 * Writes the bare project into `workDir` (not timed) and times one clean `astro build` of
 * `pages` pages.
 */
export async function timeAstroFloor(label: string, pages: number, workDir: string): Promise<FloorBuild> {
  await rm(workDir, { recursive: true, force: true });
  await mkdir(join(workDir, 'src/pages/p'), { recursive: true });
  await writeFile(
    join(workDir, 'package.json'),
    '{ "name": "astro-floor", "private": true, "type": "module" }\n',
  );
  await writeFile(join(workDir, 'astro.config.mjs'), CONFIG);
  await writeFile(join(workDir, 'src/pages/p/[slug].astro'), PAGE);
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(workDir, 'node_modules'), 'dir');
  const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  const started = performance.now();
  const { stdout, stderr } = await run(process.execPath, [astro, 'build'], {
    cwd: workDir,
    env: { ...process.env, FLOOR_PAGES: String(pages), ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallS = (performance.now() - started) / 1000;
  const built = /(\d+) page\(s\) built/.exec(stripVTControlCharacters(stdout + stderr))?.[1];
  if (Number(built) !== pages) throw new Error(`the Astro floor built ${built} pages, not ${pages}`);
  return { label, pages, wallS };
}
