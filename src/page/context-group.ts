import { walkBlocks } from './collect-blocks';

/**
 * Where a block that has no medical term of its own may find the medical context an ambiguous name
 * needs (the `medical-context` rule): the table or the list it sits in.
 * - A table: a lab report has one test per row, so "MCV 101 fL" has no other medical word in its
 *   row, but "Hemoglobin" and "Platelets" are in the rows around it. One such row is enough.
 * - A list: a health site's menu of topics ("Depression", "Stroke", "Tuberculosis", each an item of
 *   its own) or a list of symptoms. At least half of its items must have a medical term that needs
 *   no context: a newspaper's list of headlines with one about infertility does not make the party
 *   in "take on Labour" childbirth (on the 24 saved pages of the corpus, any one item would have).
 */
export const CONTEXT_GROUP_SELECTOR = 'table, ul, ol';

/** How much of a group's text is read to tell whether it is about health. */
const CONTEXT_CHARS = 10_000;

export interface ContextGroup {
  kind: 'table' | 'list';
  /** The group's blocks' texts, up to CONTEXT_CHARS characters of them. */
  texts: string[];
}

/** A table's or list's texts, block by block (textContent would glue cells together: "101 fLHemoglobin"). */
export function readContextGroup(group: Element): ContextGroup {
  const texts: string[] = [];
  let read = 0;
  for (const block of walkBlocks(group)) {
    texts.push(block.text);
    read += block.text.length;
    if (read >= CONTEXT_CHARS) break;
  }
  return { kind: group.localName === 'table' ? 'table' : 'list', texts };
}

/** Whether a group gives its blocks medical context, from how many of its texts have a medical term that needs none. */
export function givesMedicalContext(group: ContextGroup, textsWithTerms: number): boolean {
  return group.kind === 'table' ? textsWithTerms > 0 : textsWithTerms > 0 && textsWithTerms * 2 >= group.texts.length;
}
