import type { FlatMatches } from '../matching/match-session';
import { type BlockNodes, type TextBlock, findBlockNodes, locateOffset } from './collect-blocks';

/**
 * A block that has terms, as its terms keep it: its first text node (see TextBlock) and its length.
 * Its node list is found again when one of its terms needs a range, and given up with the ranges.
 */
class FoundBlock {
  private found: BlockNodes | undefined;

  constructor(
    private readonly first: Text | null,
    /** The nearest non-inline ancestor of its text (see TextBlock). */
    readonly container: Element,
    private readonly length: number,
  ) {}

  /**
   * The block's text nodes, or undefined if its text is no longer what was scanned (a change the
   * page watcher has not reported yet: the block is rescanned then).
   */
  nodes(): BlockNodes | undefined {
    this.found ??= findBlockNodes(this.first, this.container);
    return this.found.length === this.length ? this.found : undefined;
  }

  release(): void {
    this.found = undefined;
  }
}

/**
 * One occurrence of a glossary term on the page. It keeps the least it can: a long page holds tens
 * of thousands of terms, and what each one keeps is what the garbage collector has to walk while
 * the scan runs (about 400 bytes a term made slices of 25 ms late in a 1 MB page's scan).
 */
export class FoundTerm {
  private madeRange: StaticRange | undefined;

  constructor(
    readonly entry: number,
    /** The term's block, shared by all its terms. */
    private readonly block: FoundBlock,
    /** Where the term starts and ends in the block's joined text. */
    readonly start: number,
    readonly end: number,
  ) {}

  /** The block container the term was found in (one field fewer per term: its block knows it). */
  get container(): Element {
    return this.block.container;
  }

  /**
   * The term's text as a StaticRange, made on first use and then kept, so that the same object can
   * be taken out of the highlight again. Only the terms near the viewport, or pointed at, ever need
   * one: making a range for every term cost a tenth of a long page's scan. Undefined while the
   * block's text differs from what was scanned.
   */
  get range(): StaticRange | undefined {
    if (!this.madeRange) {
      const nodes = this.block.nodes();
      if (!nodes) return undefined;
      const start = locateOffset(nodes, this.start, false);
      const end = locateOffset(nodes, this.end, true);
      this.madeRange = new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
    }
    return this.madeRange;
  }

  /**
   * Gives up the range, if one was made, for the caller to take out of the highlight, and the
   * block's node list with it: a term far from the viewport keeps neither, so what is kept follows
   * the reader, not the length of the page.
   */
  releaseRange(): StaticRange | undefined {
    const range = this.madeRange;
    this.madeRange = undefined;
    this.block.release();
    return range;
  }

  /** Whether the term's text begins or ends inside `node`. */
  isWithin(node: Node): boolean {
    const nodes = this.block.nodes();
    return nodes !== undefined && (node.contains(locateOffset(nodes, this.start, false).node) || node.contains(locateOffset(nodes, this.end, true).node));
  }
}

/**
 * A block's terms as the matcher gave them (entry, start, end, …), kept as that one array until
 * something asks for them (see ContainerTerms.unread).
 */
interface UnreadTerms {
  block: FoundBlock;
  found: FlatMatches;
  /** Where the matched text starts in the block (a piece of a long text file starts further on). */
  base: number;
}

/** What the page's record of one block container holds. */
interface ContainerTerms {
  /** The container's terms that have been asked for, as FoundTerms. */
  terms: FoundTerm[];
  /**
   * Terms recorded but not asked for yet, in text order after `terms`. Most of a long page's terms
   * are never near the viewport, pointed at or listed, and an object made for each one while the
   * scan ran survived the garbage collector's young-generation collections, which copied it. On
   * the 1 MB page those collections took a median of 40 ms of the main thread per load, and 29 ms
   * with the terms kept this way (Chromium traces, 6 loads each); in an A/B of 10 loads each, the
   * scan's main-thread time went from 88 to 79 ms and its longest slice from 9.1 to 5.2 ms. Only
   * terms made into FoundTerms can have ranges, so only those are handed back when dropped.
   */
  unread: UnreadTerms[];
  /**
   * Reading order: the order containers were first scanned in, which is document order for the
   * first scan and for content added after it. Kept when a container is rescanned, so ordering
   * never needs the DOM (sorting tens of thousands of terms with compareDocumentPosition froze long
   * pages for seconds).
   */
  order: number;
  /** The scan that found the terms: a later scan of the container replaces them. */
  scan: number;
}

function hasTerms(record: ContainerTerms): boolean {
  return record.terms.length > 0 || record.unread.length > 0;
}

