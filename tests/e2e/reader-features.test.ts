import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/glossary/compile-glossary';
import { loadValidGlossary } from '../../src/glossary/load-glossary';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { type ExtensionBrowser, centreOfText, launchWithExtension, watchRequests, waitForHighlights, watchConsole } from './browser';
import { type FixtureServer, seedPageHtml, serveFixtures } from './fixture-server';

const glossary = compileGlossary(loadValidGlossary());
const entryOf = (id: string) => glossary.entries.find((e) => e.id === id)!;
type Chrome = typeof import('webextension-polyfill');

describe('reader features, in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let page: Page;
  let consoleProblems: string[];
  let requests: string[];

  const storage = {
    setSettings: (settings: Settings) =>
      browser.worker.evaluate(async (value) => {
        await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({ settings: value });
      }, settings),
    get: (key: string) => browser.worker.evaluate(async (k) => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(k))[k], key),
  };
  const activeTabId = async () => {
    await page.bringToFront();
    return browser.worker.evaluate(async () => {
      const [tab] = await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({ active: true, currentWindow: true });
      return tab!.id!;
    });
  };
  const openPopoverOn = async (text: string) => {
    const { x, y } = await centreOfText(page, text);
    await page.mouse.move(x, y);
    const popover = page.locator('medgloss-popover section[role="dialog"]');
    await popover.waitFor({ timeout: 5000 });
    return popover;
  };

  beforeAll(async () => {
    server = await serveFixtures({ '/seed.html': { body: seedPageHtml() } });
    browser = await launchWithExtension();
    requests = watchRequests(browser.context, () => server.origin);
    page = await browser.context.newPage();
    consoleProblems = watchConsole(page);
  });

  beforeEach(async () => {
    await storage.setSettings({ ...DEFAULT_SETTINGS });
    await page.mouse.move(0, 0);
    await page.goto(`${server.origin}/seed.html`);
    await waitForHighlights(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('hides a term everywhere with "I know this term", across reloads, until the reader undoes it', async () => {
    expect(await waitForHighlights(page)).toContain('methotrexate');
    const popover = await openPopoverOn('methotrexate');
    await popover.getByRole('button', { name: 'I know this term' }).click();
    await expect.poll(async () => (await waitForHighlights(page)).includes('methotrexate'), { timeout: 5000 }).toBe(false);
    await page.reload();
    const afterReload = await waitForHighlights(page);
    expect(afterReload).not.toContain('methotrexate');
    expect(afterReload).toContain('azathioprine');

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('tab', { name: 'Settings' }).click();
    await popup.getByRole('button', { name: `Underline ${entryOf('methotrexate').term} again` }).click();
    await popup.close();
    await expect.poll(async () => (await waitForHighlights(page)).includes('methotrexate'), { timeout: 5000 }).toBe(true);
  });

  it('underlines only the chosen familiarity levels', async () => {
    const before = await waitForHighlights(page);
    expect(before).toEqual(expect.arrayContaining(['lupus', 'azathioprine']));
    await storage.setSettings({ ...DEFAULT_SETTINGS, minLevel: 'specialist' });
    await expect.poll(async () => (await waitForHighlights(page, 0)).includes('lupus'), { timeout: 5000 }).toBe(false);
    const specialistOnly = await waitForHighlights(page);
    expect(specialistOnly).toContain('azathioprine');
    const levels = new Map(glossary.entries.flatMap((e) => [e.term, ...e.also].map((n) => [n.toLowerCase(), e.level])));
    for (const text of specialistOnly) expect(levels.get(text.toLowerCase()) ?? 'specialist').toBe('specialist');
  });

  it('underlines only the first mention of each term when the reader asks', async () => {
    const count = (texts: string[], term: string) => texts.filter((t) => t.toLowerCase() === term).length;
    expect(count(await waitForHighlights(page), 'dermatomyositis')).toBeGreaterThan(3);
    await storage.setSettings({ ...DEFAULT_SETTINGS, firstOnly: true });
    await expect.poll(async () => count(await waitForHighlights(page, 0), 'dermatomyositis'), { timeout: 5000 }).toBe(1);
    const texts = await waitForHighlights(page);
    expect(new Set(texts.map((t) => t.toLowerCase())).size).toBe(texts.length);
  });

  it('keeps a history of looked-up terms that the reader can clear and turn off', async () => {
    await browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.remove('history'));
    await openPopoverOn('azathioprine');
    await expect
      .poll(async () => ((await storage.get('history')) as { id: string }[] | undefined)?.map((h) => h.id), { timeout: 3000 })
      .toEqual(['azathioprine']);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('tab', { name: 'Recent' }).click();
    await expect(popup.getByRole('list', { name: 'Recently looked-up terms' }).textContent()).resolves.toContain(entryOf('azathioprine').term);
    await popup.getByRole('button', { name: 'Clear the list' }).click();
    await expect.poll(() => storage.get('history')).toEqual([]);
    await popup.close();

    await storage.setSettings({ ...DEFAULT_SETTINGS, keepHistory: false });
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    await openPopoverOn('methotrexate');
    await page.waitForTimeout(300);
    await expect(storage.get('history')).resolves.toEqual([]);
  });

  it('offers "Hear it" only where the browser has a voice on the device', async () => {
    const popover = await openPopoverOn('azathioprine');
    const hasLocalVoice = await page.evaluate(() => speechSynthesis.getVoices().some((v) => v.localService && v.lang.startsWith('en')));
    await expect(popover.getByRole('button', { name: 'Hear it' }).count()).resolves.toBe(hasLocalVoice ? 1 : 0);
    await expect(popover.locator('.say').textContent()).resolves.toContain(entryOf('azathioprine').say!);
  });

  it('lists every term of the tab with its explanation on a printable page', async () => {
    const tabId = await activeTabId();
    const terms = await browser.context.newPage();
    await terms.goto(`chrome-extension://${browser.extensionId}/terms.html?tab=${tabId}`);
    const sheet = terms.locator('dl.term-sheet');
    await sheet.waitFor();
    const text = await sheet.textContent();
    for (const id of ['gottrons-papules', 'azathioprine', 'heliotrope-rash']) expect(text).toContain(entryOf(id).short);
    await terms.emulateMedia({ media: 'print' });
    await expect(terms.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).resolves.toBe(false);
    await terms.close();
  });

  it('opens the full glossary at the term from the popover’s "More"', async () => {
    const popover = await openPopoverOn('azathioprine');
    const [glossaryPage] = await Promise.all([browser.context.waitForEvent('page'), popover.getByRole('button', { name: /^More about/ }).click()]);
    await glossaryPage.waitForLoadState();
    expect(new URL(glossaryPage.url()).hash).toBe('#azathioprine');
    await expect(glossaryPage.locator('article h2').textContent()).resolves.toBe(entryOf('azathioprine').term);
    await glossaryPage.close();
  });

  it('makes no network request beyond the page itself', () => {
    expect(requests).toEqual([]);
  });

  it('writes nothing to the console', () => {
    expect(consoleProblems).toEqual([]);
  });
});
