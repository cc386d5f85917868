// End-to-end tests: the built app against a real API on PGlite, in Chromium. Run after a build:
//   pnpm --filter @tdg/web build && pnpm --filter @tdg/web test:e2e
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
