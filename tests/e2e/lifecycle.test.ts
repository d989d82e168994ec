import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, highlightedTexts, launchWithExtension, waitForHighlights, watchConsole } from './browser';
import { type FixtureServer, seedPageHtml, serveFixtures } from './fixture-server';

type Chrome = typeof import('webextension-polyfill');

describe('reloading the extension while a page is open, in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await serveFixtures({ '/seed.html': { body: seedPageHtml() } });
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('leaves the page clean within seconds and throws nothing into it', async () => {
    const page = await browser.context.newPage();
    const consoleProblems = watchConsole(page);
    await page.goto(`${server.origin}/seed.html`);
    const before = await waitForHighlights(page);
    expect(before.length).toBeGreaterThan(20);

    // The worker goes away while answering: its answer never comes.
    await browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.reload()).catch(() => undefined);

    // The old content script notices its context is gone (WXT checks about once a second).
    await expect.poll(() => highlightedTexts(page), { timeout: 5000 }).toEqual([]);
    await expect(page.evaluate(() => document.querySelectorAll('medgloss-popover').length)).resolves.toBe(0);
    // Pointing at a term now does nothing: the old listeners are gone, and no error is thrown.
    await page.mouse.move(200, 200);
    await page.mouse.move(300, 260);
    await page.waitForTimeout(800);

    // (Whether headless Chromium brings an unpacked extension back after runtime.reload() is its own
    // business; what matters here is what the old copy leaves behind.)
    expect(consoleProblems).toEqual([]);
    await page.close();
  });
});
