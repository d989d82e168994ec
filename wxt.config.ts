import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { glossaryPlugin } from './src/glossary/vite-plugin';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), glossaryPlugin()],
    // Vite's module-preload polyfill calls fetch(); extension pages load their modules without it,
    // and the bundle must contain no network API at all (checked in tests/e2e/manifest.test.ts).
    // es2022: every browser we support (Chrome 105, Firefox 140) runs it as written. The default,
    // older target rewrote each `/\p{Lu}/u` literal into a `new RegExp(…)` built on every call, in
    // the content script's hottest loops (measured with a CPU profile of a 1 MB page).
    build: { modulePreload: { polyfill: false }, target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'MedGloss',
    description: 'Underlines medical terms on any page and explains them in plain language. Nothing leaves your device.',
    // storage: the reader's settings. Site access comes from the content script's match patterns.
    permissions: ['storage'],
    action: { default_title: 'MedGloss' },
    commands: {
      'next-term': { suggested_key: { default: 'Alt+Shift+Period' }, description: 'Go to the next underlined term and explain it' },
      'previous-term': { suggested_key: { default: 'Alt+Shift+Comma' }, description: 'Go to the previous underlined term and explain it' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'medgloss@medgloss.example',
              // 140: the CSS Custom Highlight API. Underlines need 153; older versions tint instead.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // 105: the CSS Custom Highlight API and StaticRange in highlights.
          minimum_chrome_version: '105',
        }),
  }),
});
