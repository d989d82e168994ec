import { readFileSync } from 'node:fs';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompiledGlossary, compileGlossary } from '../../../src/glossary/compile-glossary';
import { loadValidGlossary } from '../../../src/glossary/load-glossary';
import { SEED_TERMS } from '../../fixtures/seed-terms';
import { type FixtureServer, SEED_FILE, seedPageHtml, serveFixtures } from '../fixture-server';
import {
  type FirefoxWithExtension,
  centreOfText,
  highlightedTexts,
  launchFirefoxWithExtension,
  launchPlainFirefox,
  navigateExtensionPage,
  pageMarkup,
  pollUntil,
  popoverContent,
  sleep,
  tabIdOfHost,
  waitForHighlights,
  watchFirefoxConsole,
} from './firefox';

/** The site switch of the popup, found by its label as a reader finds it. */
async function siteSwitch(popup: Page, site: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await popup.evaluateHandle((label) => {
    const found = [...document.querySelectorAll('label')].find((l) => l.textContent?.replace(/\s+/g, ' ').trim() === label);
    return found?.querySelector('input[type="checkbox"]') ?? null;
  }, `Highlight on ${site}`);
  const input = handle.asElement() as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error(`no "Highlight on ${site}" switch in the popup`);
  return input;
}

describe('the extension on the seed page, in Firefox', () => {
  let firefox: FirefoxWithExtension;
  let server: FixtureServer;
  let page: Page;
  let consoleProblems: string[];
  let popupProblems: string[] = [];
  let glossary: CompiledGlossary;
  let plainMarkup: string;

  beforeAll(async () => {
    glossary = compileGlossary(loadValidGlossary());
    server = await serveFixtures({ '/seed.html': { body: seedPageHtml() } });
    // The control: the same page in the same browser without the extension.
    const plain = await launchPlainFirefox();
    try {
      await plain.page.goto(`${server.origin}/seed.html`);
      plainMarkup = await pageMarkup(plain.page);
    } finally {
      await plain.close();
    }

    firefox = await launchFirefoxWithExtension();
    page = firefox.page;
    await page.setViewport({ width: 1100, height: 900 });
    consoleProblems = watchFirefoxConsole(page);
    await page.goto(`${server.origin}/seed.html`);
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('underlines every medical term of the page', async () => {
    const texts = await waitForHighlights(page, SEED_TERMS.length);
    expect(SEED_TERMS.map(([text]) => text).filter((text) => !texts.includes(text))).toEqual([]);
  });

  it('underlines nothing that is not a glossary name', async () => {
    const normal = (text: string) => text.toLowerCase().replace(/’/g, "'");
    const names = new Set(glossary.forms.map((f) => normal(f.text)));
    const texts = await waitForHighlights(page);
    expect(texts.filter((text) => !names.has(normal(text)) && !names.has(normal(text).replace(/\s+/g, ' ')))).toEqual([]);
  });

  it('shows the explanation of Gottron’s papules when the pointer rests on it', async () => {
    await waitForHighlights(page);
    const { x, y } = await centreOfText(page, 'Gottron’s papules');
    await page.mouse.move(x, y);
    const shown = await pollUntil(() => popoverContent(page), Boolean, 5000);
    const entry = glossary.entries.find((e) => e.id === 'gottrons-papules')!;
    expect(shown?.term).toBe(entry.term);
    expect(shown?.short).toBe(entry.short);
  });

  it('keeps the popover open while the pointer is on it, and closes it on Escape', async () => {
    const open = await popoverContent(page);
    expect(open).toBeDefined();
    const { box } = open!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await sleep(800);
    await expect(popoverContent(page)).resolves.toBeDefined();
    await page.keyboard.press('Escape');
    await expect(
      pollUntil(
        () => popoverContent(page),
        (shown) => shown === undefined,
        2000,
      ),
    ).resolves.toBeUndefined();
  });

  it('leaves the page’s DOM as it was, and takes its host element away when the popover closes', async () => {
    await expect(pageMarkup(page)).resolves.toBe(plainMarkup);
    await expect(page.evaluate(() => [...document.documentElement.children].map((e) => e.localName))).resolves.toEqual(['head', 'body']);
  });

  it('lists the page’s terms in the popup and turns the site off and on from there', async () => {
    // The popup takes its tab from ?tab=<id>. Without the "tabs" permission Firefox hides the
    // addresses of web pages from tabs.query, so ask each tab's content script which host it is on.
    const popupUrl = `${firefox.extensionOrigin}/popup.html`;
    const popup = await firefox.browser.newPage();
    popupProblems = watchFirefoxConsole(popup);
    try {
      await navigateExtensionPage(popup, popupUrl);
      const tabId = await tabIdOfHost(popup, '127.0.0.1');
      await navigateExtensionPage(popup, `${popupUrl}?tab=${tabId}`);
      const termButtons = () =>
        popup.evaluate(() => [...document.querySelectorAll('ul[aria-label="Terms on this page"] li button.link')].map((b) => b.textContent));
      await expect(pollUntil(termButtons, (names) => names.length > 0, 5000)).resolves.toContain("Gottron's papules");

      await popup.bringToFront();
      const onThisSite = await siteSwitch(popup, '127.0.0.1');
      await expect(onThisSite.evaluate((input) => input.checked)).resolves.toBe(true);
      await onThisSite.click();
      await expect(
        pollUntil(
          () => highlightedTexts(page),
          (texts) => texts.length === 0,
          5000,
        ),
      ).resolves.toEqual([]);

      await (await siteSwitch(popup, '127.0.0.1')).click();
      const back = await pollUntil(
        () => waitForHighlights(page),
        (texts) => texts.length >= SEED_TERMS.length,
        5000,
      );
      expect(SEED_TERMS.map(([text]) => text).filter((text) => !back.includes(text))).toEqual([]);
    } finally {
      await popup.close();
    }
  });

  it('writes nothing to the console', () => {
    expect(consoleProblems).toEqual([]);
    // Firefox only: the popup page is a tab of its own here, so its console is watched too.
    expect(popupProblems).toEqual([]);
  });
});

describe('the seed page as a plain-text file the browser shows, in Firefox', () => {
  let firefox: FirefoxWithExtension;
  let server: FixtureServer;
  let page: Page;
  let consoleProblems: string[];

  beforeAll(async () => {
    server = await serveFixtures({ '/seed.txt': { body: readFileSync(SEED_FILE, 'utf8'), headers: { 'content-type': 'text/plain; charset=utf-8' } } });
    firefox = await launchFirefoxWithExtension();
    page = firefox.page;
    await page.setViewport({ width: 1100, height: 900 });
    consoleProblems = watchFirefoxConsole(page);
    await page.goto(`${server.origin}/seed.txt`);
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('underlines every medical term of the file, though the browser shows it as one <pre>', async () => {
    await expect(page.evaluate(() => [document.contentType, document.body.querySelector('pre') !== null])).resolves.toEqual(['text/plain', true]);
    const texts = await waitForHighlights(page, SEED_TERMS.length);
    expect(SEED_TERMS.map(([text]) => text).filter((text) => !texts.includes(text))).toEqual([]);
  });

  it('explains a term there when the pointer rests on it', async () => {
    const { x, y } = await centreOfText(page, 'Gottron’s papules');
    await page.mouse.move(x, y);
    const shown = await pollUntil(() => popoverContent(page), Boolean, 5000);
    expect(shown?.term).toBe("Gottron's papules");
  });

  it('writes nothing to the console', () => {
    expect(consoleProblems).toEqual([]);
  });
});
