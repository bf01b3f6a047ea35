import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{apps,packages}/*/src/**/*.test.ts', 'tests/**/*.test.ts', 'mappings/**/*.test.ts'],
    // Database tests open PGlite in-process and browser tests drive Chromium on 2 shared cores: give a
    // loaded CI machine room without hiding hangs.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // expect.poll waits for what a user waits for (a reload, a save); 1 s (the default) is a race on CI.
    expect: { poll: { timeout: 30_000 } },
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
