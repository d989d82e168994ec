import { type Matcher, addForm, keyedForm } from './compile-matcher';
import type { TermMatch } from './find-matches';

/** "intravenous immunoglobulin (IVIG)": a name, then an abbreviation in brackets. */
const DEFINITION_AFTER_NAME = /^\s*\(([A-Z][A-Za-z0-9-]{1,7}?)(s?)\)/;

/** What a defined abbreviation can look like (see DEFINITION_AFTER_NAME): for checking one sent between the page and the background. */
export const ABBREVIATION_SHAPE = /^[A-Z][A-Za-z0-9-]{1,7}$/;

/** An abbreviation a text defines for a glossary entry it names. */
export interface DefinedAbbreviation {
  abbreviation: string;
  entry: number;
}

/**
 * The abbreviations a text defines for the terms it names: the name, then the abbreviation in
 * brackets. The abbreviation must start with the name's first letter.
 */
export function definedAbbreviations(text: string, matches: readonly TermMatch[]): DefinedAbbreviation[] {
  const defined: DefinedAbbreviation[] = [];
  for (const match of matches) {
    const definition = DEFINITION_AFTER_NAME.exec(text.slice(match.end, match.end + 16));
    if (!definition) continue;
    const abbreviation = definition[1]!;
    if (abbreviation[0]!.toLowerCase() === text[match.start]!.toLowerCase()) defined.push({ abbreviation, entry: match.entry });
  }
  return defined;
}

/**
 * Teaches a matcher the abbreviations a page defines, so that the rest of the page underlines them
 * too, even where the glossary does not list them or gives them another meaning ("prothrombin
 * time (PT)" makes PT mean prothrombin time on that page, not physical therapy).
 */
export function learnAbbreviations(matcher: Matcher, defined: readonly DefinedAbbreviation[]): void {
  for (const { abbreviation, entry } of defined)
    for (const written of [abbreviation, `${abbreviation}s`]) addForm(matcher, keyedForm({ text: written, entry, exactCase: true, rules: [] }), true);
}

/** definedAbbreviations, then learnAbbreviations: for tools that match a page in one go. Returns how many were learnt. */
export function learnDefinedAbbreviations(text: string, matches: readonly TermMatch[], matcher: Matcher): number {
  const defined = definedAbbreviations(text, matches);
  learnAbbreviations(matcher, defined);
  return defined.length;
}
