/**
 * `npm run bench`: for synthetic corpora of 1,000 and 10,000 articles (BENCH_SIZES) and for
 * CONTENT_DIR when set, times the library stages in-process and a full clean `astro build`
 * per stage, with memory, sizes, page weight and first-search transfer; for the synthetic
 * corpora also a rebuild after one article changed; and, when `hugo` is installed, the same
 * corpus as a minimal Hugo site plus the Pagefind CLI; and a bare Astro project rendering as many
 * trivial pages as the site has (bench/astro-floor.ts). Prints a table for each, writes the
 * results as JSON to bench/results/ and prints the change against the previous run. No
 * timing is asserted.
 *
 *   npm run bench
 *   CONTENT_DIR=../shared/corpora/bbc npm run bench
 *   BENCH_SIZES=1000,10000,100000 BENCH_BUILD_MAX=100000 npm run bench
 *   (a full build of every size up to BENCH_BUILD_MAX; a rebuild up to BENCH_REBUILD_MAX, 10,000)
 *   BENCH_RUNS=3 npm run bench   (median of three runs of every full build)
 *   BENCH_VERIFY_REBUILD=0 npm run bench   (rebuilds not compared with a clean build)
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../src/core/pipeline.ts';
import { readContentFiles } from '../src/astro/loaders/content-files.ts';
import { timeAstroFloor, type FloorBuild } from './astro-floor.ts';
import { timeStages, type StageTiming } from './corpus-stage.ts';
import { hugoAvailable, timeHugoBuild, type PeerBuild } from './hugo.ts';
import { differingFiles, siteFingerprint } from './site-fingerprint.ts';
import { timeSiteBuild, type SiteBuild } from './site-build.ts';
import { syntheticCorpus } from './synthetic.ts';

const RESULTS = join(import.meta.dirname, 'results');
/** Marks a synthetic corpus whose first article is being edited by the rebuild benchmark. */
const EDITED_MARK = '.edited';
const sizes = (process.env['BENCH_SIZES'] ?? '1000,10000')
  .split(',')
  .map(Number)
  .filter((size) => size > 0);
// Full builds above this size take long; the library stages still run.
const buildMax = Number(process.env['BENCH_BUILD_MAX'] ?? 10000);
const rebuildMax = Number(process.env['BENCH_REBUILD_MAX'] ?? 10000);
// Each rebuild is compared, file by file, with a clean build of the same content (one more
// clean build per corpus); BENCH_VERIFY_REBUILD=0 skips that.
const verifyRebuilds = process.env['BENCH_VERIFY_REBUILD'] !== '0';
// Build times on a shared virtual machine vary by ±20 % from run to run: with BENCH_RUNS=3,
// every full build (ours and the peer's) runs three times and the median run is reported.
const runs = Number(process.env['BENCH_RUNS'] ?? 1);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`BENCH_RUNS must be a whole number ≥ 1, not "${process.env['BENCH_RUNS']}"`);

const corpora: { label: string; dir: string; size: number }[] = [];
for (const size of sizes)
  corpora.push({ label: `synthetic ${size}`, dir: await syntheticFolder(size), size });
const contentDir = process.env['CONTENT_DIR'];
if (contentDir) corpora.push({ label: basename(resolve(contentDir)), dir: resolve(contentDir), size: 0 });

const stages: StageTiming[] = [];
const builds: SiteBuild[] = [];
const rebuilds: (SiteBuild & { differingFiles?: number })[] = [];
const peers: PeerBuild[] = [];
const floors: FloorBuild[] = [];
const withHugo = hugoAvailable();
for (const corpus of corpora) {
  const { files } = await readContentFiles(corpus.dir, DEFAULT_MAX_FILE_BYTES);
  stages.push(timeStages(corpus.label, files));
  if (corpus.size <= buildMax) {
    const slug = corpus.label.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    const outDir = join(RESULTS, 'sites', slug);
    const build = await medianRun(
      () => timeSiteBuild(corpus.label, corpus.dir, outDir),
      (run) => run.wallS,
    );
    builds.push(build);
    if (build.pages !== undefined) {
      const pages = build.pages;
      floors.push(
        await medianRun(
          () => timeAstroFloor(corpus.label, pages, join(RESULTS, 'astro-floor', slug)),
          (floor) => floor.wallS,
        ),
      );
    }
    // Only in our own synthetic corpora: a folder given to the benchmark is never written to.
    const firstArticle = files[0]?.path;
    if (corpus.size > 0 && corpus.size <= rebuildMax && firstArticle)
      rebuilds.push(await timeRebuildAfterOneChange(corpus.label, corpus.dir, firstArticle, outDir));
    if (withHugo)
      peers.push(
        await medianRun(
          () => timeHugoBuild(corpus.label, corpus.dir, join(RESULTS, 'hugo', slug)),
          (peer) => peer.totalS,
        ),
      );
  }
}

