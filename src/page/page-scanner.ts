import type { BatchMatches, FlatMatches, MatchService } from '../matching/match-session';
import { type TextBlock, walkBlocks } from './collect-blocks';
import { CONTEXT_GROUP_SELECTOR, givesMedicalContext, readContextGroup } from './context-group';
import type { FoundTerm, PageTerms } from './page-terms';
import { SLICE_BUDGET_MS, SLICE_MS, yieldToPage } from './slice-scheduler';

/**
 * How much work passes between two looks at the clock: a block counts 1, and 1 more for every 256
 * characters of it, so a slice overruns its budget by well under 1 ms.
 */
const CLOCK_EVERY = 8;

/**
 * How much text one request to the matcher may carry. Batches grow from one slice's blocks (so the
 * top of the page is underlined soon) through FIRST_BATCH_CHARS up to this, and from the second
 * batch on, the walk waits for each batch's terms to be recorded before it goes on.
 *
 * Why the walk waits: when it sent each slice's blocks and walked on, the background's matching
 * and the browser passing the text along ran beside it, and on a 2-core machine the main thread
 * was set aside in mid-slice. A 1 MB page's scan took 3× the main-thread time (284 against 93 ms)
 * with 12 slices over 8 ms instead of 1 (medians of 8 loads in Chromium, builds taking turns).
 * All its matches were found no sooner (524 against 529 ms); a 0.5 MB Wikipedia article's came
 * 15–20 % later, for half the main-thread time. The first batch is matched in a moment, so the
 * walk goes on beside it: a news article's second batch is then often its last.
 * Why batches grow: a round trip to the background waits 10–60 ms whatever its size (mostly before
 * the background gets the request). Why no bigger: a string of 200,000 characters took 5–12 ms to
 * post where one of 130,000 took 1–3 ms (and one of 1 MB 40–66 ms), so a batch is sent as soon as
 * it reaches the limit, before its slice would end: a slice that read long paragraphs in one call
 * each had sent batches of up to 230,000 characters (1 MB page: all matches found 7–10 % sooner,
 * in two A/B runs of 8 and 10 loads).
 */
export const BATCH_CHARS_LIMIT = 100_000;
const FIRST_BATCH_CHARS = 25_000;

/** The blocks walked for one request to the matcher, with what their terms are recorded under. */
interface Batch {
  blocks: TextBlock[];
  /** The scan each block belongs to (see PageTerms.startScan). */
  scans: number[];
  /** Where a new root's blocks begin (see ScanListener.onRootStarted). */
  rootStarts: Set<number>;
}

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
  /**
   * Main-thread time the pass took from the page: walking, posting the text to the matcher and
   * recording terms, without the pauses given to the page (the matching itself runs in the
   * background, on another thread).
   */
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
 * Scans roots of the page: walks them in slices of at most SLICE_MS, yielding to the page between
 * slices, so a long page never causes a long task, and sends the blocks walked to the matcher in
 * batches (see BATCH_CHARS_LIMIT). The matcher runs in the extension's background, on another
 * thread: on a long page, finding the names took most of the main-thread time the scan cost, with
 * code that was cold on every page. Its answers are recorded in the order the blocks were walked.
 * Roots queued while a scan runs are scanned after it.
 */
export class PageScanner {
  private readonly queue: Node[] = [];
  private running = false;
  private stopped = false;
  readonly stats: ScanStats = { first: undefined, latest: undefined };
  /**
   * Whether a table or list gives its blocks medical context, asked once per pass (see
   * groupGivesContext): a page that adds rows is asked again when they are scanned, but a pass over
   * many changed rows of one table reads it once.
   */
  private readonly groupContext = new Map<Element, Promise<boolean>>();

