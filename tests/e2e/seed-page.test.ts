import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/glossary/compile-glossary';
import { loadValidGlossary } from '../../src/glossary/load-glossary';
import { SEED_TERMS } from '../fixtures/seed-terms';
import { type ExtensionBrowser, centreOfText, launchPlain, launchWithExtension, watchRequests, pageMarkup, waitForHighlights, watchConsole } from './browser';
import { type FixtureServer, SEED_FILE, seedPageHtml, serveFixtures } from './fixture-server';

const glossary = compileGlossary(loadValidGlossary());
const SCREENSHOT = resolve(import.meta.dirname, 'screenshots/popover.png');

describe('the extension on the seed page, in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let page: Page;
  let consoleProblems: string[];
  let requests: string[];
  let plainMarkup: string;

  beforeAll(async () => {
    server = await serveFixtures({ '/seed.html': { body: seedPageHtml() } });
    // The control: the same page in the same browser without the extension.
    const plain = await launchPlain();
    const plainPage = await plain.context.newPage();
    await plainPage.goto(`${server.origin}/seed.html`);
    plainMarkup = await pageMarkup(plainPage);
    await plain.close();

    browser = await launchWithExtension();
    requests = watchRequests(browser.context, () => server.origin);
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    consoleProblems = watchConsole(page);
    await page.goto(`${server.origin}/seed.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('underlines every medical term of the page', async () => {
    const texts = await waitForHighlights(page, SEED_TERMS.length);
    expect(SEED_TERMS.map(([text]) => text).filter((text) => !texts.includes(text))).toEqual([]);
  });

  it('underlines nothing that is not a glossary name', async () => {
    const names = new Set(glossary.forms.map((f) => f.text.toLowerCase().replace(/’/g, "'")));
    const texts = await waitForHighlights(page);
    for (const text of texts)
      expect(names.has(text.toLowerCase().replace(/’/g, "'")) || names.has(text.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' '))).toBe(true);
  });

  it('shows the explanation of Gottron’s papules when the pointer rests on it', async () => {
    await waitForHighlights(page);
    const { x, y } = await centreOfText(page, 'Gottron’s papules');
    await page.mouse.move(x, y);
    const popover = page.locator('medgloss-popover section[role="dialog"]');
    await popover.waitFor({ state: 'visible', timeout: 5000 });
    const entry = glossary.entries.find((e) => e.id === 'gottrons-papules')!;
    await expect(popover.locator('h2').textContent()).resolves.toBe(entry.term);
    await expect(popover.locator('.short').textContent()).resolves.toBe(entry.short);
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, clip: { x: 0, y: Math.max(0, y - 260), width: 1100, height: 460 } });
  });

  it('keeps the popover open while the pointer is on it, and closes it on Escape', async () => {
    const popover = page.locator('medgloss-popover section[role="dialog"]');
    const box = (await popover.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.waitForTimeout(800);
    await expect(popover.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached', timeout: 2000 });
  });

  it('leaves the page’s DOM as it was, and takes its host element away when the popover closes', async () => {
    await expect(pageMarkup(page)).resolves.toBe(plainMarkup);
    await expect(page.evaluate(() => [...document.documentElement.children].map((e) => e.localName))).resolves.toEqual(['head', 'body']);
  });

  it('lists the page’s terms in the popup and turns the site off from there', async () => {
    // The extension has no "tabs" permission, so it cannot query tabs by address: take the active one.
    await page.bringToFront();
    const tabId = await browser.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: typeof import('webextension-polyfill') };
      const [tab] = await chrome.tabs.query({ active: true });
      return tab!.id!;
    });
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const list = popup.getByRole('list', { name: 'Terms on this page' });
    await list.waitFor();
    await expect(list.getByRole('button', { name: "Gottron's papules", exact: true }).count()).resolves.toBe(1);

    await popup.getByLabel('Highlight on 127.0.0.1').uncheck();
    await expect.poll(() => waitForHighlights(page, 0), { timeout: 5000 }).toEqual([]);
    await popup.getByLabel('Highlight on 127.0.0.1').check();
    await expect.poll(async () => (await waitForHighlights(page)).length, { timeout: 5000 }).toBeGreaterThanOrEqual(SEED_TERMS.length);
    await popup.close();
  });

  it('steps through the terms with the keyboard shortcut, announcing each, and gives focus back on Escape', async () => {
    await page.bringToFront();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const step = (direction: 1 | -1) =>
      browser.worker.evaluate(async (dir) => {
        // What the background does on the "next-term" / "previous-term" commands.
        const { chrome } = globalThis as unknown as { chrome: typeof import('webextension-polyfill') };
        const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
        await chrome.tabs.sendMessage(tab!.id!, { type: 'medgloss:step-term', direction: dir });
      }, direction);
    const heading = page.locator('medgloss-popover section[role="dialog"] h2');
    const announcement = () => page.locator('medgloss-popover [aria-live="polite"]').textContent();
    await step(1);
    await expect.poll(() => heading.textContent(), { timeout: 3000 }).toBe('Dermatomyositis');
    await expect.poll(announcement, { timeout: 3000 }).toMatch(/^Term 1 of \d+: Dermatomyositis\. /);
    await step(1);
    await expect.poll(announcement, { timeout: 3000 }).toMatch(/^Term 2 of \d+: /);
    await step(-1);
    await expect.poll(announcement, { timeout: 3000 }).toMatch(/^Term 1 of \d+: /);
    await expect(page.evaluate(() => document.activeElement?.localName)).resolves.toBe('medgloss-popover');
    await page.keyboard.press('Escape');
    await heading.waitFor({ state: 'detached', timeout: 2000 });
    await expect(page.evaluate(() => document.activeElement?.localName)).resolves.toBe('body');
  });

  it('makes no network request beyond the page itself', () => {
    expect(requests).toEqual([]);
  });

  it('writes nothing to the console', () => {
    expect(consoleProblems).toEqual([]);
  });
});

describe('the seed page as a plain-text file the browser shows, in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let page: Page;
  let consoleProblems: string[];

  beforeAll(async () => {
    const plainText = { 'content-type': 'text/plain; charset=utf-8' };
    server = await serveFixtures({
      '/seed.txt': { body: readFileSync(SEED_FILE, 'utf8'), headers: plainText },
      // Widths at which names of the page fall across two lines (Gottron’s papules at both).
      '/seed-wrapped-64.txt': { body: hardWrap(readFileSync(SEED_FILE, 'utf8'), 64), headers: plainText },
      '/seed-wrapped-80.txt': { body: hardWrap(readFileSync(SEED_FILE, 'utf8'), 80), headers: plainText },
    });
    browser = await launchWithExtension();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    consoleProblems = watchConsole(page);
    await page.goto(`${server.origin}/seed.txt`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('underlines every medical term of the file, though the browser shows it as one <pre>', async () => {
    await expect(page.evaluate(() => [document.contentType, document.body.firstElementChild?.localName])).resolves.toEqual(['text/plain', 'pre']);
    const texts = await waitForHighlights(page, SEED_TERMS.length);
    expect(SEED_TERMS.map(([text]) => text).filter((text) => !texts.includes(text))).toEqual([]);
  });

  it.each([64, 80])('underlines every medical term of the file hard-wrapped at %i columns, names split across lines too', async (width) => {
    const wrapped = await browser.context.newPage();
    const problems = watchConsole(wrapped);
    await wrapped.goto(`${server.origin}/seed-wrapped-${width}.txt`);
    const underlined = await waitForHighlights(wrapped, SEED_TERMS.length);
    const file = hardWrap(readFileSync(SEED_FILE, 'utf8'), width);
    // Every place where a name of the page runs across a line break, whichever of its spaces broke.
    const splitNames = SEED_TERMS.flatMap(
      ([text]) => file.match(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll(' ', '[ \n]'), 'g')) ?? [],
    ).filter((name) => name.includes('\n'));
    expect(splitNames.length).toBeGreaterThan(0);
    expect(splitNames.filter((name) => !underlined.some((text) => text.includes(name)))).toEqual([]);
    const texts = underlined.map((text) => text.replace(/\s+/g, ' '));
    expect(SEED_TERMS.map(([text]) => text).filter((text) => !texts.includes(text))).toEqual([]);
    expect(problems).toEqual([]);
    await wrapped.close();
  });

  it('explains a term there when the pointer rests on it', async () => {
    const { x, y } = await centreOfText(page, 'Gottron’s papules');
    await page.mouse.move(x, y);
    const popover = page.locator('medgloss-popover section[role="dialog"]');
    await popover.waitFor({ state: 'visible', timeout: 5000 });
    await expect(popover.locator('h2').textContent()).resolves.toBe(glossary.entries.find((e) => e.id === 'gottrons-papules')!.term);
  });

  it('writes nothing to the console', () => {
    expect(consoleProblems).toEqual([]);
  });
});

/** A text wrapped the way an email or an old word processor does it: paragraphs become lines of at most `width` characters, with a blank line between paragraphs. */
function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      return [...lines, line].join('\n');
    })
    .join('\n\n');
}
