/**
 * Builds the fixture sites once per test run, for the build and end-to-end suites: the
 * founding articles plus hand-made odd and hostile files, at the root and under /news/.
 * Unit-only runs (`vitest run tests/unit`) skip the builds.
 */
import type { TestProject } from 'vitest/node';
import { buildFixtureSite, FIXTURE_SITES } from './fixture-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDirs: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const filters = project.vitest.config.include.length > 0 ? process.argv.slice(2) : [];
  const unitOnly = filters.some((arg) => arg.includes('tests/unit')) && !filters.some((arg) => /tests\/(build|e2e)|^tests\/?$/.test(arg));
  const siteDirs: Record<string, string> = {};
  if (!unitOnly) {
    for (const site of FIXTURE_SITES) siteDirs[site.name] = await buildFixtureSite(site);
  }
  project.provide('siteDirs', siteDirs);
}
