import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The real-browser suite in Firefox: Debian's firefox-esr (153 or later) with the built Firefox
// extension (.output/firefox-mv2) installed over WebDriver BiDi. Run `npm run build` first.
// One browser at a time: the machines have two cores.
export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  test: {
    include: ['tests/e2e/firefox/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'tests/results/firefox.json' },
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
