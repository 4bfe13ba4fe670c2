/**
 * Two builds of the same content — from folders at different paths, files written in opposite
 * orders — produce byte-identical sites: no timestamps, random ids or machine paths.
 */
import { describe, expect, inject, test } from 'vitest';
import { siteFingerprint as fingerprint } from '../../bench/site-fingerprint.ts';

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
