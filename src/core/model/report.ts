/** The build report: the fate of every file in the content folder (`build-report.json`). */
import { escapeForLog } from '../text/log-text.ts';

export type Outcome = 'published' | 'duplicate' | 'rejected' | 'ignored';

export interface ReportInput {
  /** Path relative to the content folder, `/` separators. */
  file: string;
  outcome: Outcome;
  /** Site-relative URL of the published page (with the base path). */
  url?: string;
  /** For duplicates: the URL of the canonical article. */
  duplicateOf?: string;
  /** For duplicates: the URL this file would have had, which now redirects to `duplicateOf`. */
  redirectFrom?: string;
  /** For rejected and ignored files: a sentence a person can act on. */
  reason?: string;
  warnings: string[];
  title?: string;
  date?: string;
  byline?: string;
  /** Number of body paragraphs published. */
  paragraphs?: number;
  /** Id of the story the article belongs to. */
  story?: string;
}

export interface ReportStory {
  id: string;
  articles: string[];
}

export interface BuildReport {
  inputs: ReportInput[];
  stories: ReportStory[];
}

/**
 * Puts a report in its canonical order (inputs by file path, stories by id) so two builds of
 * the same content produce the same bytes.
 *
 * @param report - the report to order
 */
export function orderReport(report: BuildReport): BuildReport {
  const byKey =
    <T>(key: (item: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    inputs: [...report.inputs].sort(byKey((input) => input.file)),
    stories: [...report.stories].sort(byKey((story) => story.id)),
  };
}

/**
 * The report as written to `build-report.json`: stable order, two-space indent, final newline.
 *
 * @param report - the report to serialise
 */
export function serializeReport(report: BuildReport): string {
  return `${JSON.stringify(orderReport(report), null, 2).replace(INVISIBLE_IN_JSON, escapeAsJson)}\n`;
}

/**
 * Characters JSON may carry raw but a person reading the published report should see spelled
 * out: DEL and C1 controls, line separators, bidi controls and noncharacters (from file names).
 * JSON.stringify already escapes C0 controls and lone surrogates; `\uXXXX` parses back the same.
 */
const INVISIBLE_IN_JSON =
  /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\p{Noncharacter_Code_Point}]/gu;

function escapeAsJson(character: string): string {
  let escaped = '';
  for (let index = 0; index < character.length; index += 1)
    escaped += `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`;
  return escaped;
}

/**
 * With STRICT=1 any rejected file fails the build, and so does a corpus stage that failed (the
 * site would be built without its stories or topics). Returns the message listing every
 * rejected file with its reason and every such stage failure, or undefined when there is none.
 *
 * @param report - the build report
 * @param stageWarnings - the pipeline's warnings about corpus stages that failed
 */
export function strictModeFailure(
  report: BuildReport,
  stageWarnings: readonly string[] = [],
): string | undefined {
  const rejected = report.inputs.filter((input) => input.outcome === 'rejected');
  if (rejected.length === 0 && stageWarnings.length === 0) return undefined;
  // Printed to the terminal: names and reasons come from the content folder.
  const lines = [
    ...rejected.map((input) => `  - ${escapeForLog(`${input.file}: ${input.reason ?? 'rejected'}`)}`),
    ...stageWarnings.map((warning) => `  - ${escapeForLog(warning)}`),
  ];
  const count = rejected.length === 1 ? '1 file was' : `${rejected.length} files were`;
  const what =
    stageWarnings.length === 0
      ? `${count} rejected`
      : rejected.length === 0
        ? 'a corpus stage failed'
        : `${count} rejected and a corpus stage failed`;
  return `STRICT=1: ${what}; fix or remove them, or build without STRICT:\n${lines.join('\n')}`;
}
