/**
 * The line the loader logs after each pipeline run, and how to read it back: the benchmark
 * (bench/site-build.ts) takes the pipeline's time from a real build's log with
 * {@link readPipelineMs}, so the format has one owner.
 */

export interface PipelineCounts {
  published: number;
  duplicates: number;
  rejected: number;
  ignored: number;
  /** How long the run took. */
  ms: number;
}

/** "2066 published, 159 duplicates, 0 rejected, 0 ignored (pipeline 8085 ms)". */
export function pipelineSummary(counts: PipelineCounts): string {
  return `${counts.published} published, ${counts.duplicates} duplicates, ${counts.rejected} rejected, ${counts.ignored} ignored (pipeline ${counts.ms} ms)`;
}

const SUMMARY =
  /(?<published>\d+) published, (?<duplicates>\d+) duplicates, (?<rejected>\d+) rejected, (?<ignored>\d+) ignored \(pipeline (?<ms>\d+) ms\)/;

/** The counts of the first {@link pipelineSummary} line in a log; undefined when there is none. */
export function readPipelineSummary(log: string): PipelineCounts | undefined {
  const groups = SUMMARY.exec(log)?.groups;
  if (!groups) return undefined;
  return {
    published: Number(groups['published']),
    duplicates: Number(groups['duplicates']),
    rejected: Number(groups['rejected']),
    ignored: Number(groups['ignored']),
    ms: Number(groups['ms']),
  };
}
