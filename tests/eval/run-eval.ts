/**
 * `npm run eval`: recall and precision of the matcher on the labelled development set, and the
 * hits on ordinary web pages per 10,000 words, for review. Rules and gold format: tests/eval/README.md.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { compromiseIsNoun } from '../../src/cli/compromise-is-noun';
import { readPageBlocks } from '../../src/cli/read-page-text';
import { compileGlossary } from '../../src/glossary/compile-glossary';
import { loadValidGlossary } from '../../src/glossary/load-glossary';
import { compileMatcher } from '../../src/matching/compile-matcher';
import { learnDefinedAbbreviations } from '../../src/matching/defined-abbreviations';
import { findMatches } from '../../src/matching/find-matches';
import { nameKeys } from '../../src/matching/tokenise';
import { DEFAULT_SETTINGS, isLevelShown } from '../../src/settings/settings';

const SHARED = resolve(import.meta.dirname, '../../../shared');
const CORPUS = join(SHARED, 'corpus');
if (!existsSync(join(CORPUS, 'health'))) {
  console.error(`The corpus is missing: expected ${CORPUS}/health and ${CORPUS}/pages (the shared folder beside this repository).`);
  process.exit(2);
}

const glossary = compileGlossary(loadValidGlossary());
const verbose = process.argv.includes('--verbose');

/** How both sides are compared: folded words, a final plural "s" ignored. */
function compareKey(text: string): string {
  return nameKeys(text)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
}
function overlaps(a: string, b: string): boolean {
  return a === b || ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}
/**
 * What a reader with the default settings sees underlined on one page (everyday words are left
 * out); each page starts from the glossary alone and learns the abbreviations it defines.
 */
function foundTexts(blocks: string[]): string[] {
  const matcher = compileMatcher(glossary.forms);
  return blocks.flatMap((block) => {
    const matches = findMatches(block, matcher, { isNoun: compromiseIsNoun });
    learnDefinedAbbreviations(block, matches, matcher);
    return matches.filter((m) => isLevelShown(glossary.entries[m.entry]!.level, DEFAULT_SETTINGS.minLevel)).map((m) => block.slice(m.start, m.end));
  });
}

/** Reads a list of corpus text names, one per line. */
function readList(name: string): string[] {
  return readFileSync(join(import.meta.dirname, name), 'utf8')
    .split('\n')
    .filter(Boolean);
}

/** Scores the matcher on labelled texts: prints each file's figures and the totals. */
function scoreLabelledTexts(title: string, texts: string[]): void {
  let goldTotal = 0;
  let goldFound = 0;
  let foundTotal = 0;
  let foundRight = 0;
  console.log(`${title}: recall (gold terms found) and precision (found terms that are right)\n`);
  for (const path of texts) {
    const name = basename(path, '.txt');
    const goldPath = join(import.meta.dirname, 'gold', `${name}.yaml`);
    if (!existsSync(goldPath)) {
      console.error(`No gold labels for ${name}: expected ${goldPath}`);
      process.exit(2);
    }
    const gold = [...new Set((parse(readFileSync(goldPath, 'utf8')) as { terms: string[] }).terms.map(compareKey))];
    const lines = readFileSync(path, 'utf8').split('\n');
    const body = lines[0]?.startsWith('source:') ? lines.slice(1) : lines;
    const found = [...new Set(foundTexts(body.filter((l) => l.trim())).map(compareKey))];
    const misses = gold.filter((g) => !found.some((f) => overlaps(f, g)));
    const wrong = found.filter((f) => !gold.some((g) => overlaps(f, g)));
    goldTotal += gold.length;
    goldFound += gold.length - misses.length;
    foundTotal += found.length;
    foundRight += found.length - wrong.length;
    const recall = gold.length ? (gold.length - misses.length) / gold.length : 1;
    const precision = found.length ? (found.length - wrong.length) / found.length : 1;
    console.log(`${name.padEnd(34)} recall ${(recall * 100).toFixed(0).padStart(3)}%  precision ${(precision * 100).toFixed(0).padStart(3)}%`);
    if (misses.length) console.log(`    missed: ${misses.join(' | ')}`);
    if (wrong.length) console.log(`    wrong:  ${wrong.join(' | ')}`);
  }
  const recall = goldFound / goldTotal;
  const precision = foundRight / foundTotal;
  console.log(
    `\n${title}, overall: recall ${(recall * 100).toFixed(1)}% (${goldFound}/${goldTotal}), precision ${(precision * 100).toFixed(1)}% (${foundRight}/${foundTotal})\n`,
  );
}

// Development set: the texts the matcher and the glossary were tuned on, plus the seed page.
scoreLabelledTexts('Development set', [...readList('devset.txt').map((f) => join(CORPUS, 'health', f)), join(SHARED, 'seed', 'dermatomyositis.txt')]);
// Held-out set: labelled the same way, never used to choose terms or rules; it shows how the
// figures carry over to texts nobody tuned for.
scoreLabelledTexts(
  'Held-out set',
  readList('heldout.txt').map((f) => join(CORPUS, 'health', f)),
);

// Ordinary pages: every hit, per 10,000 words of visible text, for review.
console.log('\nOrdinary pages (../shared/corpus/pages): hits per 10,000 words of visible text');
let pageWords = 0;
let pageHits = 0;
for (const file of readdirSync(join(CORPUS, 'pages'))
  .filter((f) => f.endsWith('.html'))
  .sort()) {
  const blocks = readPageBlocks(join(CORPUS, 'pages', file));
  const words = blocks.reduce((n, b) => n + (b.match(/\S+/g)?.length ?? 0), 0);
  const hits = foundTexts(blocks);
  pageWords += words;
  pageHits += hits.length;
  const distinct = [...new Set(hits.map((h) => h.toLowerCase()))];
  console.log(
    `${file.padEnd(36)} ${String(words).padStart(7)} words ${String(hits.length).padStart(4)} hits  ${((hits.length / Math.max(words, 1)) * 1e4).toFixed(1).padStart(6)} per 10k`,
  );
  if (verbose || distinct.length <= 12) console.log(`    ${distinct.join(' | ')}`);
  else console.log(`    ${distinct.slice(0, 12).join(' | ')} … (+${distinct.length - 12}, --verbose for all)`);
}
console.log(
  `All pages: ${pageHits} hits in ${pageWords} words, ${((pageHits / pageWords) * 1e4).toFixed(1)} per 10k (every hit listed above is for review: health pages are expected to have many).`,
);
