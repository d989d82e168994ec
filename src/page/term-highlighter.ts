import type { UnderlineStyle } from '../settings/settings';
import { isPlainTextView } from './collect-blocks';
import type { FoundTerm, PageTerms } from './page-terms';
import { firstEndingAfter, nearWindow } from './text-file-view';

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

/** How many consecutive block containers share one pair of observed ends (see Chunk). */
const CHUNK_SIZE = 128;
/** How many consecutive containers of a near chunk are registered or dropped together (see Chunk). */
const PART_SIZE = 64;
/** How long scrolling must have stopped before every chunk's position is read again, and the parts that left are dropped. */
const SCROLL_SETTLE_MS = 120;

type Side = 'above' | 'near' | 'below';

/**
 * Consecutive block containers, in reading order, followed by their first and last only: the
 * stretch is near the viewport when either end is, or when the first is above and the last below
 * (the reader is in its middle).
 */
interface Stretch {
  containers: Element[];
  first: Element;
  last: Element;
  firstSide: Side;
  lastSide: Side;
  near: boolean;
}

/**
 * Block containers found one after another in one scanned subtree, so in reading order, in two
 * levels. The browser's cost of observing grows with the number of targets on every scrolled frame
 * (one target per container cost 57 ms a frame on a 5 MB page, measured in `npm run bench`), so
 * only chunks of 128 containers have their ends observed all the time. While a chunk is near, its
 * parts of 64 have their ends observed too, and only near parts keep their ranges: on each frame in
 * which the page's DOM or style changes, Chromium rebuilds its highlighted text from every
 * registered range, and whole chunks (up to 1,100 ranges on a 1 MB page) cost a page that changes
 * every frame up to 9 ms a frame more (README, Performance). Parts, not single containers: every
 * change to the registered ranges costs such a rebuild too, and containers coming and going one by
 * one changed them on every frame of a scroll (parts of 32 changed them so often that scrolling the
 * 5 MB page cost 6 ms a frame; parts of 64, 3.5 ms).
 *
 * The observers only report an end crossing the viewport, not a jump from below it to above it, so
 * once scrolling stops the ends of every chunk, and of the near chunks' parts, are measured again
 * (a few hundred rectangles on the longest page).
 */
interface Chunk extends Stretch {
  parts: Stretch[];
}

/**
 * Draws underlines with the CSS Custom Highlight API, so the page's DOM is never touched. Only
 * blocks near the viewport have their ranges registered: painting cost then stays flat however
 * long the page is, and registering follows the reader as they scroll.
 */
