import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/glossary/compile-glossary';
import { loadValidGlossary } from '../../src/glossary/load-glossary';
import { compileMatcher } from '../../src/matching/compile-matcher';
import { findMatches } from '../../src/matching/find-matches';
import { SEED_PLAIN_SENTENCES, SEED_TERMS } from '../fixtures/seed-terms';

const SEED = readFileSync(resolve(import.meta.dirname, '../../../shared/seed/dermatomyositis.txt'), 'utf8');
const glossary = compileGlossary(loadValidGlossary());
const matcher = compileMatcher(glossary.forms);

function matchesIn(text: string): { text: string; id: string }[] {
  // Each line of the seed is a paragraph: a block of its own on a real page.
  return text.split('\n').flatMap((line) => findMatches(line, matcher).map((m) => ({ text: line.slice(m.start, m.end), id: glossary.entries[m.entry]!.id })));
}

describe('the seed page', () => {
  const found = matchesIn(SEED);

  it.each(SEED_TERMS)('finds "%s" and explains it with %s', (text, id) => {
    expect(found).toContainEqual({ text, id });
  });

  it.each(SEED_PLAIN_SENTENCES)('underlines nothing in "%s"', (sentence) => {
    expect(SEED).toContain(sentence);
    expect(matchesIn(sentence)).toEqual([]);
  });
});
