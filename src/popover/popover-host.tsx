import { type VirtualElement, autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import type { GlossaryEntry } from '../glossary/schema';
import { HOST_TAG } from '../page/collect-blocks';
import { POPOVER_CSS } from './popover-style';
import { type PopoverActions, TermPopover } from './term-popover';
import { localVoice } from './speak-term';

/**
 * The one element MedGloss adds to a page, only while a popover is open: appended to <html>
 * (outside the page's body, which frameworks own), re-created if the page removes it, removed
 * when the popover closes. Its shadow root keeps page CSS out and ours in. While a modal <dialog>
 * or a fullscreen element is up, everything outside it is inert (it can be seen but not clicked),
 * so the host goes inside that element instead, for as long as the popover is open.
 */
export class PopoverHost {
  private host: HTMLElement | undefined;
  private panel: HTMLElement | undefined;
  private liveRegion: HTMLElement | undefined;
  private stopPositioning: (() => void) | undefined;

  constructor(private readonly doc: Document) {}

  /** Shows an entry next to a term's text. */
  show(entry: GlossaryEntry, categoryLabel: string, anchor: StaticRange, actions: PopoverActions, options: { takeFocus?: boolean } = {}): void {
    const panel = this.ensurePanel();
    render(<TermPopover entry={entry} categoryLabel={categoryLabel} voice={localVoice()} {...actions} />, panel);
    this.raiseToTopLayer();
    if (options.takeFocus) panel.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
    this.stopPositioning?.();
    const reference = anchorFor(this.doc, anchor);
    // The text inside is English and stays left to right; its place follows the page's direction.
    const element = anchor.startContainer.parentElement;
    const placement = element && getComputedStyle(element).direction === 'rtl' ? 'bottom-end' : 'bottom-start';
    this.stopPositioning = autoUpdate(reference, panel, () => {
      void computePosition(reference, panel, {
        strategy: 'fixed',
        placement,
        middleware: [offset(6), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        panel.style.left = `${x}px`;
        panel.style.top = `${y}px`;
      });
    });
  }

  /**
   * Closes the popover and takes the host out of the page: a host left behind would be copied by
   * Select All and Copy, and would be one more node for the page's own scripts to trip over.
   */
  hide(): void {
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    if (this.panel) render(null, this.panel);
    this.host?.remove();
    this.host = undefined;
    this.panel = undefined;
    this.liveRegion = undefined;
  }

  /**
   * A modal <dialog> or a fullscreen element sits in the top layer, above any z-index, and makes
   * the rest of the page inert. As a manual popover our host joins the top layer, above them.
   */
  private raiseToTopLayer(): void {
    const host = this.host!;
    if (typeof host.showPopover !== 'function') return;
    // Shown again each time so it goes above whatever entered the top layer since.
    if (host.matches(':popover-open')) host.hidePopover();
    host.showPopover();
  }

  /** Where the host must be to be clickable: inside the element that makes the rest inert, if any. */
  private hostParent(): Element {
    const blocking = this.doc.fullscreenElement ?? [...this.doc.querySelectorAll('dialog')].filter((d) => d.matches(':modal')).at(-1);
    return blocking ?? this.doc.documentElement;
  }

  /** Says something politely to screen readers about the open popover (the keyboard path). */
  announce(text: string): void {
    // Only while a popover is open: its host carries the live region.
    if (!this.liveRegion) return;
    // Clearing first makes a repeated message be read again.
    this.liveRegion.textContent = '';
    setTimeout(() => {
      if (this.liveRegion) this.liveRegion.textContent = text;
    }, 50);
  }

  hasFocus(): boolean {
    return this.host !== undefined && this.doc.activeElement === this.host;
  }

  /** Whether an event's path goes through the popover. */
  containsEvent(event: Event): boolean {
    return this.host !== undefined && event.composedPath().includes(this.host);
  }

  isOwnNode(node: Node): boolean {
    return this.host !== undefined && (node === this.host || this.host.contains(node));
  }

  private ensurePanel(): HTMLElement {
    const parent = this.hostParent();
    if (this.host?.isConnected && this.panel) {
      if (this.host.parentNode !== parent) parent.append(this.host);
      return this.panel;
    }
    const host = this.doc.createElement(HOST_TAG);
    host.setAttribute('popover', 'manual');
    // Inline !important beats any page rule, including `* { all: unset !important }`.
    for (const [property, value] of [
      ['all', 'initial'],
      ['position', 'fixed'],
      ['top', '0'],
      ['left', '0'],
      ['width', '0'],
      ['height', '0'],
      ['z-index', '2147483647'],
      ['display', 'block'],
      ['margin', '0'],
      ['padding', '0'],
      ['border', '0'],
      ['background', 'transparent'],
      ['overflow', 'visible'],
    ]) {
      host.style.setProperty(property!, value!, 'important');
    }
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = POPOVER_CSS;
    const panel = this.doc.createElement('div');
    panel.style.position = 'fixed';
    panel.style.left = '0';
    panel.style.top = '0';
    const liveRegion = this.doc.createElement('div');
    liveRegion.setAttribute('aria-live', 'polite');
    liveRegion.className = 'visually-hidden';
    shadow.append(style, panel, liveRegion);
    parent.append(host);
    this.host = host;
    this.panel = panel;
    this.liveRegion = liveRegion;
    return panel;
  }
}

/** A stand-in for the term's text for the positioning library: its first line box. */
function anchorFor(doc: Document, anchor: StaticRange): VirtualElement {
  const range = doc.createRange();
  const rect = () => {
    try {
      range.setStart(anchor.startContainer, anchor.startOffset);
      range.setEnd(anchor.endContainer, anchor.endOffset);
    } catch {
      return new DOMRect();
    }
    return range.getClientRects()[0] ?? range.getBoundingClientRect();
  };
  return { getBoundingClientRect: rect, contextElement: anchor.startContainer.parentElement ?? undefined };
}
