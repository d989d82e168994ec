import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, highlightedTexts, launchWithExtension, waitForHighlights, watchConsole } from './browser';
import { type FixtureServer, serveFixtures } from './fixture-server';

type Chrome = typeof import('webextension-polyfill');

/** French with words that fold to English glossary names: "goût" (taste) to gout, and "lupus" as in English. */
const FRENCH = 'Le lupus touche souvent la peau. Ce médicament a un goût amer.';

const page = (lang: string, body: string) =>
  `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><meta charset="utf-8"><title>Langue</title></head><body>${body}</body></html>`;

describe('pages and parts of pages marked as written in another language, in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await serveFixtures({
      '/fr.html': { body: page('fr', `<p>${FRENCH}</p>`) },
      '/unmarked.html': { body: page('', `<p>${FRENCH}</p>`) },
      '/quote.html': {
        body: page(
          'en',
          `<p>Her lupus is treated with azathioprine.</p><blockquote lang="fr"><p>${FRENCH}</p></blockquote><p>It can cause <i lang="la">in situ</i> gout.</p>`,
        ),
      },
    });
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('underlines nothing on a page marked French, and reads it once the page says it is English', async () => {
    const tab = await browser.context.newPage();
    const consoleProblems = watchConsole(tab);
    await tab.goto(`${server.origin}/fr.html`);
    // The same text on a page that marks no language is read as English: the words do match.
    const control = await browser.context.newPage();
    await control.goto(`${server.origin}/unmarked.html`);
    expect(new Set(await waitForHighlights(control, 2))).toEqual(new Set(['lupus', 'goût']));
    await control.close();
    expect(await highlightedTexts(tab)).toEqual([]);
    // What the popup is told, to say why the page has no terms.
    await tab.bringToFront();
    const info = await browser.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
      return chrome.tabs.sendMessage(active!.id!, { type: 'medgloss:get-page-info' });
    });
    expect(info).toMatchObject({ active: true, terms: [], language: 'fr' });

    // A page that changes its language (a site's language switch) is read again.
    await tab.evaluate(() => (document.documentElement.lang = 'en-US'));
    expect(new Set(await waitForHighlights(tab, 2))).toEqual(new Set(['lupus', 'goût']));
    await tab.evaluate(() => (document.documentElement.lang = 'fr'));
    await expect.poll(() => highlightedTexts(tab), { timeout: 5000 }).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  it('leaves a block marked French alone on an English page, but not a foreign phrase inside an English sentence', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(`${server.origin}/quote.html`);
    const texts = await waitForHighlights(tab, 3);
    expect(texts.sort()).toEqual(['azathioprine', 'gout', 'lupus']);
  });
});
