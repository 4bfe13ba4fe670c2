import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the fixture sites once for the build and end-to-end suites.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    reporters: process.env['CI']
      ? ['default', ['json', { outputFile: 'tests/.output/vitest-report.json' }]]
      : ['default'],
  },
});
