/**
 * Functions that run inside the page under test, shared by the Chromium (Playwright) and Firefox
 * (puppeteer) helpers: both drivers serialise a function and evaluate it in the page, so each
 * must be self-contained (no closures, no imports).
 */

/** The text of every range registered under our highlight names, in registration order. */
export function readHighlightedTexts(): string[] {
  const texts: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('medgloss-term-')) continue;
    for (const staticRange of highlight) {
      const range = document.createRange();
      range.setStart(staticRange.startContainer, staticRange.startOffset);
      range.setEnd(staticRange.endContainer, staticRange.endOffset);
      texts.push(range.toString());
    }
  }
  return texts;
}

/** The viewport box of every range registered under our highlight names (its first line's box). */
export function readHighlightBoxes(): { top: number; bottom: number; left: number; right: number }[] {
  const boxes: { top: number; bottom: number; left: number; right: number }[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('medgloss-term-')) continue;
    for (const staticRange of highlight) {
      const range = document.createRange();
      range.setStart(staticRange.startContainer, staticRange.startOffset);
      range.setEnd(staticRange.endContainer, staticRange.endOffset);
      const { top, bottom, left, right } = range.getBoundingClientRect();
      boxes.push({ top, bottom, left, right });
    }
  }
  return boxes;
}

/** The page's DOM as markup, without our popover host: what must not change. */
export function readPageMarkup(): string {
  const clone = document.documentElement.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('medgloss-popover').forEach((host) => host.remove());
  return clone.outerHTML;
}

/** The centre of the first occurrence of a text on the page (it may span elements), or undefined. */
export function findTextCentre(needle: string): { x: number; y: number } | undefined {
  for (const block of document.querySelectorAll('p, h1, h2, li, pre')) {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const at = nodes
      .map((n) => n.data)
      .join('')
      .indexOf(needle);
    if (at < 0) continue;
    let seen = 0;
    for (const node of nodes) {
      if (at + 1 <= seen + node.data.length) {
        const offset = at + 1 - seen;
        const range = document.createRange();
        range.setStart(node, offset - 1);
        range.setEnd(node, Math.min(node.data.length, offset + 2));
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      seen += node.data.length;
    }
  }
  return undefined;
}

/** Reads highlights until their number stops changing (the scan runs in slices), at most ~7 s. */
export async function settledHighlights(read: () => Promise<string[]>, atLeast: number): Promise<string[]> {
  let previous = -1;
  for (let i = 0; i < 50; i++) {
    const texts = await read();
    if (texts.length >= atLeast && texts.length === previous) return texts;
    previous = texts.length;
    await new Promise((done) => setTimeout(done, 150));
  }
  return read();
}

/** Underlines inside content that must never be underlined, and underlines whose text left the page. */
export interface RangeReport {
  /** Underlines inside content that must never be underlined. */
  excluded: string[];
  /** Underlines whose text is no longer on the page, or whose offsets no longer fit it. */
  stale: string[];
}

/** Where each underline registered in the page's highlight registry sits (see RangeReport). */
export function inspectHighlightRanges(): RangeReport {
  const EXCLUDED =
    'textarea, input, select, option, button, code, pre, kbd, samp, var, svg, math, script, style, template, noscript, ' +
    '[contenteditable]:not([contenteditable="false"]), [translate="no"], [aria-hidden="true"], [hidden], blockquote[lang="fr"]';
  const excluded = new Set<string>();
  const stale: string[] = [];
  const up = (element: Element): Element | null => {
    if (element.parentElement) return element.parentElement;
    const parent = element.parentNode;
    return parent instanceof ShadowRoot ? parent.host : null;
  };
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('medgloss-term-')) continue;
    for (const staticRange of highlight as unknown as Iterable<AbstractRange>) {
      const range = document.createRange();
      const label = () => `"${staticRange.startContainer.textContent?.slice(staticRange.startOffset, staticRange.startOffset + 40)}"`;
      if (!staticRange.startContainer.isConnected || !staticRange.endContainer.isConnected) {
        stale.push(`${label()} is no longer on the page`);
        continue;
      }
      try {
        range.setStart(staticRange.startContainer, staticRange.startOffset);
        range.setEnd(staticRange.endContainer, staticRange.endOffset);
      } catch {
        stale.push(`${label()} has offsets outside its text`);
        continue;
      }
      for (const node of [staticRange.startContainer, staticRange.endContainer]) {
        const text = range.toString();
        if (node.ownerDocument?.designMode === 'on') excluded.add(`"${text}" in a designMode document`);
        let element: Element | null = node instanceof Element ? node : node.parentElement;
        if (!element && node.parentNode instanceof ShadowRoot) element = node.parentNode.host;
        if (element instanceof HTMLElement && element.isContentEditable) excluded.add(`"${text}" in editable <${element.localName}>`);
        for (let current = element; current; current = up(current)) {
          if (current.matches(EXCLUDED)) {
            excluded.add(`"${text}" inside <${current.localName}${current.id ? `#${current.id}` : ''}>`);
            break;
          }
        }
      }
    }
  }
  return { excluded: [...excluded], stale };
}

/**
 * Runs a self-contained function in a page with one text argument and returns its result: how
 * each driver is plugged in (`(fn, arg) => page.evaluate(fn, arg)` for Playwright and puppeteer).
 */
export type Evaluate = (fn: (arg: string) => unknown, arg: string) => Promise<unknown>;

/** The page readers both browser suites use, over whichever driver evaluates in the page. */
export function pageReaders(evaluate: Evaluate) {
  const highlightedTexts = () => evaluate(readHighlightedTexts, '') as Promise<string[]>;
  return {
    /** The text of every range registered under our highlight names, in registration order. */
    highlightedTexts,
    /** Waits until the number of highlighted ranges stops changing (the scan runs in slices). */
    waitForHighlights: (atLeast = 1) => settledHighlights(highlightedTexts, atLeast),
    /** The page's DOM as markup, without our popover host: what must not change. */
    pageMarkup: () => evaluate(readPageMarkup, '') as Promise<string>,
    /** The centre of the first occurrence of a text on the page, for pointing at it. */
    async centreOfText(text: string): Promise<{ x: number; y: number }> {
      const point = (await evaluate(findTextCentre, text)) as ReturnType<typeof findTextCentre>;
      if (!point) throw new Error(`"${text}" is not on the page`);
      return point;
    },
  };
}
