/**
 * `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint) on the built Firefox package.
 * Passes with no error and no warning, except the warnings allowed below, each with its reason.
 */
import { resolve } from 'node:path';
import webExt from 'web-ext';

/** Warnings that are not ours to fix, by linter code and file. */
const ALLOWED_WARNINGS = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^(content-scripts\/content\.js|chunks\/popup-[\w-]+\.js)$/,
    // Preact's renderer contains the code for its raw-HTML prop. Our code never uses
    // that prop (an ESLint rule bans it and every string-to-markup API), so text never becomes markup.
    why: 'the raw-HTML branch of Preact’s renderer, unused by MedGloss',
  },
];

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

const sourceDir = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const result = (await webExt.cmd.lint({ sourceDir, selfHosted: true, output: 'none' }, { shouldExitProgram: false })) as {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
};
const allowed = (m: LintMessage) => ALLOWED_WARNINGS.find((a) => a.code === m.code && a.file.test(m.file ?? ''));
const blocking = [...result.errors, ...result.warnings.filter((w) => !allowed(w))];
for (const m of result.warnings.filter(allowed)) console.log(`allowed warning ${m.code} in ${m.file}: ${allowed(m)!.why}`);
for (const m of blocking) console.error(`${m.code} in ${m.file ?? 'the package'}: ${m.message}`);
console.log(
  `web-ext lint: ${result.errors.length} error(s), ${result.warnings.length} warning(s) (${result.warnings.filter(allowed).length} allowed), ${result.notices.length} notice(s)`,
);
process.exitCode = blocking.length > 0 ? 1 : 0;
