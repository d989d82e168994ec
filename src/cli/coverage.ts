/**
 * `npm run coverage -- <files or folders>`: which medical words and phrases in real texts the
 * glossary does not match yet, ranked by how many documents use them, with a count and an example
 * sentence each, and the share of candidate mentions the glossary already covers.
 *
 * Candidates: the NIH health topics and their other names in ../shared/corpus/lists (phrases of up
 * to four words), and single words of the cspell medical word list that are not everyday English
 * (outside the most frequent words of spoken English, SUBTLEX-US).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileGlossary } from '../glossary/compile-glossary';
import { loadValidGlossary } from '../glossary/load-glossary';
import { type NameForm, compileMatcher } from '../matching/compile-matcher';
import { findMatches } from '../matching/find-matches';
import { readPageBlocks } from './read-page-text';
import { everydayWords, medicalWords } from './word-lists';

/** Words among this many most frequent in spoken English are everyday, not candidates. */
const EVERYDAY_RANK = 15_000;
const TOPICS = resolve(import.meta.dirname, '../../../shared/corpus/lists/medquad-focus-terms.tsv');

const paths = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const top = Number(process.argv.find((a) => a.startsWith('--top='))?.slice(6) ?? 60);
if (paths.length === 0) {
  console.error('usage: npm run coverage -- [--top=N] <files or folders of .txt/.html>');
  process.exit(2);
}
if (!existsSync(TOPICS)) {
  console.error(`The health topic list is missing: expected ${TOPICS} (the shared folder beside this repository).`);
  process.exit(2);
}

const everyday = everydayWords(EVERYDAY_RANK);
const candidates = new Map<string, NameForm>();
const addCandidate = (text: string, exactCase: boolean) => {
  const key = exactCase ? text : text.toLowerCase();
  if (!candidates.has(key)) candidates.set(key, { text, entry: candidates.size, exactCase, rules: [] });
};
for (const line of readFileSync(TOPICS, 'utf8').split('\n').slice(1)) {
  const [, , focus = '', , synonyms = ''] = line.split('\t');
  for (const name of [focus, ...synonyms.split('|')].map((n) => n.trim())) {
    if (!/^[\p{L}\p{N}][\p{L}\p{N}' -]*$/u.test(name) || name.split(/\s+/).length > 4) continue;
    if (/^[A-Z0-9]{2,6}$/.test(name)) addCandidate(name, true);
    else if (name.includes(' ') || !everyday.has(name.toLowerCase())) addCandidate(name, false);
  }
}
for (const word of medicalWords()) {
  if (/^[a-z]{4,}$/.test(word) && !everyday.has(word)) addCandidate(word, false);
}
const candidateList = [...candidates.values()];
const candidateMatcher = compileMatcher(candidateList);
const glossaryMatcher = compileMatcher(compileGlossary(loadValidGlossary()).forms);

function* filesIn(path: string): Generator<string> {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) yield* filesIn(join(path, name));
  } else if (/\.(txt|html?)$/i.test(path)) yield path;
}

interface Gap {
  text: string;
  mentions: number;
  documents: Set<string>;
  example: string;
}
const gaps = new Map<string, Gap>();
let mentions = 0;
let covered = 0;
let documents = 0;
for (const file of paths.flatMap((p) => [...filesIn(p)])) {
  documents++;
  for (const { text: block } of readPageBlocks(file)) {
    const glossarySpans = findMatches(block, glossaryMatcher);
    for (const match of findMatches(block, candidateMatcher)) {
      mentions++;
      if (glossarySpans.some((g) => g.start < match.end && match.start < g.end)) {
        covered++;
        continue;
      }
      const text = block.slice(match.start, match.end);
      const key = text.toLowerCase();
      const gap = gaps.get(key) ?? { text, mentions: 0, documents: new Set(), example: sentenceAround(block, match.start, match.end) };
      gap.mentions++;
      gap.documents.add(file);
      gaps.set(key, gap);
    }
  }
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('. ', start) + 2, start - 120, 0);
  const stop = text.indexOf('.', end);
  return text.slice(from, stop < 0 ? Math.min(text.length, end + 120) : Math.min(stop + 1, end + 120)).trim();
}

const ranked = [...gaps.values()].sort((a, b) => b.documents.size - a.documents.size || b.mentions - a.mentions);
console.log(`${documents} documents, ${candidateList.length} candidate names, ${mentions} candidate mentions.`);
console.log(`Covered by the glossary: ${covered} of ${mentions} mentions (${((covered / Math.max(mentions, 1)) * 100).toFixed(1)}%).`);
console.log(`\nNot covered yet, by number of documents (top ${top} of ${ranked.length}):`);
for (const gap of ranked.slice(0, top)) {
  console.log(`${String(gap.documents.size).padStart(4)} docs ${String(gap.mentions).padStart(5)}×  ${gap.text}\n      e.g. "${gap.example}"`);
}
