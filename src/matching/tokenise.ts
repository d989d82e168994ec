/**
 * Splitting text into words the same way for glossary names (at build time) and page text (at run
 * time), so that a name and the text it appears in always produce the same keys. A hand-written
 * scanner rather than a Unicode regular expression: it runs over every character of every page,
 * and ASCII letters, by far the most common, take a single comparison.
 */

/**
 * Characters that make up words besides ASCII letters and digits: letters and digits of any script,
 * combining marks (a decomposed "ö"), and the invisible characters pages put inside words to control
 * line breaking (soft hyphen, zero-width space and joiners).
 */
const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060]/u;

/** Whether the UTF-16 unit at `i` belongs to a word. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return NON_ASCII_WORD_CHAR.test(text[i]!);
}

/** The start of the first word at or after `from`, or -1. */
export function nextWordStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isWordChar(text, i)) return i;
  return -1;
}

/** The end of the word starting at `start`; apostrophes inside a word (Gottron's) belong to it. */
export function wordEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (isWordChar(text, i)) i++;
    else {
      const c = text.charCodeAt(i);
      if ((c === 39 || c === 0x2019) && i + 1 < text.length && isWordChar(text, i + 1)) i += 2;
      else break;
    }
  }
  return i;
}

/** Every word of a text, as [start, end) pairs. */
export function wordSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let start = nextWordStart(text, 0); start >= 0;) {
    const end = wordEnd(text, start);
    spans.push([start, end]);
    start = nextWordStart(text, end);
  }
  return spans;
}

const INVISIBLE_IN_WORD = /[\u00AD\u200B-\u200D\u2060]/gu;
const NEEDS_FOLDING = /[^a-z0-9]|ae|oe|our/;

/**
 * Folds a lower-case word to its matching key: accents and invisible characters removed, curly
 * apostrophes straightened, British spellings folded to American ones (anaemia → anemia,
 * oedema → edema, tumour → tumor). Applied to names and text alike, so folding both sides the
 * same way is what makes variants match; it never has to be reversed.
 */
export function foldWord(lower: string): string {
  if (!NEEDS_FOLDING.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(INVISIBLE_IN_WORD, '')
    .replace(/\u2019/g, "'")
    .replace(/ae|oe/g, 'e')
    .replace(/our(s?)$/, 'or$1');
}

/** The size of the table of first-word hashes, in bits (see `plainWordHash`). */
export const WORD_HASH_BITS = 1 << 16;

/**
 * A hash below WORD_HASH_BITS of a lower-case word (`lower.slice(start, end)`) that is its own
 * matching key: ASCII letters and digits only, no "ae" or "oe", not ending in "our" or "ours".
 * -1 for any other word: folding could change it, and only a real look-up can tell. Page words get
 * this number while their end is found, and a table of the names' first words then passes over
 * most of them without building and hashing a string for each (two thirds of a health text's words
 * got past the three-letter prefixes used before: "the", "and", "treatment").
 */
export function plainWordHash(lower: string, start: number, end: number): number {
  let hash = 0;
  let previous = 0;
  for (let i = start; i < end; i++) {
    const c = lower.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return -1;
    // "ae" and "oe" fold to "e".
    if (c === 101 && (previous === 97 || previous === 111)) return -1;
    hash = (Math.imul(hash, 31) + c) | 0;
    previous = c;
  }
  // "our" at the end folds to "or" (tumour → tumor, humours → humors).
  const last = end - 1;
  const tail = lower.charCodeAt(last) === 115 ? last - 1 : last;
  if (tail - start >= 2 && lower.charCodeAt(tail) === 114 && lower.charCodeAt(tail - 1) === 117 && lower.charCodeAt(tail - 2) === 111) return -1;
  return (hash ^ (hash >>> 16)) & (WORD_HASH_BITS - 1);
}

/** The matching key of one word. */
export function wordKey(word: string): string {
  return foldWord(word.toLowerCase());
}

/** The keys of every word of a name, in order: what the matcher stores for it. */
export function nameKeys(name: string): string[] {
  return wordSpans(name).map(([start, end]) => wordKey(name.slice(start, end)));
}

/** The words of a name as written, for exact-case comparison. */
export function nameWords(name: string): string[] {
  return wordSpans(name).map(([start, end]) => name.slice(start, end).replace(INVISIBLE_IN_WORD, ''));
}

/** What may stand between two words of a multi-word name: spaces of any kind and hyphens. */
const JOINER_PATTERN = /^[\s\u00A0\u202F\-\u2010-\u2014]+$/u;
/** After an initial ("E. coli", "C. diff") a full stop may stand between the words too. */
const INITIAL_JOINER_PATTERN = /^\.?[\s\u00A0\u202F]+$/u;

/** After a plural possessive ("Graves' disease", "Legionnaires' disease") only its apostrophe. */
const PLURAL_POSSESSIVE_JOINER_PATTERN = /^['\u2019][\s\u00A0\u202F]+$/u;

/** Whether the text between two words lets them belong to one multi-word name. */
export function isWordJoiner(gap: string, previousWord: string): boolean {
  if (JOINER_PATTERN.test(gap)) return true;
  if (previousWord.length <= 2) return INITIAL_JOINER_PATTERN.test(gap);
  return /s$/i.test(previousWord) && PLURAL_POSSESSIVE_JOINER_PATTERN.test(gap);
}
