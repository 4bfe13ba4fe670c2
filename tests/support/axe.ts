/**
 * axe-core (WCAG 2.2 A/AA and best practice) on a page in Chromium, as tests/e2e/reading.test.ts
 * runs it: its violations, and its incomplete results except the kinds axe can never decide on
 * these pages.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe's "incomplete" results it can never decide on these pages, by rule and by axe's reason
 * (the check's `messageKey`). Any other incomplete result fails a test like a violation: a
 * check axe could not finish is not a check that passed.
 */
const UNDECIDABLE: Record<string, readonly string[]> = {
  // The theme toggle's "◐" (U+25D0, inside aria-hidden="true") is a symbol glyph: axe does not
  // measure the contrast of icon and symbol characters ("nonBmp"), whose ink it cannot judge as
  // text. The glyph is decoration; the button's text label next to it is measured.
  'color-contrast': ['nonBmp'],
};

export interface AxeFinding {
  rule: string;
  target: string;
  /** axe's reasons for an incomplete result: each unfinished check's messageKey, else its id. */
  reasons: string[];
}

/**
 * Runs axe on the page: its violations ("rule: target"), the incomplete results it could have
 * decided, and those it never can (listed in UNDECIDABLE, for a test to report).
 *
 * @param page - a loaded page
 */
export async function axeProblems(
  page: Page,
): Promise<{ violations: string[]; incomplete: AxeFinding[]; undecidable: AxeFinding[] }> {
  await page.addScriptTag({ content: axeSource });
  const { violations, incomplete } = await page.evaluate(async (tags) => {
    interface AxeCheck {
      id: string;
      data?: { messageKey?: string } | null;
    }
    interface AxeResult {
      id: string;
      nodes: { target: string[]; any: AxeCheck[]; all: AxeCheck[]; none: AxeCheck[] }[];
    }
    interface AxeResults {
      violations: AxeResult[];
      incomplete: AxeResult[];
    }
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      violations: results.violations.flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
      ),
      incomplete: results.incomplete.flatMap((result) =>
        result.nodes.map((node) => ({
          rule: result.id,
          target: node.target.join(' '),
          reasons: [...node.any, ...node.all, ...node.none].map(
            (check) => check.data?.messageKey ?? check.id,
          ),
        })),
      ),
    };
  }, WCAG_TAGS);
  return {
    violations,
    incomplete: incomplete.filter((finding) => !isUndecidable(finding)),
    undecidable: incomplete.filter(isUndecidable),
  };
}

function isUndecidable(finding: AxeFinding): boolean {
  const reasons = UNDECIDABLE[finding.rule];
  return (
    reasons !== undefined && finding.reasons.length > 0 && finding.reasons.every((r) => reasons.includes(r))
  );
}
