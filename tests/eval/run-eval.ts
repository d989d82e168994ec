/**
 * `npm run eval`: recall and precision of the matcher on the labelled development and held-out
 * sets, and the hits on ordinary web pages per 10,000 words, for review. Rules and gold format:
 * tests/eval/README.md; the scoring itself is in score.ts.
 */
import { type SetScore, checkCorpus, developmentTexts, listedTexts, ordinaryPageHits, scoreTexts } from './score';

try {
  checkCorpus();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const verbose = process.argv.includes('--verbose');
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function printSet(title: string, score: SetScore): void {
  console.log(`${title}: recall (gold terms found) and precision (found terms that are right)\n`);
  for (const text of score.texts) {
    const recall = text.gold ? (text.gold - text.misses.length) / text.gold : 1;
    const precision = text.found ? (text.found - text.wrong.length) / text.found : 1;
    console.log(`${text.name.padEnd(34)} recall ${(recall * 100).toFixed(0).padStart(3)}%  precision ${(precision * 100).toFixed(0).padStart(3)}%`);
    if (text.misses.length) console.log(`    missed: ${text.misses.join(' | ')}`);
    if (text.wrong.length) console.log(`    wrong:  ${text.wrong.join(' | ')}`);
  }
  console.log(
    `\n${title}, overall: recall ${percent(score.recall)} (${score.goldFound}/${score.goldTotal}), precision ${percent(score.precision)} (${score.foundRight}/${score.foundTotal})\n`,
  );
}

// Development set: the texts the matcher and the glossary were tuned on, plus the seed page.
printSet('Development set', scoreTexts(developmentTexts()));
// Held-out set: labelled the same way, never used to choose terms or rules; it shows how the
// figures carry over to texts nobody tuned for.
printSet('Held-out set', scoreTexts(listedTexts('heldout.txt')));
// Held-out web pages: the three saved health pages of the corpus (a news article, a portal page, a
// trial listing), labelled without sight of the glossary after all terms of 2026-11-26 were added.
printSet('Held-out web pages', scoreTexts(listedTexts('heldout-pages.txt')));

// Ordinary pages: every hit, per 10,000 words of visible text, for review.
console.log('Ordinary pages (../shared/corpus/pages): hits per 10,000 words of visible text');
let pageWords = 0;
let pageHits = 0;
for (const { file, words, hits } of ordinaryPageHits()) {
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
