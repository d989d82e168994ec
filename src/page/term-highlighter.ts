import type { UnderlineStyle } from '../settings/settings';
import type { FoundTerm, PageTerms } from './page-terms';

/**
 * The highlight name for a style. The page's highlight registry is shared with its own scripts:
 * the prefix keeps ours apart. Firefox before 153 draws no text-decoration in ::highlight() (only
 * background colours), so there every style falls back to the tint, or nothing would show.
 */
export function highlightName(style: UnderlineStyle, userAgent: string = globalThis.navigator?.userAgent ?? ''): string {
  const firefox = /Firefox\/(\d+)/.exec(userAgent);
  const drawsUnderlines = !firefox || Number(firefox[1]) >= 153;
  return `medgloss-term-${drawsUnderlines ? style : 'tint'}`;
}

/** How far outside the viewport underlines are kept ready: a screen above and below. */
const VISIBLE_MARGIN = '100% 0px 100% 0px';

/**
 * Draws underlines with the CSS Custom Highlight API, so the page's DOM is never touched. Only
 * blocks near the viewport have their ranges registered: painting cost then stays flat however
 * long the page is, and registering follows the reader as they scroll.
 */
export class TermHighlighter {
  private readonly highlight = new Highlight();
  private readonly nearViewport = new Set<Element>();
  private readonly observer: IntersectionObserver;
  private name: string;

  constructor(
    private readonly terms: PageTerms,
    private readonly isShown: (term: FoundTerm) => boolean,
    style: UnderlineStyle,
  ) {
    this.name = highlightName(style);
    CSS.highlights.set(this.name, this.highlight);
    this.observer = new IntersectionObserver((entries) => this.onIntersection(entries), { rootMargin: VISIBLE_MARGIN });
  }

  /** Starts following a block container that has terms. */
  watch(container: Element): void {
    this.observer.observe(container);
  }

  /** Stops following a container whose terms are gone. */
  unwatch(container: Element): void {
    this.observer.unobserve(container);
    this.nearViewport.delete(container);
  }

  /** Re-applies `isShown` to every registered block, after a settings change. */
  refresh(): void {
    this.ensureRegistered();
    this.highlight.clear();
    for (const container of this.nearViewport) this.showContainer(container);
  }

  /** Adds newly found terms of a container that is already near the viewport. */
  showIfNear(container: Element): void {
    if (this.nearViewport.has(container)) this.showContainer(container);
  }

  removeRanges(terms: readonly FoundTerm[]): void {
    for (const term of terms) this.highlight.delete(term.range);
  }

  setStyle(style: UnderlineStyle): void {
    const name = highlightName(style);
    if (name === this.name) return;
    CSS.highlights.delete(this.name);
    this.name = name;
    CSS.highlights.set(this.name, this.highlight);
  }

  /** Removes every underline and stops observing. */
  stop(): void {
    this.observer.disconnect();
    this.nearViewport.clear();
    this.highlight.clear();
    if (CSS.highlights.get(this.name) === this.highlight) CSS.highlights.delete(this.name);
  }

  /** The registry is the page's too: if its scripts cleared it, register our highlight again. */
  ensureRegistered(): void {
    if (CSS.highlights.get(this.name) !== this.highlight) CSS.highlights.set(this.name, this.highlight);
  }

  private onIntersection(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        this.nearViewport.add(entry.target);
        this.showContainer(entry.target);
      } else if (this.nearViewport.delete(entry.target)) {
        for (const term of this.terms.termsIn(entry.target)) this.highlight.delete(term.range);
      }
    }
  }

  private showContainer(container: Element): void {
    this.ensureRegistered();
    for (const term of this.terms.termsIn(container)) {
      if (this.isShown(term)) this.highlight.add(term.range);
    }
  }
}
