/**
 * `npm run bench`: speed of the matcher and of the popup's glossary search, as ratios against a
 * baseline measured in the same run (the machines are noisy; absolute times are not comparable).
 *
 * - Matcher: the seed page repeated to about 1 MB, split into its paragraphs like page blocks.
 *   Baseline: one case-insensitive regular expression with an alternation of every name, the
 *   obvious way to find many words at once.
 * - Search: a set of queries over the whole glossary, per query; baseline: a substring filter.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileGlossary } from '../../src/glossary/compile-glossary';
import { loadValidGlossary } from '../../src/glossary/load-glossary';
import { type ShippedMatcher, compileMatcher, loadMatcher, shipMatcher } from '../../src/matching/compile-matcher';
import { findMatches } from '../../src/matching/find-matches';
import { createGlossarySearch } from '../../src/popup/search-glossary';

const RUNS = 7;
const seed = readFileSync(resolve(import.meta.dirname, '../../../shared/seed/dermatomyositis.txt'), 'utf8');
const paragraphs = seed.split('\n').filter(Boolean);
const blocks: string[] = [];
for (let size = 0; size < 1_000_000;) {
  for (const p of paragraphs) {
    blocks.push(p);
    size += p.length;
  }
}
const totalChars = blocks.reduce((n, b) => n + b.length, 0);

const glossary = compileGlossary(loadValidGlossary());

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => number): { ms: number; result: number } {
  let result = 0;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

// What the background does when it starts: parse the shipped forms and mark their first words (branches
// are built as pages' words reach them), against building the whole trie.
const shipped = JSON.stringify(shipMatcher(glossary.forms));
const load = () => loadMatcher(JSON.parse(shipped) as ShippedMatcher);
const compileTime = time(() => load().longestName);
const compileFromNamesTime = time(() => compileMatcher(glossary.forms).longestName);
// Each run from a freshly loaded matcher, the background's coldest case: the branches its words reach are built.
const ours = time(() => {
  const matcher = load();
  return blocks.reduce((n, b) => n + findMatches(b, matcher).length, 0);
});

const escaped = [...new Set(glossary.forms.map((f) => f.text))].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const baselineRegex = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
const baseline = time(() => blocks.reduce((n, b) => n + (b.match(baselineRegex)?.length ?? 0), 0));

console.log(
  `Matcher on ${(totalChars / 1e6).toFixed(2)} MB of text in ${blocks.length} blocks, ${glossary.entries.length} entries, ${glossary.forms.length} name forms (median of ${RUNS}):`,
);
console.log(`  load matcher:             ${compileTime.ms.toFixed(1)} ms (parse the shipped forms, as the background does when it starts)`);
console.log(`  building the whole trie:  ${compileFromNamesTime.ms.toFixed(1)} ms  ×${(compileFromNamesTime.ms / compileTime.ms).toFixed(1)}`);
console.log(`  MedGloss findMatches:     ${ours.ms.toFixed(1)} ms, ${ours.result} matches (from a fresh load)`);
console.log(`  baseline regex:           ${baseline.ms.toFixed(1)} ms, ${baseline.result} matches`);
console.log(`  ratio MedGloss/baseline:  ${(ours.ms / baseline.ms).toFixed(2)}`);

// Growth: cost should rise linearly with text size and stay nearly flat with glossary size (a trie
// looks up each word once, however many names there are). Synthetic names for the larger glossaries
// come from a seeded generator, so every run measures the same thing.
function seededWords(count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const syllables = ['ba', 'co', 'der', 'fi', 'gra', 'hem', 'lo', 'mi', 'nox', 'pra', 'quin', 'ro', 'sta', 'tor', 'vex', 'zan'];
  return Array.from({ length: count }, () => {
    const words = 1 + Math.floor(next() * 3);
    return Array.from({ length: words }, () => Array.from({ length: 3 }, () => syllables[Math.floor(next() * syllables.length)]).join('')).join(' ');
  });
}
const textFor = (chars: number) => {
  const out: string[] = [];
  for (let size = 0; size < chars;) {
    for (const p of paragraphs) {
      out.push(p);
      size += p.length;
    }
  }
  return out;
};
console.log('Growth (median ms, and ratio to the smallest case):');
const sizes = [100_000, 1_000_000, 5_000_000].map((chars) => ({ chars, blocks: textFor(chars) }));
const matcher = compileMatcher(glossary.forms);
const bySize = sizes.map(({ chars, blocks: b }) => ({ chars, ms: time(() => b.reduce((n, x) => n + findMatches(x, matcher).length, 0)).ms }));
for (const { chars, ms } of bySize)
  console.log(
    `  text ${(chars / 1e6).toFixed(1)} MB:      ${ms.toFixed(1).padStart(7)} ms  ×${(ms / bySize[0]!.ms).toFixed(1)} (text ×${(chars / bySize[0]!.chars).toFixed(0)})`,
  );
const byGlossary = [1, 4, 16].map((factor) => {
  const extra = seededWords(glossary.forms.length * (factor - 1), factor).map((text, i) => ({
    text,
    entry: i % glossary.entries.length,
    exactCase: false,
    rules: [],
  }));
  const bigger = compileMatcher([...glossary.forms, ...extra]);
  return { factor, ms: time(() => blocks.reduce((n, b) => n + findMatches(b, bigger).length, 0)).ms };
});
for (const { factor, ms } of byGlossary)
  console.log(`  glossary ×${String(factor).padEnd(2)} names:  ${ms.toFixed(1).padStart(7)} ms  ×${(ms / byGlossary[0]!.ms).toFixed(2)}`);

const queries = ['ivig', 'azathioprin', 'dermatomiositis', 'heart', 'blood thinner', 'MRI', 'Gottron', 'steroid', 'cancer', 'zz'];
const search = createGlossarySearch(glossary.entries);
const searchTime = time(() => queries.reduce((n, q) => n + search(q).length, 0));
const substringTime = time(() => queries.reduce((n, q) => n + glossary.entries.filter((e) => e.term.toLowerCase().includes(q.toLowerCase())).length, 0));
console.log(`Glossary search over ${glossary.entries.length} entries, ${queries.length} queries (median of ${RUNS}):`);
console.log(`  fuzzy search:             ${(searchTime.ms / queries.length).toFixed(2)} ms per query`);
console.log(`  baseline substring:       ${(substringTime.ms / queries.length).toFixed(3)} ms per query`);
console.log(`  ratio fuzzy/substring:    ${(searchTime.ms / substringTime.ms).toFixed(1)}`);
