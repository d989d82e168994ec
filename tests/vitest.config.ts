import { fileURLToPath } from 'node:url';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Pure logic runs in node; DOM walking and UI components in happy-dom. The real-browser suite
// has its own config (tests/e2e/vitest.config.ts) because it needs the built extension.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [WxtVitest()],
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'tests/results/unit.json' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'dom', include: ['tests/dom/**/*.test.{ts,tsx}'], environment: 'happy-dom' } },
    ],
  },
});
