import { type CompiledForm, type Matcher, type TrieNode, rootNode } from './compile-matcher';
import { foldWord, isWordJoiner, nextWordStart, plainWordHash, wordEnd } from './tokenise';

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
  /**
   * Whether the text around the block has medical terms, for the `medical-context` rule when the
   * block itself has none: a lab report's table puts "MCV 101 fL" in a row of its own. Asked only
   * then, so its cost is paid by the few blocks that need it.
   */
  hasContextAround?: () => boolean;
}

/**
 * Finds glossary names in one block of text: whole words only, leftmost-longest, never
 * overlapping. Names flagged as ambiguous are kept only where their rules hold.
 *
 * The text is lower-cased once; each word is looked up as it is and folded (accents, British
 * spellings) only when that lookup misses and the word could fold to something else. Words after
 * the first are only read when the first one starts a name.
 */
export function findMatches(text: string, matcher: Matcher, options: FindOptions = {}): TermMatch[] {
  const named = findCandidates(text, matcher);
  if (!named.some((f) => f.form.rules.length > 0)) return named.map((f) => f.match);
  return applyAmbiguityRules(text, named, options.isNoun ?? guessIsNoun, options.hasContextAround ?? (() => false));
}

/** findMatches on each paragraph of a plain-text file on its own (see plainTextParagraphs), with offsets into the whole text. */
export function findMatchesByLine(text: string, matcher: Matcher, options: FindOptions = {}): TermMatch[] {
  const matches: TermMatch[] = [];
  for (const paragraph of plainTextParagraphs(text)) {
    for (const match of findMatches(paragraph.text, matcher, options)) {
      matches.push({ entry: match.entry, start: paragraph.start + match.start, end: paragraph.start + match.end });
    }
  }
  return matches;
}

/**
 * The paragraphs of a plain-text file, with where each starts. A line is a paragraph (a heading
 * line is a heading, not the start of the sentence below it), unless the file is hard-wrapped and
 * the wrap ended the line (see wrappedLineEnds): then the break is read as the space it stands
 * for, so a name split across two lines is one name. A paragraph's text has the length it has in
 * the file, so offsets into it are offsets into the file.
 */
export function plainTextParagraphs(text: string): { text: string; start: number }[] {
  const paragraphs: { text: string; start: number }[] = [];
  const lines = text.split('\n');
  const wrapped = wrappedLineEnds(lines);
  let start = 0;
  let joined: string[] = [];
  lines.forEach((line, index) => {
    joined.push(line);
    if (wrapped.has(index)) return;
    const paragraph = joined.join(' ');
    paragraphs.push({ text: paragraph, start });
    start += paragraph.length + 1;
    joined = [];
  });
  return paragraphs;
}

/** The longest line a hard-wrapped text can have; longer lines are paragraphs of their own. */
const MAX_WRAP_WIDTH = 100;
/** The shortest width a text is taken to be wrapped at: a list of short lines is not wrapped prose. */
const MIN_WRAP_WIDTH = 50;

/**
 * The lines of a text that a hard wrap ended (an old discharge letter, a leaflet saved from an
 * email): the indexes of lines whose break stands for a space. A text is hard-wrapped when nearly
 * all its lines fit in a width of MIN_WRAP_WIDTH to MAX_WRAP_WIDTH; a line there was wrapped when
 * the next line's first word would not have fitted after it, which is how wrapping decides. A
 * heading or the end of a paragraph is shorter than that, and keeps its break.
 */
export function wrappedLineEnds(lines: readonly string[]): Set<number> {
  const wrapped = new Set<number>();
  const lengths = lines.map((line) => line.trimEnd().length);
  const filled = lengths.filter((length) => length > 0);
  const fitting = filled.filter((length) => length <= MAX_WRAP_WIDTH);
  if (filled.length < 3 || fitting.length < 0.9 * filled.length) return wrapped;
  // Not Math.max(...fitting): a long file has more lines than a call takes arguments.
  const width = fitting.reduce((widest, length) => Math.max(widest, length), 0);
  if (width < MIN_WRAP_WIDTH) return wrapped;
  for (let index = 0; index + 1 < lines.length; index++) {
    const lineLength = lengths[index]!;
    const nextWordLength = /^\s*\S+/.exec(lines[index + 1]!)?.[0].length ?? 0;
    if (lineLength > 0 && lineLength <= width && nextWordLength > 0 && lineLength + 1 + nextWordLength > width) wrapped.add(index);
  }
  return wrapped;
}

/**
 * How many of the texts hold a name that needs no context to be a medical term (no ambiguity
 * rule): what makes a table or list medical context for its blocks (see context-group.ts).
 */
