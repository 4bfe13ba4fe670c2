/**
 * Two builds of the same content — from folders at different paths, files written in opposite
 * orders — produce byte-identical sites: no timestamps, random ids or machine paths.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';

function fingerprint(site: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(site, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(site.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex')];
      })
      .sort(([a = ''], [b = '']) => (a < b ? -1 : 1)),
  );
}

describe('reproducible builds', () => {
  test('two builds of the same content are byte-identical', () => {
    const first = inject('siteDirs')['root'];
    const second = inject('siteDirs')['root-again'];
    if (!first || !second) throw new Error('the fixture sites were not built');
    const a = fingerprint(first);
    const b = fingerprint(second);
    expect(Object.keys(a).length).toBeGreaterThan(50);
    expect(b).toEqual(a);
  });
});
