/**
 * Splitting text into words the same way for glossary names (at build time) and page text (at run
 * time), so that a name and the text it appears in always produce the same keys.
 */

/**
 * A word: letters and digits, with apostrophes inside (Gottron's) and invisible characters that
 * pages put inside words to control line breaking (soft hyphen, zero-width space and joiners).
 */
export const WORD_PATTERN = /[\p{L}\p{N}\u00AD\u200B-\u200D\u2060]+(?:['\u2019][\p{L}\p{N}\u00AD\u200B-\u200D\u2060]+)*/gu;

/** What may stand between two words of a multi-word name: spaces of any kind and hyphens. */
const JOINER_PATTERN = /^[\s\u00A0\u202F\-\u2010-\u2014]+$/u;
/** After an initial ("E. coli", "C. diff") a full stop may stand between the words too. */
const INITIAL_JOINER_PATTERN = /^\.?[\s\u00A0\u202F]+$/u;

const INVISIBLE_IN_WORD = /[\u00AD\u200B-\u200D\u2060]/gu;
const NEEDS_FOLDING = /[^a-z0-9]|ae|oe|our/;

/**
 * The matching key of one word: lower case, accents and invisible characters removed, curly
 * apostrophes straightened, British spellings folded to American ones (anaemia → anemia,
 * oedema → edema, tumour → tumor). Applied to names and text alike, so folding both sides the
 * same way is what makes variants match; it never has to be reversed.
 */
export function wordKey(word: string): string {
  const lower = word.toLowerCase();
  if (!NEEDS_FOLDING.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(INVISIBLE_IN_WORD, '')
    .replace(/\u2019/g, "'")
    .replace(/ae|oe/g, 'e')
    .replace(/our(s?)$/, 'or$1');
}

/** Whether the text between two words lets them belong to one multi-word name. */
export function isWordJoiner(gap: string, previousWord: string): boolean {
  if (JOINER_PATTERN.test(gap)) return true;
  return previousWord.length <= 2 && INITIAL_JOINER_PATTERN.test(gap);
}

/** The keys of every word of a name, in order: what the matcher stores for it. */
export function nameKeys(name: string): string[] {
  return Array.from(name.matchAll(WORD_PATTERN), (m) => wordKey(m[0]));
}
