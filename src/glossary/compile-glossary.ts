import type { AmbiguityRule, NameForm } from '../matching/compile-matcher';
import { nameKeys } from '../matching/tokenise';
import type { LoadedGlossary } from './load-glossary';
import type { GlossaryEntry } from './schema';
import { abbreviationVariants, nameVariants } from './word-forms';

/** What the popup, the extension's pages and the background get: the entries and the category names. */
export interface ShippedGlossary {
  categories: Record<string, string>;
  entries: GlossaryEntry[];
}

/**
 * The compiled glossary: what ships, and every written form of every name, for the matcher (the
 * background gets them as a ShippedMatcher; tools and tests match with them directly).
 */
export interface CompiledGlossary extends ShippedGlossary {
  forms: NameForm[];
}

/** Turns validated entries into shipped data; runs at build time, where compromise is available. */
export function compileGlossary(glossary: Pick<LoadedGlossary, 'entries' | 'categories'>): CompiledGlossary {
  const entries = [...glossary.entries].sort((a, b) => a.term.localeCompare(b.term, 'en'));
  const forms: NameForm[] = [];
  entries.forEach((entry, index) => {
    const exactCase = entry.ambiguous.includes('exact-case');
    for (const name of [entry.term, ...entry.also]) {
      for (const text of nameVariants(name)) forms.push({ text, entry: index, exactCase, rules: rulesFor(text, entry.ambiguous) });
    }
    for (const abbreviation of entry.abbr) {
      for (const text of abbreviationVariants(abbreviation))
        forms.push({ text, entry: index, exactCase: true, rules: abbreviationRules(abbreviation, rulesFor(text, entry.ambiguous)) });
    }
  });
  return { categories: glossary.categories, entries, forms };
}

/**
 * An entry's ambiguity rules guard its one-word names and abbreviations ("stroke", "MI"); a name
 * of several words ("heart attack") is specific enough to stand on its own.
 */
function rulesFor(name: string, rules: readonly AmbiguityRule[]): readonly AmbiguityRule[] {
  return nameKeys(name).length > 1 ? rules.filter((rule) => rule === 'exact-case') : rules;
}

/**
 * Abbreviations of three letters or fewer stand for many things outside medicine (HDL is also a
 * hardware language, ALL a word, CT a state): they always need other medical terms nearby.
 */
function abbreviationRules(abbreviation: string, rules: readonly AmbiguityRule[]): readonly AmbiguityRule[] {
  const letters = abbreviation.replace(/[^\p{L}\p{N}]/gu, '');
  return letters.length <= 3 && !rules.includes('medical-context') ? [...rules, 'medical-context'] : rules;
}
