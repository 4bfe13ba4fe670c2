/** Every built page of the fixture sites is valid HTML by html-validate's standard rules, in French too. */
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';
import { builtPageFiles } from '../support/html.ts';

// Uses the project's .htmlvalidate.json (html-validate:standard).
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe.each(['root', 'news', 'fr'])('html-validate on the %s fixture site', (name) => {
  test('reports zero errors on every page', async () => {
    const site = inject('siteDirs')[name];
    if (!site) throw new Error(`the ${name} fixture site was not built`);
    const pages = builtPageFiles(site);
    expect(pages.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(site, page));
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