export function countMedicalTexts(texts: readonly string[], matcher: Matcher): number {
  return texts.filter((text) => findCandidates(text, matcher).some((f) => f.form.rules.length === 0)).length;
}

/** Every name in a text, leftmost-longest, before the ambiguity rules are applied. */
function findCandidates(text: string, matcher: Matcher): { match: TermMatch; form: CompiledForm }[] {
  const lowerWhole = text.toLowerCase();
  // Lower-casing can change the length ("İ" becomes two units); then offsets would drift.
  const lower = lowerWhole.length === text.length ? lowerWhole : undefined;
  const keyOf = (start: number, end: number) => (lower ? lower.slice(start, end) : text.slice(start, end).toLowerCase());

  const found: { match: TermMatch; form: CompiledForm }[] = [];
  for (let start = nextWordStart(text, 0); start >= 0;) {
    const end = wordEnd(text, start);
    const hash = lower ? plainWordHash(lower, start, end) : -1;
    if (hash >= 0 && (matcher.firstWordHashes[hash >>> 5]! & (1 << (hash & 31))) === 0) {
      start = nextWordStart(text, end);
      continue;
    }
    // A word with a hash is its own key: folding it would give the same string.
    let node = lookUpFirst(matcher, keyOf(start, end), hash < 0);
    let best: { form: CompiledForm; end: number } | undefined;
    let wordStartAt = start;
    let wordEndAt = end;
    let wordCount = 1;
    while (node) {
      const form = formWrittenAs(node, text, start, wordEndAt);
      if (form) best = { form, end: wordEndAt };
      if (!node.next || wordCount >= matcher.longestName) break;
      const nextStart = nextWordStart(text, wordEndAt);
      if (nextStart < 0) break;
      if (!isWordJoiner(text.slice(wordEndAt, nextStart), text.slice(wordStartAt, wordEndAt))) break;
      const nextEnd = wordEnd(text, nextStart);
      node = lookUp(node.next, keyOf(nextStart, nextEnd), true);
      wordStartAt = nextStart;
      wordEndAt = nextEnd;
      wordCount++;
    }
    if (best) {
      found.push({ match: { entry: best.form.entry, start, end: best.end }, form: best.form });
      start = nextWordStart(text, best.end);
    } else start = nextWordStart(text, end);
  }
  let capitalised: number | undefined;
  // Read once per block, and only if a match needs it: a long block can have many such matches.
  const capitalisedShare = () => (capitalised ??= shareCapitalised(text));
  return found.filter(
    (f) => !isNegated(text, f.match) && (f.form.exactWords ? !isAuthorInitials(text, f.match) : !isInsideProperName(text, f.match, found, capitalisedShare)),
  );
}

/** A capital letter at `lastIndex` (sticky: tested in place, without copying the word out). */
const CAPITAL_AT = /\p{Lu}/uy;

/**
 * Whether a capitalised match is one word of a longer proper name in running text: "the American
 * Diabetes Association", "the Human Phenotype Ontology". The name is an organisation or a resource,
 * not the condition. Headings in title case, and names that start a sentence ("In Lupus, …" is not
 * a name), are left alone, and so is a term right next to another term, whatever their case (a
 * list run together: "Muscle biopsy Pulmonary function testing", "corticosteroids Dapsone Oral").
 */
function isInsideProperName(text: string, match: TermMatch, found: readonly { match: TermMatch }[], capitalisedShare: () => number): boolean {
  CAPITAL_AT.lastIndex = match.start;
  if (!CAPITAL_AT.test(text)) return false;
  const before = /(\S+)(\s+)$/u.exec(text.slice(Math.max(0, match.start - 40), match.start));
  const after = /^(\s+)(\S+)/u.exec(text.slice(match.end, match.end + 40));
  const isName = (word: string | undefined) => word !== undefined && /^\p{Lu}\p{Ll}/u.test(word);
  const previousStartsSentence = before ? startsSentence(text, match.start - before[0].length) : true;
  const isTermAt = (start: number, end: number) => found.some((f) => f.match.start < end && start < f.match.end);
  const nextToTerm =
    (before !== null && isTermAt(match.start - before[0].length, match.start - before[2]!.length)) ||
    (after !== null && isTermAt(match.end + after[1]!.length, match.end + after[0].length));
  if (nextToTerm) return false;
  const joinedBefore = before !== null && isName(before[1]) && !/[.!?:;,]$/.test(before[1]!) && !previousStartsSentence;
  const joinedAfter = after !== null && isName(after[2]?.replace(/[^\p{L}]+$/u, ''));
  if (!joinedBefore && !joinedAfter) return false;
  // Only in running text: a heading in title case capitalises every word anyway.
  return capitalisedShare() < 0.4;
}

