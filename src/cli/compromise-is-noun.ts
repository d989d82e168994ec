import nlp from 'compromise';

/**
 * The `noun` rule decided by compromise's part-of-speech tagger, run on the one sentence that
 * holds the candidate. The command-line tools use it; the content script uses a cheaper guess
 * (compromise is too large to load on every page).
 */
export function compromiseIsNoun(text: string, start: number, end: number): boolean {
  const sentenceStart = text.lastIndexOf('.', start) + 1;
  const stop = text.indexOf('.', end);
  const word = text
    .slice(start, end)
    .split(/\s+/)[0]!
    .replace(/[^\p{L}\p{N}'-]/gu, '');
  const found = nlp(text.slice(sentenceStart, stop < 0 ? text.length : stop + 1)).match(word);
  return !found.found || found.terms().first().has('#Noun');
}
