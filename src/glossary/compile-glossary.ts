import { type AmbiguityRule, type KeyedForm, type NameForm, keyedForm } from '../matching/compile-matcher';
import { nameKeys } from '../matching/tokenise';
import type { LoadedGlossary } from './load-glossary';
import type { GlossaryEntry } from './schema';
import { abbreviationVariants, nameVariants } from './word-forms';

/** What the extension ships: the entries, and every written form of every name, for the matcher. */
export interface ShippedGlossary {
  categories: Record<string, string>;
  entries: GlossaryEntry[];
  forms: NameForm[];
}

/**
 * What the content script needs on every page: names to find and the little it needs to filter
 * them. Definitions stay in the background and are asked for when a popover opens, which keeps
 * the script every page loads small.
 */
export interface PageGlossary {
  categories: Record<string, string>;
  entries: Pick<GlossaryEntry, 'id' | 'category' | 'level'>[];
  forms: CompactForm[];
}

/**
 * A name form as [keys, entry, rules, words as written]: its words' matching keys joined by spaces,
 * the words as written only when its case must match. Splitting and folding 8,000 names took every
 * page 8-10 ms before it could scan (a CPU profile of the content script); the build does it once.
 * Arrays rather than objects: about half the size, on every page.
 */
export type CompactForm = [keys: string, entry: number, rules?: AmbiguityRule[], written?: string];

export function pageGlossaryOf(glossary: ShippedGlossary): PageGlossary {
  return {
    categories: glossary.categories,
    entries: glossary.entries.map(({ id, category, level }) => ({ id, category, level })),
    forms: glossary.forms
      .map(keyedForm)
      .filter((form) => form.keys.length > 0)
      .map(({ keys, entry, rules, exactWords }): CompactForm => {
        if (exactWords) return [keys.join(' '), entry, [...rules], exactWords.join(' ')];
        return rules.length > 0 ? [keys.join(' '), entry, [...rules]] : [keys.join(' '), entry];
      }),
  };
}

export function expandForms(forms: readonly CompactForm[]): KeyedForm[] {
  // Indexes rather than destructuring with defaults: this runs once per page, on cold code.
  const expanded: KeyedForm[] = new Array(forms.length);
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i]!;
    const written = form[3];
    expanded[i] =
      written === undefined
        ? { keys: form[0].split(' '), entry: form[1], rules: form[2] ?? NO_RULES }
        : { keys: form[0].split(' '), entry: form[1], rules: form[2] ?? NO_RULES, exactWords: written.split(' ') };
  }
  return expanded;
}

const NO_RULES: readonly AmbiguityRule[] = [];

/** Turns validated entries into shipped data; runs at build time, where compromise is available. */
export function compileGlossary(glossary: Pick<LoadedGlossary, 'entries' | 'categories'>): ShippedGlossary {
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