/** The share of a text's words that start with a capital letter. */
function shareCapitalised(text: string): number {
  const words = text.match(/\p{L}+/gu) ?? [];
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

/** Whether a word starting at `at` opens a sentence: only white space, or a full stop and the like, before it. */
function startsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i < 0 || '.!?:'.includes(text[i]!);
}

/**
 * Whether a match is the second half of a word in "non-" ("non-invasive test", "non-cancerous"):
 * the word says the opposite of the name. A name that starts with "non" ("non-Hodgkin lymphoma")
 * has already been matched from there, leftmost-longest.
 */
function isNegated(text: string, match: TermMatch): boolean {
  // Most matches follow a space: only those after a hyphen are read further.
  const before = text.charCodeAt(match.start - 1);
  if (before !== 0x2d && before !== 0x2010 && before !== 0x2011) return false;
  return /(?:^|[^\p{L}\p{N}])non[-\u2010\u2011]$/iu.test(text.slice(Math.max(0, match.start - 5), match.start));
}

/**
 * Whether a short abbreviation is an author's initials in a list of references: "Jackson PE, Qian
 * GS, Friesen MD" on a trial listing would otherwise be a pulmonary embolism and a doctor. Initials
 * follow a capitalised surname and end at a comma or full stop.
 */
function isAuthorInitials(text: string, match: TermMatch): boolean {
  if (match.end - match.start > 3) return false;
  return /\p{Lu}\p{Ll}+ $/u.test(text.slice(Math.max(0, match.start - 30), match.start)) && /^[,.;]/.test(text.slice(match.end, match.end + 1));
}

/**
 * The first of a node's forms that the text shows (as written, for exact-case forms). A function of
 * its own, not a callback inside the word loop: a closure there made the engine allocate a scope
 * for every word of the page (most of the matcher's garbage, measured with Chromium's allocation
 * sampling).
 */
function formWrittenAs(node: TrieNode, text: string, start: number, end: number): CompiledForm | undefined {
  for (const form of node.forms) if (!form.exactWords || hasExactWords(text, start, end, form.exactWords)) return form;
  return undefined;
}

function lookUpFirst(matcher: Matcher, lowerWord: string, mayFold: boolean): TrieNode | undefined {
  const node = rootNode(matcher, lowerWord);
  if (node || !mayFold) return node;
  const folded = foldWord(lowerWord);
  return folded === lowerWord ? undefined : rootNode(matcher, folded);
}

function lookUp(level: Map<string, TrieNode>, lowerWord: string, mayFold: boolean): TrieNode | undefined {
  const node = level.get(lowerWord);
  if (node || !mayFold) return node;
  const folded = foldWord(lowerWord);
  return folded === lowerWord ? undefined : level.get(folded);
}

function hasExactWords(text: string, start: number, end: number, words: readonly string[]): boolean {
  let at = start;
  for (const word of words) {
    const wordStart = nextWordStart(text, at);
    if (wordStart < 0 || wordStart >= end) return false;
    const stop = wordEnd(text, wordStart);
    if (text.slice(wordStart, stop).replace(/[\u00AD\u200B-\u200D\u2060]/g, '') !== word) return false;
    at = stop;
  }
  return true;
}

function applyAmbiguityRules(
  text: string,
  found: { match: TermMatch; form: CompiledForm }[],
  isNoun: NonNullable<FindOptions['isNoun']>,
  hasContextAround: () => boolean,
): TermMatch[] {
  const hasPlainMatch = found.some((f) => f.form.rules.length === 0);
  let around: boolean | undefined;
  const inContext = () => hasPlainMatch || (around ??= hasContextAround());
  return found
    .filter(({ match, form }) =>
      form.rules.every((rule) => {
        switch (rule) {
          case 'medical-context':
            return inContext();
          case 'noun':
            return isNoun(text, match.start, match.end);
          case 'not-title-start':
            return !isTitleStart(text, match.start);
          case 'exact-case':
            // Already held word by word while matching (hasExactWords): comparing the whole text
            // too would also demand the same spaces and hyphens, and lose "T score" to "T-score".
            return true;
        }
      }),
    )
    .map((f) => f.match);
}

const VERB_BEFORE = /\b(to|will|would|can|could|may|might|must|shall|should|did|does|do|not|never)\s+$/i;

/** A cheap guess used in the browser: a word right after "to", "will", "can"… is a verb. */
function guessIsNoun(text: string, start: number): boolean {
  return !VERB_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

/** Whether a match opens a short heading written in title case ("Flare Guitars Review"). */
function isTitleStart(text: string, start: number): boolean {
  if (text.length > 120 || text.slice(0, start).trim() !== '') return false;
  return /\p{L}+\P{L}+\p{L}/u.test(text) && shareCapitalised(text) > 0.6;
}