/** Makes a record's unread terms into FoundTerms, after those already made. */
function readTerms(record: ContainerTerms): FoundTerm[] {
  for (const { block, found, base } of record.unread) {
    for (let i = 0; i < found.length; i += 3) record.terms.push(new FoundTerm(found[i]!, block, base + found[i + 1]!, base + found[i + 2]!));
  }
  record.unread = [];
  return record.terms;
}

/**
 * Every term found on the page, by block container: to show or drop a block's underlines, to find
 * the term under the pointer (in the pointed block), and to drop a block's terms when its text
 * changes. Every update costs in proportion to what changed, never to the size of the page.
 */
export class PageTerms {
  /**
   * One record per container that has had terms, kept while the container is on the page (for its
   * order) and dropped when it leaves (removeWithin). A plain Map, not a WeakMap: leaving is always
   * reported, and weak entries are extra work for the garbage collector during a long scan.
   */
  private readonly byContainer = new Map<Element, ContainerTerms>();
  private nextOrder = 0;
  private nextScan = 0;
  /** How many containers have terms. */
  get size(): number {
    let count = 0;
    for (const record of this.byContainer.values()) if (hasTerms(record)) count++;
    return count;
  }

  /** A new scan of some part of the page: the containers it reaches have their terms found anew. */
  startScan(): number {
    return ++this.nextScan;
  }

  /**
   * Records the terms found in one block (`found`: entry, start, end, … as MatchService gives them)
   * and returns how many there are. The container's terms from an earlier scan are dropped first,
   * and those that were made into FoundTerms handed to `onStale` (a container can hold several
   * blocks, so this is done once per scan, not per block).
   */
  addFound(block: TextBlock, found: FlatMatches, scan: number, onStale?: (stale: FoundTerm[]) => void): number {
    const record = this.byContainer.get(block.container);
    if (record && record.scan !== scan) {
      const stale = record.terms;
      record.terms = [];
      record.unread = [];
      record.scan = scan;
      if (stale.length > 0) onStale?.(stale);
    }
    if (found.length === 0) return 0;
    // Not the block itself: its joined text is not needed again, and would be kept as long as the terms.
    const unread: UnreadTerms = {
      block: new FoundBlock(block.first, block.container, block.piece?.of ?? block.text.length),
      found,
      base: block.piece?.offset ?? 0,
    };
    if (!record) this.byContainer.set(block.container, { terms: [], unread: [unread], order: this.nextOrder++, scan });
    else record.unread.push(unread);
    return found.length / 3;
  }

  /**
   * Forgets every term of one block container (it keeps its place in reading order); returns those
   * that were made into FoundTerms, the only ones that can have ranges.
   */
  removeContainer(container: Element): FoundTerm[] {
    const record = this.byContainer.get(container);
    if (!record) return [];
    const removed = record.terms;
    record.terms = [];
    record.unread = [];
    return removed;
  }

  /**
   * Forgets the containers in a subtree, and their terms: the subtree itself if it is one, every
   * element inside it, and inside the open shadow roots within it. In proportion to the subtree, so
   * a page removing or hiding a small part of itself costs little however long it is. Returns the
   * terms that were made into FoundTerms, as removeContainer does.
   */
  removeWithin(root: Node): FoundTerm[] {
    const removed: FoundTerm[] = [];
    if (this.byContainer.size === 0) return removed;
    const forget = (element: Element) => {
      const record = this.byContainer.get(element);
      if (!record) return;
      this.byContainer.delete(element);
      for (const term of record.terms) removed.push(term);
    };
    const visit = (subtree: Node) => {
      if (subtree.nodeType === Node.ELEMENT_NODE) forget(subtree as Element);
      const walker = (subtree.ownerDocument ?? (subtree as Document)).createTreeWalker(subtree, NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node as Element;
        forget(element);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(root);
    return removed;
  }

  termsIn(container: Element): readonly FoundTerm[] {
    const record = this.byContainer.get(container);
    return record ? readTerms(record) : [];
  }

  /** Every term, in any order: for counting. */
  unordered(): FoundTerm[] {
    return [...this.byContainer.values()].flatMap(readTerms);
  }

  /** Every term in reading order (see ContainerTerms.order); terms within a container are in text order. */
  all(): FoundTerm[] {
    const records = [...this.byContainer.values()].filter(hasTerms).sort((a, b) => a.order - b.order);
    return records.flatMap(readTerms);
  }

  clear(): void {
    this.byContainer.clear();
  }
}
