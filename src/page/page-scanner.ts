import type { Matcher } from '../matching/compile-matcher';
import { walkBlocks } from './collect-blocks';
import type { FoundTerm, PageTerms } from './page-terms';
import { SLICE_MS, yieldToPage } from './slice-scheduler';

export interface ScanListener {
  /** Terms were found in a block container (the container's earlier terms were dropped first). */
  onFound(container: Element): void;
  /** Terms were dropped because their text changed or left the page. */
  onRemoved(removed: FoundTerm[]): void;
  /** The queue is empty: everything asked for has been scanned. */
  onIdle(): void;
  /** An open shadow root was walked: its later changes must be watched too. */
  onShadowRoot(shadowRoot: ShadowRoot): void;
}

/**
 * Scans roots of the page in slices of at most SLICE_MS, yielding to the page between slices,
 * so a long page never causes a long task. Roots queued while a scan runs are scanned after it.
 */
export class PageScanner {
  private readonly queue: Node[] = [];
  private running = false;
  private stopped = false;

  constructor(
    private readonly terms: PageTerms,
    private readonly matcher: Matcher,
    private readonly listener: ScanListener,
  ) {}

  /** Queues a subtree (or the whole document) for scanning. */
  scan(root: Node): void {
    if (this.stopped) return;
    this.queue.push(root);
    if (!this.running) void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private async run(): Promise<void> {
    this.running = true;
    let deadline = performance.now() + SLICE_MS;
    while (this.queue.length > 0 && !this.stopped) {
      const root = this.queue.shift()!;
      if (!root.isConnected) continue;
      const cleared = new Set<Element>();
      const blocks = walkBlocks(root, (shadowRoot) => this.listener.onShadowRoot(shadowRoot));
      for (;;) {
        if (performance.now() > deadline) {
          await yieldToPage();
          if (this.stopped) break;
          deadline = performance.now() + SLICE_MS;
        }
        const next = blocks.next();
        if (next.done) break;
        const block = next.value;
        if (!cleared.has(block.container)) {
          cleared.add(block.container);
          const removed = this.terms.removeContainer(block.container);
          if (removed.length > 0) this.listener.onRemoved(removed);
        }
        const found = this.terms.addBlock(block, this.matcher);
        if (found.length > 0) this.listener.onFound(block.container);
      }
    }
    this.running = false;
    if (!this.stopped) this.listener.onIdle();
  }
}
