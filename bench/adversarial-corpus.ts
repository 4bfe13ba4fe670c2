/**
 * `npx node bench/adversarial-corpus.ts`: times the corpus stage (duplicates + stories, then
 * topics) on hostile corpora from `tests/support/adversarial-corpus.ts` — thousands of files
 * sharing a boilerplate block, articles naming thousands of distinct people, giant capitalised
 * tokens — beside a normal synthetic corpus of 10,000 articles for comparison. The per-file
 * parse is timed apart (bench/adversarial.ts covers it). No timing is asserted; the target is a
 * corpus stage under 10 s for 10,000 boilerplate files, and the last line says whether it holds.
 *
 *   npx node bench/adversarial-corpus.ts
 */
import { organiseCorpus } from '../src/core/corpus/corpus.ts';
import { assignTopics } from '../src/core/corpus/topics.ts';
import { DEFAULT_MAX_FILE_BYTES, parseFiles } from '../src/core/pipeline.ts';
import type { InputFile } from '../src/core/read-file.ts';
import {
  boilerplateCorpus,
  encodeFiles,
  GIANT_TOKEN_UNITS,
  giantTokenArticle,
  manyNamesArticle,
  type CorpusFile,
} from '../tests/support/adversarial-corpus.ts';
import { syntheticCorpus } from './synthetic.ts';

const KB = 1024;
const MB = 1024 * KB;
/** The target for 10,000 boilerplate files. */
const MAX_BOILERPLATE_MS = 10_000;

interface CorpusTiming {
  corpus: string;
  files: number;
  'parse ms': number;
  'duplicates+stories ms': number;
  'topics ms': number;
  'corpus stage ms': number;
  published: number;
  duplicates: number;
  'largest story': number;
  outcome: string;
}

/** A few ordinary articles beside a hostile one, so stories and topics have something to compare. */
const ORDINARY = syntheticCorpus(20, 7);

// Each case names people of its own (another seed): the NLP library's classifications are cached
// per process, and a case must not ride on the previous one's.
const cases: { name: string; files: () => CorpusFile[] }[] = [
  { name: 'boilerplate 1,000', files: () => boilerplateCorpus(1000).files },
  { name: 'boilerplate 10,000', files: () => boilerplateCorpus(10_000).files },
  { name: 'many names 100 KB', files: () => withOrdinary(manyNamesArticle(100 * KB)) },
  { name: 'many names 1 MB', files: () => withOrdinary(manyNamesArticle(MB, 5)) },
  ...GIANT_TOKEN_UNITS.map((unit) => ({
    name: `giant token "${unit}" 1 MB`,
    files: () => withOrdinary(giantTokenArticle(MB, unit)),
  })),
  { name: 'synthetic 10,000 (normal)', files: () => syntheticCorpus(10_000) },
];

const timings = cases.map(({ name, files }) => timeCorpus(name, encodeFiles(files())));
console.log('Adversarial corpus stage (ms, one run)');
console.table(timings);
const boilerplate = timings.find((row) => row.corpus === 'boilerplate 10,000');
if (boilerplate)
  console.log(
    boilerplate['corpus stage ms'] <= MAX_BOILERPLATE_MS
      ? `10,000 boilerplate files: corpus stage ${boilerplate['corpus stage ms']} ms, within the ${MAX_BOILERPLATE_MS} ms target.`
      : `10,000 boilerplate files: corpus stage ${boilerplate['corpus stage ms']} ms, OVER the ${MAX_BOILERPLATE_MS} ms target.`,
  );

function withOrdinary(text: string): CorpusFile[] {
  return [{ path: 'hostile.txt', text }, ...ORDINARY];
}

/** Parses the files, then times the corpus stage as the pipeline runs it. */
function timeCorpus(name: string, files: InputFile[]): CorpusTiming {
  const started = performance.now();
  const { articles, inputs } = parseFiles(files, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
  const parsed = performance.now();
  const corpus = organiseCorpus(articles);
  const organised = performance.now();
  assignTopics(corpus.published);
  const done = performance.now();
  const largest = corpus.stories.reduce((most, story) => Math.max(most, story.articles.length), 0);
  return {
    corpus: name,
    files: files.length,
    'parse ms': Math.round(parsed - started),
    'duplicates+stories ms': Math.round(organised - parsed),
    'topics ms': Math.round(done - organised),
    'corpus stage ms': Math.round(done - parsed),
    published: corpus.published.length,
    duplicates: corpus.duplicates.length,
    'largest story': largest,
    outcome: inputs.length === 0 ? 'all parsed' : `${inputs.length} rejected`,
  };
}
