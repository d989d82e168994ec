/**
 * `npm run scan -- [--json] <file.html|file.txt>`: the matcher on a file, without a browser.
 * Prints each match (term id, matched text, position) and a summary; with --json, only one JSON
 * array of {id, term, text, start, end}, offsets into the page's text (its blocks joined by "\n").
 */
import { compileGlossary } from '../glossary/compile-glossary';
import { loadValidGlossary } from '../glossary/load-glossary';
import { compileMatcher } from '../matching/compile-matcher';
import { learnDefinedAbbreviations } from '../matching/defined-abbreviations';
import { findInPageBlock, readPageBlocks } from './read-page-text';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');
if (files.length !== 1) {
  console.error('usage: npm run scan -- [--json] <file.html|file.txt>');
  process.exit(2);
}

const glossary = compileGlossary(loadValidGlossary());
const matcher = compileMatcher(glossary.forms);
const blocks = readPageBlocks(files[0]!);

const results: { id: string; term: string; text: string; start: number; end: number }[] = [];
let offset = 0;
for (const block of blocks) {
  const matches = findInPageBlock(block, matcher);
  learnDefinedAbbreviations(block.text, matches, matcher);
  for (const match of matches) {
    const entry = glossary.entries[match.entry]!;
    results.push({ id: entry.id, term: entry.term, text: block.text.slice(match.start, match.end), start: offset + match.start, end: offset + match.end });
  }
  offset += block.text.length + 1;
}

if (json) {
  process.stdout.write(`${JSON.stringify(results)}\n`);
} else {
  for (const r of results) console.log(`${String(r.start).padStart(7)}-${String(r.end).padEnd(7)} ${r.id.padEnd(32)} ${JSON.stringify(r.text)}`);
  const distinct = new Set(results.map((r) => r.id));
  console.log(`\n${results.length} matches of ${distinct.size} terms in ${blocks.length} blocks (${offset} characters).`);
}
