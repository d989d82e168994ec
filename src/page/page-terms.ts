import type { Matcher } from '../matching/compile-matcher';
import { learnDefinedAbbreviations } from '../matching/defined-abbreviations';
import { findMatches } from '../matching/find-matches';
import { type TextBlock, locateOffset } from './collect-blocks';

/** One occurrence of a glossary term on the page. */
export interface FoundTerm {
  entry: number;
  range: StaticRange;
  container: Element;
  /** The text nodes the term spans, first to last. */
  nodes: Text[];
}

/**
 * Every term found on the page, indexed the ways they are looked up: by block container (to show
 * or drop a block's underlines) and by text node (to find the term under the pointer, and to drop
 * the terms of text that changed). Every update costs in proportion to what changed, never to the
 * size of the page.
 */
export class PageTerms {
  private readonly byContainer = new Map<Element, FoundTerm[]>();
  private readonly byNode = new Map<Text, FoundTerm[]>();
  /**
   * Reading order of containers: the order they were first scanned in, which is document order for
   * the first scan and for content added after it. Kept when a container is rescanned, so ordering
   * never needs the DOM (sorting tens of thousands of terms with compareDocumentPosition froze long
   * pages for seconds).
   */
  private readonly order = new WeakMap<Element, number>();
  private nextOrder = 0;

  get size(): number {
    return this.byContainer.size;
  }

  /**
   * Finds the terms of one block, records them and returns them. Abbreviations the block defines
   * are added to the page's matcher for the blocks after it.
   */
  addBlock(block: TextBlock, matcher: Matcher): FoundTerm[] {
    const matches = findMatches(block.text, matcher);
    if (matches.length === 0) return [];
    learnDefinedAbbreviations(block.text, matches, matcher);
    const found = matches.map((match) => {
      const start = locateOffset(block, match.start, false);
      const end = locateOffset(block, match.end, true);
      const range = new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
      const term: FoundTerm = { entry: match.entry, range, container: block.container, nodes: block.nodes.slice(start.index, end.index + 1) };
      for (const node of term.nodes) {
        const terms = this.byNode.get(node);
        if (terms) terms.push(term);
        else this.byNode.set(node, [term]);
      }
      return term;
    });
    const list = this.byContainer.get(block.container);
    // A loop, not push(...found): one huge block can hold more terms than a call takes arguments.
    if (list) for (const term of found) list.push(term);
    else this.byContainer.set(block.container, found);
    if (!this.order.has(block.container)) this.order.set(block.container, this.nextOrder++);
    return found;
  }

  /** Forgets every term of one block container; returns them. */
  removeContainer(container: Element): FoundTerm[] {
    const removed = this.byContainer.get(container) ?? [];
    this.byContainer.delete(container);
    for (const term of removed) this.unindexNodes(term);
    return removed;
  }

  /** Forgets every term that spans a text node; returns them. */
  removeTermsOf(node: Text): FoundTerm[] {
    const removed = [...(this.byNode.get(node) ?? [])];
    for (const term of removed) {
      this.unindexNodes(term);
      const list = this.byContainer.get(term.container);
      const kept = list?.filter((t) => t !== term) ?? [];
      if (kept.length > 0) this.byContainer.set(term.container, kept);
      else this.byContainer.delete(term.container);
    }
    return removed;
  }

  /**
   * Forgets the terms of every container inside `root`. It looks at every container, so it is
   * kept for rare changes (a region made editable), not for the page's everyday updates.
   */
  removeWithin(root: Node): FoundTerm[] {
    const removed: FoundTerm[] = [];
    for (const container of [...this.byContainer.keys()]) {
      if (containsAcrossShadow(root, container)) for (const term of this.removeContainer(container)) removed.push(term);
    }
    return removed;
  }

  termsIn(container: Element): readonly FoundTerm[] {
    return this.byContainer.get(container) ?? [];
  }

  termsAt(node: Text): readonly FoundTerm[] {
    return this.byNode.get(node) ?? [];
  }

  hasContainer(container: Element): boolean {
    return this.byContainer.has(container);
  }

  /** Every term, in any order: for counting. */
  unordered(): FoundTerm[] {
    return [...this.byContainer.values()].flat();
  }

  /** Every term in reading order (see `order`); terms within a container are in text order. */
  all(): FoundTerm[] {
    const containers = [...this.byContainer.keys()].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
    return containers.flatMap((container) => this.byContainer.get(container)!);
  }

  clear(): void {
    this.byContainer.clear();
    this.byNode.clear();
  }

  private unindexNodes(term: FoundTerm): void {
    for (const node of term.nodes) {
      const kept = this.byNode.get(node)?.filter((t) => t !== term) ?? [];
      if (kept.length > 0) this.byNode.set(node, kept);
      else this.byNode.delete(node);
    }
  }
}

/** Whether `node` is inside `root`, looking through the shadow roots between them. */
function containsAcrossShadow(root: Node, node: Node): boolean {
  for (let current: Node | null = node; current;) {
    if (current === root) return true;
    const parent: Node | null = current.parentNode;
    current = parent ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}
