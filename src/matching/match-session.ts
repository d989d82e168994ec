import { type Matcher, forkMatcher } from './compile-matcher';
import { type DefinedAbbreviation, definedAbbreviations, learnAbbreviations } from './defined-abbreviations';
import { type FindOptions, type TermMatch, countMedicalTexts, findMatches, findMatchesByLine } from './find-matches';

/** A block of a page's text to match, and whether each of its lines is a paragraph (a text file). */
export interface BlockText {
  text: string;
  byLine: boolean;
}

/**
 * One block's matches, flat: entry, start, end, entry, start, end… Tens of thousands of small
 * objects cost more to send between the page and the background than one array of numbers.
 */
export type FlatMatches = number[];

/** What matching a batch of blocks found. */
export interface BatchMatches {
  /** Each block's matches, in the order the blocks were given. */
  found: FlatMatches[];
  /**
   * For the few blocks whose short abbreviations need medical context from around them ("MCV
   * 101 fL" alone in a lab table's row): the block's index and the matches it has if its table
   * gives that context. The page can tell; the matcher sees only the block.
   */
  withContext: [block: number, matches: FlatMatches][];
  /**
   * The abbreviations these blocks defined, when there are any: the page keeps them, to teach a
   * new session if the browser stops the background (see connectMatching).
   */
  defined?: DefinedAbbreviation[];
}

/** The matching a page's scanner asks for: in the background for the extension, in-process for tests and tools. */
export interface MatchService {
  match(blocks: readonly BlockText[]): Promise<BatchMatches>;
  /** How many of the texts (a table's cells, a list's items) hold a term that needs no context: see context-group.ts. */
  countMedicalTexts(texts: readonly string[]): Promise<number>;
}

/**
 * The matching for one page, with what that page has taught it: the abbreviations it defines
 * ("prothrombin time (PT)") hold for its later blocks and for no other page. It starts with the
 * glossary's matcher and forks it when the page first defines one.
 */
export class MatchSession {
  private matcher: Matcher;
  /** The abbreviations learnt, as entry and abbreviation: a page that renders a definition again teaches nothing new. */
  private readonly learnt = new Set<string>();

  constructor(private readonly glossaryMatcher: Matcher) {
    this.matcher = glossaryMatcher;
  }

  match(blocks: readonly BlockText[]): BatchMatches {
    const found: FlatMatches[] = [];
    const withContext: BatchMatches['withContext'] = [];
    const defined: DefinedAbbreviation[] = [];
    blocks.forEach((block, index) => {
      let asked = false;
      const matches = this.findIn(block, {
        hasContextAround: () => {
          asked = true;
          return false;
        },
      });
      // Asked only when a name needs context that the block lacks: then match again as if it had it.
      if (asked) {
        const inContext = this.findIn(block, { hasContextAround: () => true });
        if (inContext.length > matches.length) withContext.push([index, flatten(inContext)]);
      }
      if (matches.length > 0) defined.push(...this.learnFrom(block.text, matches));
      found.push(flatten(matches));
    });
    return defined.length > 0 ? { found, withContext, defined } : { found, withContext };
  }

  /**
   * Learns abbreviations the page defined (in this session, or in one the browser has since
   * stopped) and returns those it did not know yet.
   */
  teach(defined: readonly DefinedAbbreviation[]): DefinedAbbreviation[] {
    const fresh = defined.filter(({ abbreviation, entry }) => {
      const key = `${entry} ${abbreviation}`;
      if (this.learnt.has(key)) return false;
      this.learnt.add(key);
      return true;
    });
    if (fresh.length === 0) return fresh;
    if (this.matcher === this.glossaryMatcher) this.matcher = forkMatcher(this.glossaryMatcher);
    learnAbbreviations(this.matcher, fresh);
    return fresh;
  }

  countMedicalTexts(texts: readonly string[]): number {
    return countMedicalTexts(texts, this.matcher);
  }

  private findIn(block: BlockText, options: FindOptions): TermMatch[] {
    return block.byLine ? findMatchesByLine(block.text, this.matcher, options) : findMatches(block.text, this.matcher, options);
  }

  private learnFrom(text: string, matches: readonly TermMatch[]): DefinedAbbreviation[] {
    return this.teach(definedAbbreviations(text, matches));
  }
}

/** A MatchService that matches in the caller's own thread: tests and tools. */
export function inProcessMatchService(session: MatchSession): MatchService {
  return {
    match: (blocks) => Promise.resolve(session.match(blocks)),
    countMedicalTexts: (texts) => Promise.resolve(session.countMedicalTexts(texts)),
  };
}

function flatten(matches: readonly TermMatch[]): FlatMatches {
  const flat: FlatMatches = [];
  for (const match of matches) flat.push(match.entry, match.start, match.end);
  return flat;
}