export class TermHighlighter {
  private readonly highlight = new Highlight();
  private readonly nearViewport = new Set<Element>();
  private readonly chunkOf = new WeakMap<Element, Chunk>();
  private readonly partOf = new WeakMap<Element, Stretch>();
  private readonly chunks = new Set<Chunk>();
  private openChunk: Chunk | undefined;
  /** Ranges of terms the page changed, still registered until their rescan is recorded (see retire). */
  private retired: StaticRange[] = [];
  /** Parts no longer near whose ranges are still registered, until scrolling stops (see settle). */
  private readonly leaving = new Set<Stretch>();
  /** The terms registered in each plain-text file's `<pre>`: only those near the viewport (see showTextFile). */
  private readonly shownInTextFile = new Map<Element, Set<FoundTerm>>();
  /**
   * Each text file's stretch near the viewport (see nearWindow), until the reader scrolls or the
   * window is resized: reading it takes two caret look-ups, and a long file's terms are recorded
   * in dozens of pieces.
   */
  private readonly textWindows = new Map<Element, ReturnType<typeof nearWindow>>();
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onResize = () => this.textWindows.clear();
  private readonly onScroll = () => {
    this.textWindows.clear();
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), SCROLL_SETTLE_MS);
  };
  private readonly observer: IntersectionObserver;
  /** Observes the ends of the near chunks' parts. */
  private readonly partObserver: IntersectionObserver;
  private name: string;

  constructor(
    private readonly doc: Document,
    private readonly terms: PageTerms,
    private readonly isShown: (term: FoundTerm) => boolean,
    style: UnderlineStyle,
  ) {
    this.name = highlightName(style);
    CSS.highlights.set(this.name, this.highlight);
    this.observer = new IntersectionObserver((entries) => this.onIntersection(entries), { rootMargin: VISIBLE_MARGIN });
    this.partObserver = new IntersectionObserver((entries) => this.onPartIntersection(entries), { rootMargin: VISIBLE_MARGIN });
    // Capture: scrolling inside an element moves its blocks too, and scroll events do not bubble.
    doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    doc.defaultView?.addEventListener('resize', this.onResize, { passive: true });
  }

  /**
   * Ends the open chunk: the containers watched from now on come from another part of the page, or
   * a scan has ended. Only then is the chunk's last container observed, not each one in turn as it
   * is added (observing and unobserving every container of a long page cost 6 % of its scan).
   */
  endChunk(): void {
    const chunk = this.openChunk;
    this.openChunk = undefined;
    if (chunk && chunk.last !== chunk.first && this.chunks.has(chunk)) this.observer.observe(chunk.last);
  }

  /** Starts following a block container that has terms. */
  watch(container: Element): void {
    const known = this.chunkOf.get(container);
    if (known && this.chunks.has(known)) return;
    let chunk = this.openChunk;
    if (!chunk || chunk.containers.length >= CHUNK_SIZE) {
      this.endChunk();
      chunk = { ...newStretch(container), parts: [] };
      this.openChunk = chunk;
      this.chunks.add(chunk);
      this.observer.observe(container);
    } else {
      // Until the observer reports on it, the new end is taken to be where the one before it was.
      chunk.last = container;
    }
    chunk.containers.push(container);
    this.chunkOf.set(container, chunk);
    let part = chunk.parts.at(-1);
    if (!part || part.containers.length >= PART_SIZE) {
      part = newStretch(container);
      chunk.parts.push(part);
      if (chunk.near) this.partObserver.observe(container);
    } else {
      // A near chunk's parts are observed as they grow: only the chunk at the top of the page is
      // near while the first scan fills it.
      if (chunk.near) {
        if (part.last !== part.first) this.partObserver.unobserve(part.last);
        this.partObserver.observe(container);
      }
      part.last = container;
    }
    part.containers.push(container);
    this.partOf.set(container, part);
    if (part.near) this.nearViewport.add(container);
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
    for (const term of terms) this.hide(term);
  }

  /**
   * Takes out the underlines of terms whose text the page changed, but only at `dropRetired`: when
   * the rescan that replaces them has recorded its terms. Every change to the registered ranges
   * costs the browser a rebuild of its highlighted text (see Chunk); dropping the old ranges in the
   * task that adds the new ones makes one rebuild of two, and text the page renders again unchanged
   * keeps its underlines throughout instead of losing them for a moment.
   */
  retire(terms: readonly FoundTerm[]): void {
    for (const term of terms) {
      const range = term.releaseRange();
      if (range) this.retired.push(range);
    }
  }

  dropRetired(): void {
    for (const range of this.retired) this.highlight.delete(range);
    this.retired = [];
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
    this.partObserver.disconnect();
    this.doc.removeEventListener('scroll', this.onScroll, { capture: true });
    this.doc.defaultView?.removeEventListener('resize', this.onResize);
    clearTimeout(this.settleTimer);
    this.leaving.clear();
    this.shownInTextFile.clear();
    this.textWindows.clear();
    this.retired = [];
    this.chunks.clear();
    this.openChunk = undefined;
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
      // An entry queued before its element stopped being an end changes no side.
      const chunk = this.chunkOf.get(entry.target);
      if (!chunk || !this.chunks.has(chunk)) continue;
      const side = sideOf(entry);
      if (entry.target === chunk.first) chunk.firstSide = side;
      if (entry.target === chunk.last) chunk.lastSide = side;
      this.updateNear(chunk);
    }
  }

  private onPartIntersection(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const part = this.partOf.get(entry.target);
      // An entry queued before its chunk stopped being near, or its element an end, changes nothing.
      if (!part || !this.chunkOf.get(entry.target)?.near) continue;
      const side = sideOf(entry);
      if (entry.target === part.first) part.firstSide = side;
      if (entry.target === part.last) part.lastSide = side;
      this.updatePartNear(part);
    }
  }

  /** Reads where every chunk's ends, and the near chunks' parts' ends, are now: after a jump, no observer entry says so. */
  private measureChunks(): void {
    const view = this.doc.defaultView;
    if (!view) return;
    const height = view.innerHeight;
    const sideAt = (element: Element): Side => {
      const box = element.getBoundingClientRect();
      if (box.bottom < -height) return 'above';
      return box.top > 2 * height ? 'below' : 'near';
    };
    for (const chunk of this.chunks) {
      if (!chunk.first.isConnected && !chunk.last.isConnected) {
        // The page replaced this stretch: forget it (a container put back is watched anew).
        this.forget(chunk);
        continue;
      }
      const wasNear = chunk.near;
      chunk.firstSide = sideAt(chunk.first);
      chunk.lastSide = sideAt(chunk.last);
      this.updateNear(chunk);
      // A chunk that has just come near hears from its parts' observer; one near before is measured.
      if (!wasNear || !chunk.near) continue;
      for (const part of chunk.parts) {
        part.firstSide = sideAt(part.first);
        part.lastSide = sideAt(part.last);
        this.updatePartNear(part);
      }
    }
  }

  private forget(chunk: Chunk): void {
    if (chunk.near) this.setNear(chunk, false);
    this.chunks.delete(chunk);
    this.observer.unobserve(chunk.first);
    this.observer.unobserve(chunk.last);
    if (this.openChunk === chunk) this.openChunk = undefined;
  }

  private updateNear(chunk: Chunk): void {
    const near = isNear(chunk);
    if (near !== chunk.near) this.setNear(chunk, near);
  }

  /** A chunk that comes near has its parts' ends observed: the observer's first report shows the near ones. */
  private setNear(chunk: Chunk, near: boolean): void {
    chunk.near = near;
    for (const part of chunk.parts) {
      if (near) {
        this.partObserver.observe(part.first);
        this.partObserver.observe(part.last);
      } else {
        this.partObserver.unobserve(part.first);
        this.partObserver.unobserve(part.last);
        if (part.near) this.setPartNear(part, false);
      }
    }
  }

  private updatePartNear(part: Stretch): void {
    const near = isNear(part);
    if (near !== part.near) this.setPartNear(part, near);
  }

  /**
   * A part that comes near is shown at once; one that leaves keeps its ranges until scrolling
   * stops, and all that left go in one change then. While scrolling, the registered ranges then
   * change only as parts come near: each change costs the browser a rebuild (see Chunk).
   */
  private setPartNear(part: Stretch, near: boolean): void {
    part.near = near;
    if (!near) {
      this.leaving.add(part);
      this.settleTimer ??= setTimeout(() => this.settle(), SCROLL_SETTLE_MS);
      return;
    }
    this.leaving.delete(part);
    for (const container of part.containers) {
      // Back before it was dropped, a part keeps what is registered; but the containers the scan
      // added to it while it was away were not shown, and are now.
      if (this.nearViewport.has(container)) continue;
      this.nearViewport.add(container);
      this.showContainer(container);
    }
  }

  /** Scrolling has stopped, or a part left without any: measure where everything is, drop what left. */
  private settle(): void {
    // Parts found to have left while measuring go below too: the timer is still set, so they
    // schedule no settling of their own.
    this.measureChunks();
    for (const part of this.leaving) {
      if (part.near) continue;
      for (const container of part.containers) {
        if (!this.nearViewport.delete(container)) continue;
        for (const term of this.shownInTextFile.get(container) ?? this.terms.termsIn(container)) this.hide(term);
        this.shownInTextFile.delete(container);
      }
    }
    this.leaving.clear();
    this.settleTimer = undefined;
    // Where the reader now is in a text file: its underlines follow within the one container.
    for (const container of this.shownInTextFile.keys()) this.showTextFile(container);
  }

  private hide(term: FoundTerm): void {
    const range = term.releaseRange();
    if (range) this.highlight.delete(range);
  }

  private showContainer(container: Element): void {
    this.ensureRegistered();
    if (isPlainTextView(container)) return this.showTextFile(container);
    for (const term of this.terms.termsIn(container)) {
      if (!this.isShown(term)) continue;
      const range = term.range;
      if (range) this.highlight.add(range);
    }
  }

  /**
   * Registers the terms of a plain-text file's one `<pre>` that lie within a screen of the viewport,
   * and takes out those registered before that no longer do: the file is one container, so its
   * part is near wherever the reader is in it (see text-file-view). Called as its terms are found
   * and when scrolling stops.
   */
  private showTextFile(container: Element): void {
    const terms = this.terms.termsIn(container);
    if (!this.textWindows.has(container)) this.textWindows.set(container, nearWindow(this.doc, container));
    const near = this.textWindows.get(container);
    const shown = new Set<FoundTerm>();
    if (near) {
      for (let index = firstEndingAfter(terms, near.from); index < terms.length && terms[index]!.start < near.to; index++) {
        const term = terms[index]!;
        const range = this.isShown(term) ? term.range : undefined;
        if (!range) continue;
        this.highlight.add(range);
        shown.add(term);
      }
    }
    for (const term of this.shownInTextFile.get(container) ?? []) if (!shown.has(term)) this.hide(term);
    this.shownInTextFile.set(container, shown);
  }
}

function newStretch(container: Element): Stretch {
  return { containers: [], first: container, last: container, firstSide: 'below', lastSide: 'below', near: false };
}

function isNear(stretch: Stretch): boolean {
  return stretch.firstSide === 'near' || stretch.lastSide === 'near' || (stretch.firstSide === 'above' && stretch.lastSide === 'below');
}

/** Where an observed element is: within the margin around the viewport, or wholly above or below it. */
function sideOf(entry: IntersectionObserverEntry): Side {
  if (entry.isIntersecting) return 'near';
  const top = entry.rootBounds?.top ?? 0;
  return entry.boundingClientRect.bottom <= top ? 'above' : 'below';
}
