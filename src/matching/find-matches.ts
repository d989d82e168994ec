import type { Matcher, NameForm } from './compile-matcher';
import { WORD_PATTERN, isWordJoiner, wordKey } from './tokenise';

/** A glossary name found in a text: offsets into that text, end exclusive. */
export interface TermMatch {
  entry: number;
  start: number;
  end: number;
}

export interface FindOptions {
  /**
   * Decides the `noun` rule for a candidate. The default guesses from the word before it; the
   * command-line tools pass compromise's part-of-speech tagger, which is too large to load on
   * every page.
   */
  isNoun?: (text: string, start: number, end: number) => boolean;
}

interface Word {
  start: number;
  end: number;
  key: string;
}

/**
 * Finds glossary names in one block of text: whole words only, leftmost-longest, never
 * overlapping. Names flagged as ambiguous are kept only where their rules hold.
 */
export function findMatches(text: string, matcher: Matcher, options: FindOptions = {}): TermMatch[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD_PATTERN)) {
    words.push({ start: m.index, end: m.index + m[0].length, key: wordKey(m[0]) });
  }
  const found: { match: TermMatch; form: NameForm }[] = [];
  for (let i = 0; i < words.length; i++) {
    let level = matcher.root;
    let best: { form: NameForm; last: number } | undefined;
    for (let j = i; j < words.length && j - i < matcher.longestName; j++) {
      if (j > i && !isWordJoiner(text.slice(words[j - 1]!.end, words[j]!.start), text.slice(words[j - 1]!.start, words[j - 1]!.end))) break;
      const node = level.get(words[j]!.key);
      if (!node) break;
      const form = node.forms.find((f) => !f.exactCase || hasExactWords(text, words, i, j, f.text));
      if (form) best = { form, last: j };
      level = node.next;
    }
    if (best) {
      found.push({ match: { entry: best.form.entry, start: words[i]!.start, end: words[best.last]!.end }, form: best.form });
      i = best.last;
    }
  }
  if (!found.some((f) => f.form.rules.length > 0)) return found.map((f) => f.match);
  const isNoun = options.isNoun ?? guessIsNoun;
  const hasPlainMatch = found.some((f) => f.form.rules.length === 0);
  return found
    .filter(({ match, form }) =>
      form.rules.every((rule) => {
        switch (rule) {
          case 'medical-context':
            return hasPlainMatch;
          case 'noun':
            return isNoun(text, match.start, match.end);
          case 'not-title-start':
            return !isTitleStart(text, match.start);
          case 'exact-case':
            return text.slice(match.start, match.end) === form.text;
        }
      }),
    )
    .map((f) => f.match);
}

function hasExactWords(text: string, words: Word[], first: number, last: number, written: string): boolean {
  const writtenWords = Array.from(written.matchAll(WORD_PATTERN), (m) => m[0]);
  if (writtenWords.length !== last - first + 1) return false;
  return writtenWords.every((w, k) => {
    const word = words[first + k]!;
    return text.slice(word.start, word.end).replace(/[\u00AD\u200B-\u200D\u2060]/g, '') === w;
  });
}

const VERB_BEFORE = /\b(to|will|would|can|could|may|might|must|shall|should|did|does|do|not|never)\s+$/i;

/** A cheap guess used in the browser: a word right after "to", "will", "can"… is a verb. */
function guessIsNoun(text: string, start: number): boolean {
  return !VERB_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

/** Whether a match opens a short heading written in title case ("Flare Guitars Review"). */
function isTitleStart(text: string, start: number): boolean {
  if (text.slice(0, start).trim() !== '' || text.length > 120) return false;
  const words = text.match(/\p{L}+/gu) ?? [];
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length > 1 && capitalised / words.length > 0.6;
}
