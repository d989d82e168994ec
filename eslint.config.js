import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Page and glossary text must never become markup or code: these bans keep every way of doing
 * that out of the extension's source (tests may build fixture pages from literal markup).
 */
const NO_MARKUP_FROM_STRINGS = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-properties': [
    'error',
    { property: 'innerHTML', message: 'Build DOM nodes or Preact elements; never markup from strings.' },
    { property: 'outerHTML', message: 'Build DOM nodes or Preact elements; never markup from strings.' },
    { property: 'insertAdjacentHTML', message: 'Build DOM nodes or Preact elements; never markup from strings.' },
    { object: 'document', property: 'write', message: 'document.write replaces the page.' },
    { object: 'document', property: 'writeln', message: 'document.write replaces the page.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text as text.' },
    { selector: "CallExpression[callee.name=/^set(Timeout|Interval)$/][arguments.0.type='Literal']", message: 'Timers take functions, not strings.' },
  ],
};

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'tests/bench/generated/', 'tests/e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**', 'entrypoints/**'], rules: NO_MARKUP_FROM_STRINGS },
);
