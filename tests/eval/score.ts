/**
 * Scoring the matcher against the labelled texts and the ordinary pages, as a reader with the
 * default settings sees it. Used by `npm run eval` (which prints everything) and by the quality
 * test (tests/unit/eval-goals.test.ts, which holds the goals). Rules and gold format: README.md here.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { type PageBlock, findInPageBlock, readPageBlocks } from '../../src/cli/read-page-text';
import { compileGlossary } from '../../src/glossary/compile-glossary';
import { loadValidGlossary } from '../../src/glossary/load-glossary';
import { compileMatcher } from '../../src/matching/compile-matcher';
import { learnDefinedAbbreviations } from '../../src/matching/defined-abbreviations';
import { nameKeys } from '../../src/matching/tokenise';
import { DEFAULT_SETTINGS, isLevelShown } from '../../src/settings/settings';

const SHARED = resolve(import.meta.dirname, '../../../shared');
export const CORPUS = join(SHARED, 'corpus');

/** Throws a clear message when ../shared is not beside the repository. */
export function checkCorpus(): void {
  if (!existsSync(join(CORPUS, 'health')) || !existsSync(join(CORPUS, 'pages'))) {
    throw new Error(`The corpus is missing: expected ${CORPUS}/health and ${CORPUS}/pages (the shared folder beside this repository).`);
  }
}

const glossary = compileGlossary(loadValidGlossary());

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
export function foundTexts(blocks: PageBlock[]): string[] {
  const matcher = compileMatcher(glossary.forms);
  return blocks.flatMap((block) => {
    const matches = findInPageBlock(block, matcher);
    learnDefinedAbbreviations(block.text, matches, matcher);
    return matches.filter((m) => isLevelShown(glossary.entries[m.entry]!.level, DEFAULT_SETTINGS.minLevel)).map((m) => block.text.slice(m.start, m.end));
  });
}

/** The texts of a list file (one corpus file name per line: .txt in health/, .html in pages/), as paths. */
export function listedTexts(listName: 'devset.txt' | 'heldout.txt' | 'heldout-pages.txt'): string[] {
  return readFileSync(join(import.meta.dirname, listName), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((f) => join(CORPUS, f.endsWith('.html') ? 'pages' : 'health', f));
}

/** The development set: the listed texts and the seed page. */
export function developmentTexts(): string[] {
  return [...listedTexts('devset.txt'), join(SHARED, 'seed', 'dermatomyositis.txt')];
}

export interface TextScore {
  name: string;
  gold: number;
  found: number;
  misses: string[];
  wrong: string[];
}

export interface SetScore {
  texts: TextScore[];
  goldTotal: number;
  goldFound: number;
  foundTotal: number;
  foundRight: number;
  recall: number;
  precision: number;
}

/** Scores the matcher on labelled texts: each distinct term counts once per text. */
export function scoreTexts(paths: string[]): SetScore {
  const texts = paths.map((path): TextScore => {
    const name = basename(path).replace(/\.(txt|html)$/, '');
    const goldPath = join(import.meta.dirname, 'gold', `${name}.yaml`);
    if (!existsSync(goldPath)) throw new Error(`No gold labels for ${name}: expected ${goldPath}`);
    const gold = [...new Set((parse(readFileSync(goldPath, 'utf8')) as { terms: string[] }).terms.map(compareKey))];
    const found = [...new Set(foundTexts(textBlocks(path)).map(compareKey))];
    return {
      name,
      gold: gold.length,
      found: found.length,
      misses: gold.filter((g) => !found.some((f) => overlaps(f, g))),
      wrong: found.filter((f) => !gold.some((g) => overlaps(f, g))),
    };
  });
  const goldTotal = texts.reduce((n, t) => n + t.gold, 0);
  const goldFound = goldTotal - texts.reduce((n, t) => n + t.misses.length, 0);
  const foundTotal = texts.reduce((n, t) => n + t.found, 0);
  const foundRight = foundTotal - texts.reduce((n, t) => n + t.wrong.length, 0);
  return { texts, goldTotal, goldFound, foundTotal, foundRight, recall: goldFound / goldTotal, precision: foundRight / foundTotal };
}

/** The blocks of text of a labelled file: a saved page's visible text, or a corpus text's lines. */
function textBlocks(path: string): PageBlock[] {
  if (path.endsWith('.html')) return readPageBlocks(path);
  const lines = readFileSync(path, 'utf8').split('\n');
  const body = lines[0]?.startsWith('source:') ? lines.slice(1) : lines;
  return body.filter((l) => l.trim()).map((text) => ({ text }));
}

export interface PageHits {
  file: string;
  words: number;
  hits: string[];
}

/** Every hit on every saved page of ../shared/corpus/pages, with the page's count of visible words. */
export function ordinaryPageHits(): PageHits[] {
  return readdirSync(join(CORPUS, 'pages'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const blocks = readPageBlocks(join(CORPUS, 'pages', file));
      return { file, words: blocks.reduce((n, b) => n + (b.text.match(/\S+/g)?.length ?? 0), 0), hits: foundTexts(blocks) };
    });
}
