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

/** The page's DOM as markup, without our popover host: what must not change. */
export function readPageMarkup(): string {
  const clone = document.documentElement.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('medgloss-popover').forEach((host) => host.remove());
  return clone.outerHTML;
}

/** The centre of the first occurrence of a text on the page (it may span elements), or undefined. */
export function findTextCentre(needle: string): { x: number; y: number } | undefined {
  for (const block of document.querySelectorAll('p, h1, h2, li')) {
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
