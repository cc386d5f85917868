import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // slow suites (e.g. the 1,048,577-row workbook) run when TDG_SLOW=1 — CI sets it
  },
});
