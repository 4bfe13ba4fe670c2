/**
 * The peer in the benchmark: the same corpus as a minimal Hugo site (one Markdown page per
 * file, a home page listing them) plus the Pagefind CLI, as a static-site reference point.
 * Only runs when `hugo` is installed (Debian: `apt-get install hugo`).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeText } from '../src/core/ingest/decode.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../src/core/pipeline.ts';
import { readContentFiles } from '../src/astro/loaders/content-files.ts';
import { runWithPeakMemory } from './gnu-time.ts';

const run = promisify(execFile);
const PAGEFIND = join(import.meta.dirname, '../node_modules/.bin/pagefind');

export interface PeerBuild {
  label: string;
  hugoS: number;
  pagefindS: number;
  /** The Pagefind CLI's own peak: what indexing this corpus costs regardless of the site. */
  pagefindPeakRssMb: number | undefined;
  totalS: number;
}

/** Whether Hugo is installed. */
export function hugoAvailable(): boolean {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the Hugo site for `contentDir` into `workDir` (not timed), then times `hugo` and
 * `pagefind --site public`.
 */
export async function timeHugoBuild(label: string, contentDir: string, workDir: string): Promise<PeerBuild> {
  await rm(workDir, { recursive: true, force: true });
  await writeSite(contentDir, workDir);
  const started = performance.now();
  await run('hugo', ['--quiet', '--source', workDir, '--destination', 'public'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const built = performance.now();
  const { peakRssMb } = await runWithPeakMemory(PAGEFIND, ['--site', join(workDir, 'public')]);
  const done = performance.now();
  return {
    label,
    hugoS: (built - started) / 1000,
    pagefindS: (done - built) / 1000,
    pagefindPeakRssMb: peakRssMb,
    totalS: (done - started) / 1000,
  };
}

const SINGLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>`;
const LIST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>`;

async function writeSite(contentDir: string, workDir: string): Promise<void> {
  await mkdir(join(workDir, 'content/articles'), { recursive: true });
  await mkdir(join(workDir, 'layouts/_default'), { recursive: true });
  await writeFile(
    join(workDir, 'hugo.toml'),
    'baseURL = "http://localhost/"\ntitle = "Peer"\ndisableKinds = ["taxonomy", "term"]\n',
  );
  await writeFile(join(workDir, 'layouts/_default/single.html'), SINGLE);
  await writeFile(join(workDir, 'layouts/_default/list.html'), LIST);
  await writeFile(join(workDir, 'layouts/index.html'), LIST);
  const { files } = await readContentFiles(contentDir, DEFAULT_MAX_FILE_BYTES);
  let index = 0;
  for (const file of files) {
    // The first non-empty line is the headline; the rest is the body.
    const lines = decodeText(file.bytes).text.split('\n');
    const first = lines.findIndex((line) => line.trim());
    const title = lines[first]?.trim() ?? `Article ${index}`;
    const body = lines.slice(first + 1).join('\n');
    index += 1;
    await writeFile(
      join(workDir, 'content/articles', `a${index}.md`),
      `---\ntitle: ${JSON.stringify(title)}\n---\n${body}\n`,
    );
  }
}
