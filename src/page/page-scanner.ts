import type { Matcher } from '../matching/compile-matcher';
import { walkBlocks } from './collect-blocks';
import type { FoundTerm, PageTerms } from './page-terms';
import { SLICE_BUDGET_MS, SLICE_MS, yieldToPage } from './slice-scheduler';

/**
 * How much work passes between two looks at the clock: a block counts 1, and 1 more for every 256
 * characters of it (about 15 µs of matching), so a slice overruns its budget by well under 1 ms.
 */
const CLOCK_EVERY = 8;

export interface ScanListener {
  /** A subtree's walk begins: its containers follow one another in reading order. */
  onRootStarted(): void;
  /** Terms were found in a block container (the container's earlier terms were dropped first). */
  onFound(container: Element): void;
  /** Terms were dropped because their text changed or left the page. */
  onRemoved(removed: FoundTerm[]): void;
  /** The queue is empty: everything asked for has been scanned. */
  onIdle(): void;
  /** An open shadow root was walked: its later changes must be watched too. */
  onShadowRoot(shadowRoot: ShadowRoot): void;
  /** A custom element not defined yet was passed (see WalkWatchers). */
  onUndefinedElement(element: Element): void;
}

/**
 * What one pass of the scanner cost: from the first root queued while it was idle until its queue
 * ran empty. Kept for the first pass (the whole page) and the latest one (a page change), so the
 * benchmark and the tests can check that work follows what changed, not the size of the page.
 */
export interface ScanPass {
  /** performance.now() when the pass began and ended. */
  startedAt: number;
  endedAt: number;
  /** Time spent scanning, without the pauses given to the page. */
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  /** Slices that ran past SLICE_MS: a long block's work, a garbage collection, first-run compiling. */
  slicesOverLimit: number;
  blocks: number;
  characters: number;
  termsFound: number;
}

export interface ScanStats {
  first: ScanPass | undefined;
  latest: ScanPass | undefined;
}

/**
 * Scans roots of the page in slices of at most SLICE_MS, yielding to the page between slices,
 * so a long page never causes a long task. Roots queued while a scan runs are scanned after it.
 */
export class PageScanner {
  private readonly queue: Node[] = [];
  private running = false;
  private stopped = false;
  readonly stats: ScanStats = { first: undefined, latest: undefined };

  constructor(
    private readonly terms: PageTerms,
    private readonly matcher: Matcher,
    private readonly listener: ScanListener,
  ) {}

  /** Queues a subtree (or the whole document) for scanning. */
  scan(root: Node): void {
    if (this.stopped) return;
    this.queue.push(root);
    if (this.running) return;
    // Started a moment later, so that the roots a page change queues together make one pass.
    this.running = true;
    queueMicrotask(() => void this.run());
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private async run(): Promise<void> {
    let sliceStart = performance.now();
    let deadline = sliceStart + SLICE_BUDGET_MS;
    const pass: ScanPass = {
      startedAt: sliceStart,
      endedAt: sliceStart,
      busyMs: 0,
      slices: 1,
      longestSliceMs: 0,
      slicesOverLimit: 0,
      blocks: 0,
      characters: 0,
      termsFound: 0,
    };
    const endSlice = () => {
      const length = performance.now() - sliceStart;
      pass.busyMs += length;
      pass.longestSliceMs = Math.max(pass.longestSliceMs, length);
      if (length > SLICE_MS) pass.slicesOverLimit++;
    };
    this.terms.startPass();
    let sinceClock = 0;
    while (this.queue.length > 0 && !this.stopped) {
      const root = this.queue.shift()!;
      if (!root.isConnected) continue;
      this.listener.onRootStarted();
      const scan = this.terms.startScan();
      const onStale = (stale: FoundTerm[]) => this.listener.onRemoved(stale);
      const blocks = walkBlocks(root, {
        shadowRoot: (shadowRoot) => this.listener.onShadowRoot(shadowRoot),
        undefinedElement: (element) => this.listener.onUndefinedElement(element),
      });
      for (;;) {
        // The clock is read every few blocks, not every block: from the content script's world a
        // read costs about half a microsecond, and a long page has tens of thousands of blocks.
        if (sinceClock >= CLOCK_EVERY) {
          sinceClock = 0;
          if (performance.now() > deadline) {
            endSlice();
            await yieldToPage();
            if (this.stopped) break;
            sliceStart = performance.now();
            deadline = sliceStart + SLICE_BUDGET_MS;
            pass.slices++;
          }
        }
        const next = blocks.next();
        if (next.done) break;
        const block = next.value;
        const found = this.terms.addBlock(block, this.matcher, scan, onStale);
        pass.blocks++;
        pass.characters += block.text.length;
        sinceClock += 1 + (block.text.length >> 8);
        pass.termsFound += found.length;
        if (found.length > 0) this.listener.onFound(block.container);
      }
    }
    endSlice();
    pass.endedAt = performance.now();
    this.stats.first ??= pass;
    this.stats.latest = pass;
    this.running = false;
    if (!this.stopped) this.listener.onIdle();
  }
}