  constructor(
    private readonly terms: PageTerms,
    private readonly matching: MatchService,
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

  /** Whether a pass is under way: it ends with ScanListener.onIdle. */
  get scanning(): boolean {
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private async run(): Promise<void> {
    const pass: ScanPass = {
      startedAt: performance.now(),
      endedAt: 0,
      busyMs: 0,
      slices: 0,
      longestSliceMs: 0,
      slicesOverLimit: 0,
      blocks: 0,
      characters: 0,
      termsFound: 0,
    };
    this.groupContext.clear();
    // Answers are recorded in the order the blocks were walked, whichever comes first.
    let recorded = Promise.resolve();
    // Roots queued while the last answers were awaited are walked in the same pass.
    while (this.queue.length > 0 && !this.stopped) {
      await this.walkQueue(pass, (batch) => {
        const answer = this.matching.match(batch.blocks.map((block) => ({ text: block.text, byLine: block.linesAreParagraphs === true })));
        recorded = recorded.then(() => this.record(batch, answer, pass));
        return recorded;
      });
      await recorded;
    }
    pass.endedAt = performance.now();
    this.stats.first ??= pass;
    this.stats.latest = pass;
    this.running = false;
    if (!this.stopped) this.listener.onIdle();
  }

  /**
   * Walks every queued root in slices and hands the blocks walked to `match` in batches; from the
   * second batch on, it waits for each batch's terms to be recorded before walking on (see
   * BATCH_CHARS_LIMIT).
   */
  private async walkQueue(pass: ScanPass, match: (batch: Batch) => Promise<void>): Promise<void> {
    let slice = startSlice();
    let batch: Batch = { blocks: [], scans: [], rootStarts: new Set() };
    let batchChars = 0;
    // The first batch is one slice's blocks, so the top of the page is underlined soon.
    let batchTarget = 0;
    const endSlice = async (last: boolean) => {
      if (batch.blocks.length === 0 || (batchChars < batchTarget && !last)) {
        countSlice(pass, slice);
        return;
      }
      // A root started just before the slice ended starts the next batch instead.
      const rootStarting = batch.rootStarts.has(batch.blocks.length);
      const full = batch;
      const fullChars = batchChars;
      batch = { blocks: [], scans: [], rootStarts: new Set(rootStarting ? [0] : []) };
      batchChars = 0;
      const first = batchTarget === 0;
      batchTarget = Math.min(Math.max(2 * batchTarget, FIRST_BATCH_CHARS), BATCH_CHARS_LIMIT);
      // Posting a batch makes the browser copy and encode its text: 0.5–3 ms for 100,000 characters
      // on a quiet page, 7–54 ms while a long page loads (traced, garbage collections inside).
      // Unless the batch is short and the slice has time left, it is posted in a slice of its own.
      if (fullChars > FIRST_BATCH_CHARS || performance.now() > slice.deadline) {
        countSlice(pass, slice);
        await yieldToPage();
        if (this.stopped) return;
        slice = startSlice();
      }
      const recorded = match(full);
      countSlice(pass, slice);
      // The first batch is one slice's text, matched in a moment: the walk goes on beside it.
      if (!first) await recorded;
    };
    let sinceClock = 0;
    while (this.queue.length > 0 && !this.stopped) {
      const root = this.queue.shift()!;
      if (!root.isConnected) continue;
      batch.rootStarts.add(batch.blocks.length);
      const scan = this.terms.startScan();
      const blocks = walkBlocks(root, {
        shadowRoot: (shadowRoot) => this.listener.onShadowRoot(shadowRoot),
        undefinedElement: (element) => this.listener.onUndefinedElement(element),
      });
      for (;;) {
        // The clock is read every few blocks, not every block: from the content script's world a
        // read costs about half a microsecond, and a long page has tens of thousands of blocks.
        if (sinceClock >= CLOCK_EVERY) {
          sinceClock = 0;
          if (batchChars >= BATCH_CHARS_LIMIT || performance.now() > slice.deadline) {
            await endSlice(false);
            await yieldToPage();
            if (this.stopped) return;
            slice = startSlice();
          }
        }
        const next = blocks.next();
        if (next.done) break;
        const block = next.value;
        batch.blocks.push(block);
        batch.scans.push(scan);
        pass.blocks++;
        pass.characters += block.text.length;
        batchChars += block.text.length;
        sinceClock += 1 + (block.text.length >> 8);
      }
    }
    await endSlice(true);
  }

  /** Records one batch's terms when the matcher's answer comes, in the order the blocks were walked. */
  private async record(batch: Batch, answer: Promise<BatchMatches>, pass: ScanPass): Promise<void> {
    const matches = await answer.catch(() => undefined);
    if (!matches || this.stopped) return;
    const inContext = await this.blocksInContext(batch, matches);
    if (this.stopped) return;
    let slice = startSlice();
    const onStale = (stale: FoundTerm[]) => this.listener.onRemoved(stale);
    for (let index = 0; index < batch.blocks.length; index++) {
      // A batch can hold thousands of terms: recording them takes its pauses like the walk.
      if (index % CLOCK_EVERY === 0 && performance.now() > slice.deadline) {
        countSlice(pass, slice);
        await yieldToPage();
        if (this.stopped) return;
        slice = startSlice();
      }
      const block = batch.blocks[index]!;
      if (batch.rootStarts.has(index)) this.listener.onRootStarted();
      const found: FlatMatches = inContext.get(index) ?? matches.found[index] ?? [];
      // A block whose container left the page while its text was being matched keeps no terms.
      if (found.length > 0 && !block.container.isConnected) continue;
      const count = this.terms.addFound(block, found, batch.scans[index]!, onStale);
      pass.termsFound += count;
      if (count > 0) this.listener.onFound(block.container);
    }
    countSlice(pass, slice);
  }

  /** The blocks whose table or list gives their ambiguous names medical context, with the matches they then have. */
  private async blocksInContext(batch: Batch, matches: BatchMatches): Promise<Map<number, FlatMatches>> {
    const inContext = new Map<number, FlatMatches>();
    await Promise.all(
      matches.withContext.map(async ([index, withContext]) => {
        const block = batch.blocks[index];
        if (block && (await this.groupGivesContext(block.container))) inContext.set(index, withContext);
      }),
    );
    return inContext;
  }

  /** Whether the table or list a block sits in gives it medical context (see context-group.ts), asked once per group per pass. */
  private groupGivesContext(container: Element): Promise<boolean> {
    const element = container.closest(CONTEXT_GROUP_SELECTOR);
    if (!element) return Promise.resolve(false);
    let known = this.groupContext.get(element);
    if (!known) {
      const group = readContextGroup(element);
      known = this.matching
        .countMedicalTexts(group.texts)
        .then((withTerms) => givesMedicalContext(group, withTerms))
        .catch(() => false);
      this.groupContext.set(element, known);
    }
    return known;
  }
}

/** One stretch of the scanner's work on the main thread, and when it should stop taking more. */
interface Slice {
  start: number;
  deadline: number;
}

function startSlice(): Slice {
  const start = performance.now();
  return { start, deadline: start + SLICE_BUDGET_MS };
}

function countSlice(pass: ScanPass, slice: Slice): void {
  const length = performance.now() - slice.start;
  pass.busyMs += length;
  pass.slices++;
  pass.longestSliceMs = Math.max(pass.longestSliceMs, length);
  if (length > SLICE_MS) pass.slicesOverLimit++;
}