const round = (value: number | undefined, digits = 1) =>
  value === undefined ? '–' : Number(value.toFixed(digits));
console.log('\nLibrary stages (in-process, ms)');
console.table(
  stages.map((row) => ({
    corpus: row.corpus,
    articles: row.articles,
    'decode+parse': row.parseMs,
    'duplicates+stories': row.corpusMs,
    'of which stories': row.storiesMs,
    topics: row.topicsMs,
    'articles/s': Math.round(row.articles / ((row.parseMs + row.corpusMs + row.topicsMs) / 1000)),
    duplicates: row.duplicates,
    'multi-report stories': row.multiStories,
    'largest story': row.largestStory,
    'peak RSS MB': row.peakRssMb,
  })),
);
/** Build time per stage, for the clean-build and rebuild tables. */
const stageColumns = (row: SiteBuild) => ({
  'pipeline s': round(row.pipelineS),
  'content s': round(row.contentS),
  'render s': round(row.renderS),
  // Pagefind indexes while pages render and writes the index once the last article page is
  // rendered: this is how long the build still waits for it after the last page.
  'index after pages s': round(row.pagefindS),
});
printTable(
  'Full clean build (astro build, s)',
  builds.map((row) => ({
    corpus: row.label,
    published: row.articles,
    pages: row.pages ?? '–',
    'wall s': round(row.wallS),
    'articles/s': Math.round(row.articles / row.wallS),
    'pages/s': row.pages ? Math.round(row.pages / row.wallS) : '–',
    ...stageColumns(row),
    'peak RSS MB': round(row.peakRssMb, 0),
    'output MB': round(row.outputMb),
    files: row.files,
    'index MB': round(row.indexMb),
    'article KB gz': round(row.articleKb),
    'first search KB': round(row.firstSearchKb),
  })),
);
printTable(
  'Rebuild after one article changed (cache and output of the clean build kept, s)',
  rebuilds.map((row) => {
    const clean = builds.find((build) => build.label === row.label);
    return {
      corpus: row.label,
      'clean s': round(clean?.wallS),
      'rebuild s': round(row.wallS),
      'rebuild ÷ clean': clean ? `${Math.round((row.wallS / clean.wallS) * 100)} %` : '–',
      ...stageColumns(row),
      'same bytes as clean':
        row.differingFiles === undefined
          ? '–'
          : row.differingFiles === 0
            ? 'yes'
            : `no (${row.differingFiles} files differ)`,
    };
  }),
);
if (withHugo) {
  printTable(
    'Peer: minimal Hugo site + Pagefind CLI on the same corpus (s)',
    peers.map((peer) => {
      const ours = builds.find((row) => row.label === peer.label);
      return {
        corpus: peer.label,
        hugo: round(peer.hugoS),
        pagefind: round(peer.pagefindS),
        'pagefind peak RSS MB': round(peer.pagefindPeakRssMb, 0),
        'hugo + pagefind': round(peer.totalS),
        dispatch: round(ours?.wallS),
        'dispatch ÷ peer': ours ? round(ours.wallS / peer.totalS, 2) : '–',
      };
    }),
  );
} else {
  console.log('Hugo is not installed (apt-get install hugo): no peer comparison.');
}
printTable(
  'Astro alone: a bare Astro project rendering as many trivial pages as the site has (s)',
  floors.map((floor) => {
    const ours = builds.find((row) => row.label === floor.label);
    const peer = peers.find((row) => row.label === floor.label);
    return {
      corpus: floor.label,
      pages: floor.pages,
      'astro alone': round(floor.wallS),
      dispatch: round(ours?.wallS),
      'astro alone ÷ peer': peer ? round(floor.wallS / peer.totalS, 2) : '–',
      'dispatch ÷ astro alone': ours ? round(ours.wallS / floor.wallS, 2) : '–',
    };
  }),
);
const small = builds.find((row) => row.label === 'synthetic 1000');
const large = builds.find((row) => row.label === 'synthetic 10000');
if (small && large) console.log(`10,000 ÷ 1,000 build time: ${(large.wallS / small.wallS).toFixed(1)}`);

