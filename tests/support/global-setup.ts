/**
 * Builds the fixture sites once per test run, for the build and end-to-end suites: the
 * founding articles plus hand-made odd and hostile files, at the root and under /news/.
 * A run filtered to other folders (`vitest run tests/core`) skips the builds.
 */
import type { TestProject } from 'vitest/node';
import { buildFixtureSite, FIXTURE_SITES } from './fixture-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDirs: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const siteDirs: Record<string, string> = {};
  if (needsSites(process.argv.slice(2))) {
    for (const site of FIXTURE_SITES) siteDirs[site.name] = await buildFixtureSite(site);
  }
  project.provide('siteDirs', siteDirs);
}

/** Builds are needed unless every file filter on the command line points elsewhere. */
function needsSites(args: string[]): boolean {
  const filters = args.filter((arg) => !arg.startsWith('-') && !['run', 'watch', 'dev'].includes(arg));
  if (filters.length === 0) return true;
  return filters.some((filter) => /build|e2e|site|search/.test(filter) || /^(\.\/)?tests\/?$/.test(filter));
}
