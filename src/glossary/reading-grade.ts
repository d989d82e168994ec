import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * The Flesch–Kincaid grade of a definition, leaving out the entry's own names: a definition of
 * azathioprine should not be marked hard because the word azathioprine is long.
 */
export function readingGrade(text: string, ownNames: readonly string[]): number {
  let plain = text;
  for (const name of [...ownNames].sort((a, b) => b.length - a.length)) {
    plain = plain.split(new RegExp(escapeRegExp(name), 'gi')).join('it');
  }
  const words = plain.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  if (words.length === 0) return 0;
  const sentence = Math.max(1, (plain.match(/[.!?]+(?=\s|$)/g) ?? []).length);
  const syllables = words.reduce((sum, w) => sum + syllable(w), 0);
  return fleschKincaid({ sentence, word: words.length, syllable: syllables });
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