const result = { date: new Date().toISOString(), stages, builds, rebuilds, peers, floors };
await mkdir(RESULTS, { recursive: true });
const latest = join(RESULTS, 'latest.json');
if (existsSync(latest)) printChange(JSON.parse(await readFile(latest, 'utf8')) as typeof result);
await writeFile(latest, `${JSON.stringify(result, null, 2)}\n`);
await writeFile(
  join(RESULTS, `${result.date.replace(/[:.]/g, '-')}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log(`Results written to ${latest}`);

function printChange(previous: { date: string; builds: SiteBuild[] }): void {
  const rows = builds.flatMap((row) => {
    const before = previous.builds.find((old) => old.label === row.label);
    if (!before) return [];
    const change = ((row.wallS - before.wallS) / before.wallS) * 100;
    return [
      {
        corpus: row.label,
        'before s': round(before.wallS),
        'now s': round(row.wallS),
        change: `${change >= 0 ? '+' : ''}${change.toFixed(0)} %`,
      },
    ];
  });
  if (rows.length > 0) {
    console.log(`Change against the previous run (${previous.date})`);
    console.table(rows);
  }
}

/** A titled table, or nothing when there are no rows (a run without full builds). */
function printTable(title: string, rows: object[]): void {
  if (rows.length === 0) return;
  console.log(title);
  console.table(rows);
}

/** Runs a timed build `runs` times and returns the run with the median time. */
async function medianRun<Run>(timed: () => Promise<Run>, seconds: (run: Run) => number): Promise<Run> {
  const results: Run[] = [];
  for (let run = 0; run < runs; run += 1) results.push(await timed());
  results.sort((a, b) => seconds(a) - seconds(b));
  const median = results[Math.floor(results.length / 2)];
  if (!median) throw new Error('no benchmark run');
  return median;
}

/**
 * Appends a sentence to the article at `article` (relative to `dir`), rebuilds on top of the
 * clean build, and restores the file (the synthetic corpus is reused by later runs).
 */
async function timeRebuildAfterOneChange(
  label: string,
  dir: string,
  article: string,
  outDir: string,
): Promise<SiteBuild & { differingFiles?: number }> {
  const path = join(dir, article);
  const original = await readFile(path);
  // Removed with the edit; found by `syntheticFolder` if this run was stopped in between.
  await writeFile(join(dir, EDITED_MARK), '');
  await writeFile(path, `${original.toString('utf8')}\n\nA sentence added for the rebuild benchmark.\n`);
  try {
    const rebuilt = await timeSiteBuild(label, dir, outDir, { rebuild: true });
    if (!verifyRebuilds) return rebuilt;
    // The same content built clean, elsewhere: the rebuild must have written the same bytes.
    const cleanDir = `${outDir}-clean`;
    await timeSiteBuild(label, dir, cleanDir);
    const differing = differingFiles(siteFingerprint(outDir), siteFingerprint(cleanDir));
    await rm(cleanDir, { recursive: true, force: true });
    return { ...rebuilt, differingFiles: differing.length };
  } finally {
    await writeFile(path, original);
    await rm(join(dir, EDITED_MARK));
  }
}

/** Writes (once) a synthetic corpus of `size` articles under bench/results/corpora/. */
async function syntheticFolder(size: number): Promise<string> {
  const dir = join(RESULTS, 'corpora', `synthetic-${size}`);
  if (existsSync(join(dir, '.complete')) && !existsSync(join(dir, EDITED_MARK))) return dir;
  await rm(dir, { recursive: true, force: true });
  for (const file of syntheticCorpus(size)) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.text);
  }
  await writeFile(join(dir, '.complete'), '');
  return dir;
}
