import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, centreOfText, launchPlain, launchWithExtension, waitForHighlights } from './browser';
import { type FixtureServer, seedPageHtml, serveFixtures } from './fixture-server';
import { splitWords } from './hostile/scale';
import { stickyHeader } from './hostile/styling';

/**
 * Copying: a reader selects a paragraph with underlined terms and presses Control+C. What lands on
 * the clipboard (text/plain and text/html) must be the same with the extension as without it.
 *
 * Method: the real keyboard shortcut in headless Chromium (its own in-memory clipboard), then the
 * async Clipboard API inside the page (navigator.clipboard.read(), with clipboard-read and
 * clipboard-write granted to the fixture server's origin) reads both formats back. The clipboard
 * is cleared before each copy, so a copy that did nothing cannot pass by reading an old value.
 */

interface Copied {
  /** The underlined texts inside the selection (with the extension; empty without). */
  underlined: string[];
  text: string;
  html: string;
}

interface Case {
  name: string;
  path: string;
  /** The paragraph to select: the first <p> whose text contains this. */
  paragraph: string;
  /** Terms that must be underlined inside that paragraph (so the copy goes over underlines). */
  terms: string[];
  /** Select with a triple click on this word (not a link, not a term) instead of a Range: the browser picks the paragraph. */
  tripleClick?: string;
  /** Open the popover on this term first, so our host element is on the page while copying. */
  popoverFirst?: string;
  /** Select the whole document with Control+A instead of one paragraph. */
  selectAll?: boolean;
}

const CASES: Case[] = [
  { name: 'the seed page', path: '/seed.html', paragraph: 'Gottron', terms: ['heliotrope rash', 'Gottron’s papules'] },
  { name: 'sticky-header', path: '/sticky-header.html', paragraph: 'Dermatomyositis is often treated', terms: ['Dermatomyositis', 'methotrexate', 'lupus'] },
  { name: 'split-words', path: '/split-words.html', paragraph: 'dermatomyositis', terms: ['methotrexate', 'lupus', 'heliotrope rash'] },
  { name: 'the seed page, by triple click', path: '/seed.html', paragraph: 'Gottron', terms: ['heliotrope rash'], tripleClick: 'clues doctors' },
  {
    name: 'the seed page, Control+A after a popover was shown',
    path: '/seed.html',
    paragraph: 'Gottron',
    terms: ['heliotrope rash'],
    popoverFirst: 'Gottron’s papules',
    selectAll: true,
  },
];

let server: FixtureServer;
let extension: ExtensionBrowser;
let plain: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  server = await serveFixtures({
    '/seed.html': { body: seedPageHtml() },
    '/sticky-header.html': { body: stickyHeader.html },
    '/split-words.html': { body: splitWords.html },
  });
  [extension, plain] = await Promise.all([launchWithExtension(), launchPlain()]);
  for (const context of [extension.context, plain.context]) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

afterAll(async () => {
  await extension?.close();
  await plain?.close();
  await server?.close();
});

/** Selects the first paragraph whose text contains `needle`, as a Range over its contents. */
async function selectParagraph(page: Page, needle: string): Promise<void> {
  await page.evaluate((text) => {
    const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes(text));
    if (!paragraph) throw new Error(`no paragraph with "${text}"`);
    paragraph.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, needle);
}

/** The underlined texts that lie inside the current selection. */
function underlinedInSelection(): string[] {
  const selection = getSelection();
  if (!selection || selection.rangeCount === 0) return [];
  const selected = selection.getRangeAt(0);
  const texts: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('medgloss-term-')) continue;
    for (const staticRange of highlight as unknown as Iterable<AbstractRange>) {
      const range = document.createRange();
      range.setStart(staticRange.startContainer, staticRange.startOffset);
      range.setEnd(staticRange.endContainer, staticRange.endOffset);
      if (selected.compareBoundaryPoints(Range.START_TO_START, range) <= 0 && selected.compareBoundaryPoints(Range.END_TO_END, range) >= 0) {
        texts.push(range.toString().replace(/[\u00AD\u200B-\u200D\u2060]/g, ''));
      }
    }
  }
  return texts;
}

async function copy(context: BrowserContext, testCase: Case, withExtension: boolean): Promise<Copied> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(`${server.origin}${testCase.path}`);
    if (withExtension) await waitForHighlights(page, testCase.terms.length);
    else await page.waitForTimeout(800);
    await page.bringToFront();
    if (testCase.popoverFirst) {
      // The same pointer moves in both browsers; only the extension's shows a popover.
      const { x, y } = await centreOfText(page, testCase.popoverFirst);
      await page.mouse.move(x, y, { steps: 4 });
      if (withExtension) await page.locator('medgloss-popover section[role="dialog"]').waitFor({ state: 'visible', timeout: 5000 });
      else await page.waitForTimeout(800);
      await page.mouse.move(1, 1);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
    // Empty the clipboard first: a copy that did nothing must not read the previous page's.
    await page.evaluate(() => navigator.clipboard.writeText(''));
    if (testCase.selectAll) {
      await page.mouse.click(5, 5);
      await page.keyboard.press('Control+A');
    } else if (testCase.tripleClick) {
      await page.evaluate(
        (text) => [...document.querySelectorAll('p')].find((p) => p.textContent?.includes(text))?.scrollIntoView({ block: 'center' }),
        testCase.paragraph,
      );
      const { x, y } = await centreOfText(page, testCase.tripleClick);
      await page.mouse.click(x, y, { clickCount: 3 });
    } else {
      await selectParagraph(page, testCase.paragraph);
    }
    const underlined = await page.evaluate(underlinedInSelection);
    await page.keyboard.press('Control+C');
    const { text, html } = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const read = async (type: string) => {
        const item = items.find((i) => i.types.includes(type));
        return item ? (await item.getType(type)).text() : '';
      };
      return { text: await read('text/plain'), html: await read('text/html') };
    });
    return { underlined, text, html };
  } finally {
    await page.close();
  }
}

describe.each(CASES)('copying a selection on $name', (testCase) => {
  let withExtension: Copied;
  let without: Copied;

  beforeAll(async () => {
    [withExtension, without] = await Promise.all([copy(extension.context, testCase, true), copy(plain.context, testCase, false)]);
  });

  it('selects text with underlined terms in it, and the copy is not empty', () => {
    expect(testCase.terms.filter((t) => !withExtension.underlined.includes(t))).toEqual([]);
    expect(without.text).toContain(testCase.selectAll || testCase.tripleClick ? testCase.paragraph : testCase.paragraph.slice(0, 8));
    expect(without.html).not.toBe('');
  });

  it('puts the same text/plain on the clipboard as without the extension', () => {
    expect(withExtension.text).toBe(without.text);
  });

  it('puts the same text/html on the clipboard as without the extension', () => {
    expect(withExtension.html).toBe(without.html);
  });
});
