/** Property-based tests of the whole library pipeline: any bytes in, a full account out. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../src/core/pipeline.ts';
import { ArticleSchema } from '../../src/core/model/schema.ts';

fc.configureGlobal({ seed: 20_261_122, numRuns: 200 });

const encoder = new TextEncoder();
const textLike = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.constantFrom(
        '---',
        'title: x',
        'date 2025-13-45 By X',
        'Published: July 11, 2025',
        'By Jane Doe | Wire',
        '',
      ),
    ),
    { maxLength: 20 },
  )
  .map((lines) => encoder.encode(lines.join('\n')));
const file = fc.record({ bytes: fc.oneof(textLike, fc.uint8Array({ maxLength: 200 })) });
const files = fc
  .uniqueArray(fc.stringMatching(/^[a-z]{1,6}\.txt$/), { maxLength: 8 })
  .chain((paths) =>
    fc.tuple(fc.constant(paths), fc.array(file, { minLength: paths.length, maxLength: paths.length })),
  );

describe('runPipeline (properties)', () => {
  test('never throws, accounts for every file once, and publishes only valid articles', () => {
    fc.assert(
      fc.property(files, ([paths, contents]) => {
        const inputs = paths.map((path, index) => ({
          path,
          bytes: contents[index]?.bytes ?? new Uint8Array(),
        }));
        const { articles, report } = runPipeline(inputs, [], { basePath: '/', maxFileBytes: 10_000 });
        expect(report.inputs.map((input) => input.file).sort()).toEqual([...paths].sort());
        for (const input of report.inputs) {
          if (input.outcome === 'rejected') expect(input.reason?.length ?? 0).toBeGreaterThan(10);
        }
        expect(articles).toHaveLength(report.inputs.filter((input) => input.outcome === 'published').length);
        for (const article of articles) expect(ArticleSchema.safeParse(article).success).toBe(true);
        expect(new Set(articles.map((article) => article.slug)).size).toBe(articles.length);
      }),
    );
  });
});
