import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The real-browser suite: Debian's Chromium with the built extension loaded (run `npm run build`
// first; `npm test` does). One browser at a time: the machines have two cores.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    // Firefox has its own config (tests/e2e/firefox/vitest.config.ts): a different driver.
    exclude: ['tests/e2e/firefox/**'],
    reporters: ['default', 'json'],
    outputFile: { json: 'tests/results/e2e.json' },
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
