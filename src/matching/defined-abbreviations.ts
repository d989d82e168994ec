import { type Matcher, addForm, keyedForm } from './compile-matcher';
import type { TermMatch } from './find-matches';

/** "intravenous immunoglobulin (IVIG)": a name, then an abbreviation in brackets. */
const DEFINITION_AFTER_NAME = /^\s*\(([A-Z][A-Za-z0-9-]{1,7}?)(s?)\)/;

/**
 * Learns the abbreviations a page defines for the terms it names, so that the rest of the page
 * underlines them too, even where the glossary does not list them or gives them another meaning
 * ("prothrombin time (PT)" makes PT mean prothrombin time on that page, not physical therapy).
 * Returns how many were learnt. The abbreviation must start with the name's first letter.
 */
export function learnDefinedAbbreviations(text: string, matches: readonly TermMatch[], matcher: Matcher): number {
  let learnt = 0;
  for (const match of matches) {
    const definition = DEFINITION_AFTER_NAME.exec(text.slice(match.end, match.end + 16));
    if (!definition) continue;
    const abbreviation = definition[1]!;
    if (abbreviation[0]!.toLowerCase() !== text[match.start]!.toLowerCase()) continue;
    for (const written of [abbreviation, `${abbreviation}s`])
      addForm(matcher, keyedForm({ text: written, entry: match.entry, exactCase: true, rules: [] }), true);
    learnt++;
  }
  return learnt;
}
