import type { FoundTerm } from '../page/page-terms';

/** How long the pointer rests on a term before its popover opens (Wikipedia Page Previews' figure). */
export const REST_MS = 500;
/** How long the popover stays after the pointer leaves the term and the popover (WCAG 1.4.13). */
export const GRACE_MS = 300;

export interface HoverTarget {
  /** The term at a point; `target` is the node the pointer event was dispatched to. */
  termAt(x: number, y: number, target: Node | null): FoundTerm | undefined;
  /** Terms inside an element that received keyboard focus, in order. */
  termsWithin(element: Element): FoundTerm[];
  open(term: FoundTerm): void;
  close(): void;
  /** Whether an event happened on the popover itself. */
  isOnPopover(event: Event): boolean;
}

/**
 * Decides when the popover opens and closes, following WCAG 2.1 SC 1.4.13 (content on hover or
 * focus): it opens after the pointer rests on a term, on a tap, or when a term receives focus; it
 * stays while the pointer is on the term or the popover; it closes after a grace period, on
 * Escape or its close button. It never cancels a page event, so selection, double-click, copy and
 * the page's own handlers behave as without it.
 */
export class HoverController {
  private openTerm: FoundTerm | undefined;
  private pendingTerm: FoundTerm | undefined;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | undefined;
  private lastPoint: { x: number; y: number; target: Node | null } = { x: 0, y: 0, target: null };
  private readonly abort = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly target: HoverTarget,
  ) {}

  start(): void {
    const options = { capture: true, passive: true, signal: this.abort.signal };
    // Only the reader's own actions count: events a page makes up (isTrusted false) must not open
    // popovers, or a page could drive our UI and learn that the extension is installed.
    const trusted =
      <E extends Event>(handler: (event: E) => void) =>
      (event: E) => {
        if (event.isTrusted) handler(event);
      };
    this.doc.addEventListener(
      'pointermove',
      trusted((e: PointerEvent) => this.onPointerMove(e)),
      options,
    );
    this.doc.addEventListener(
      'pointerup',
      trusted((e: PointerEvent) => this.onPointerUp(e)),
      options,
    );
    this.doc.addEventListener(
      'keydown',
      trusted((e: KeyboardEvent) => this.onKeyDown(e)),
      options,
    );
    this.doc.addEventListener(
      'focusin',
      trusted((e: FocusEvent) => this.onFocusIn(e)),
      options,
    );
  }

  stop(): void {
    this.abort.abort();
    this.cancelOpen();
    this.cancelClose();
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.openTerm = undefined;
  }

  /** Opens a term's popover now (keyboard, tap, popup). */
  show(term: FoundTerm): void {
    this.cancelOpen();
    this.cancelClose();
    this.openTerm = term;
    this.target.open(term);
  }

  hide(): void {
    this.cancelOpen();
    this.cancelClose();
    if (!this.openTerm) return;
    this.openTerm = undefined;
    this.target.close();
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    if (this.target.isOnPopover(event)) {
      this.cancelClose();
      this.cancelOpen();
      return;
    }
    this.lastPoint = { x: event.clientX, y: event.clientY, target: eventTarget(event) };
    // One hit test per frame however fast the pointer moves.
    this.frame ??= requestAnimationFrame(() => {
      this.frame = undefined;
      this.onPointerAt(this.lastPoint.x, this.lastPoint.y, this.lastPoint.target);
    });
  }

  private onPointerAt(x: number, y: number, target: Node | null): void {
    const term = this.target.termAt(x, y, target);
    if (term && term === this.openTerm) {
      this.cancelClose();
      this.cancelOpen();
      return;
    }
    if (term) {
      if (term !== this.pendingTerm) {
        this.cancelOpen();
        this.pendingTerm = term;
        this.openTimer = setTimeout(() => this.show(term), REST_MS);
      }
    } else {
      this.cancelOpen();
    }
    if (this.openTerm && term !== this.openTerm) this.scheduleClose();
  }

  private onPointerUp(event: PointerEvent): void {
    if (event.pointerType === 'mouse' || this.target.isOnPopover(event)) return;
    // A tap: show the term under the finger at once, or close when tapping elsewhere.
    const term = this.target.termAt(event.clientX, event.clientY, eventTarget(event));
    if (term) this.show(term);
    else this.hide();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.openTerm) this.hide();
  }

  private onFocusIn(event: FocusEvent): void {
    if (this.target.isOnPopover(event) || !(event.target instanceof Element)) return;
    const [first] = this.target.termsWithin(event.target);
    if (first) this.show(first);
    else if (this.openTerm) this.scheduleClose();
  }

  private scheduleClose(): void {
    this.closeTimer ??= setTimeout(() => {
      this.closeTimer = undefined;
      this.hide();
    }, GRACE_MS);
  }

  private cancelOpen(): void {
    if (this.openTimer !== undefined) clearTimeout(this.openTimer);
    this.openTimer = undefined;
    this.pendingTerm = undefined;
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }
}

/** The node an event happened on, inside open shadow roots too (not the host it is retargeted to). */
function eventTarget(event: Event): Node | null {
  const [first] = event.composedPath();
  return first instanceof Node ? first : null;
}
