import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { pageReaders } from '../in-page';

/**
 * Real Firefox for the end-to-end tests: Debian's firefox-esr (153 or later draws underlines in
 * `::highlight()`; 140 only tints) driven by puppeteer-core over WebDriver BiDi. Firefox has no CDP,
 * so Playwright's Chromium helpers in ../browser.ts cannot drive it; the page-side helpers below
 * do the same in-page work as theirs, for a puppeteer Page.
 */

/** The built Firefox extension, or another build given in MEDGLOSS_FIREFOX_EXTENSION_DIR. */
export const FIREFOX_EXTENSION_DIR = resolve(process.env.MEDGLOSS_FIREFOX_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../../.output/firefox-mv2'));

/** Pinned so that the popup's address is known before the extension is installed. */
export const EXTENSION_UUID = '6d1f9b1e-3c55-4c1f-9a1e-5e0d7f2b8a41';

/** Debian's firefox-esr (CI: `apt-get install -y firefox-esr`), or FIREFOX_PATH. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `No Firefox at ${path}. The Firefox tests need Debian's firefox-esr 153 or later: run "apt-get install firefox-esr" as root, or set FIREFOX_PATH.`,
    );
  }
  return path;
}

/** The add-on id of the built Firefox extension (browser_specific_settings.gecko.id). */
function builtExtensionId(): string {
  const manifestFile = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`No built extension in ${FIREFOX_EXTENSION_DIR}: run "npm run build" (or "npx wxt build -b firefox") first.`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestFile} has no browser_specific_settings.gecko.id`);
  return id;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The tab Firefox opened at launch: reused so that it is the only web page of the window. */
  page: Page;
  /** The extension's base address, moz-extension://<pinned uuid>. */
  extensionOrigin: string;
  close(): Promise<void>;
}

async function firstPage(browser: Browser): Promise<Page> {
  return (await browser.pages())[0] ?? (await browser.newPage());
}

/**
 * Starts headless Firefox with a fresh profile (puppeteer makes and removes it) and installs the
 * built extension as a temporary add-on. Navigate only after this resolves: a page open during the
 * install gets the content script before the background has stored the settings.
 */
export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const addonId = builtExtensionId();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Without it Firefox 153 refuses BiDi navigation to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }) },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    return { browser, page: await firstPage(browser), extensionOrigin: `moz-extension://${EXTENSION_UUID}`, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Starts headless Firefox without the extension: the control for "the page is unchanged". */
export async function launchPlainFirefox(): Promise<{ browser: Browser; page: Page; close(): Promise<void> }> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true });
  return { browser, page: await firstPage(browser), close: () => browser.close() };
}

/**
 * Navigates a tab to an extension page and waits until its document is that page and complete.
 * Firefox sends no load event to BiDi for moz-extension:// pages, so the navigation is started
 * without awaiting it and the page is polled until it is there.
 */
export async function navigateExtensionPage(page: Page, url: string, timeoutMs = 10_000): Promise<void> {
  // The navigation's promise never settles for these pages, or rejects when it is replaced.
  page.goto(url).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const here = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
    if (here === url) return;
    await sleep(100);
  }
  throw new Error(`${url} did not open within ${timeoutMs} ms`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/**
 * Collects what a page says is wrong: uncaught errors and console errors and warnings. In Firefox
 * these include the content script's (checked: a probe extension's console.error, console.warn,
 * thrown error and unhandled rejection all arrive here).
 */
export function watchFirefoxConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    const type = message.type();
    if (type === 'error' || type === 'warn') problems.push(`${type}: ${message.text()}`);
  });
  return problems;
}

const readersOf = (page: Page) => pageReaders((fn, arg) => page.evaluate(fn, arg));

/** The text of every range registered under our highlight names, in registration order. */
export const highlightedTexts = (page: Page): Promise<string[]> => readersOf(page).highlightedTexts();

/** Waits until the number of highlighted ranges stops changing (the scan runs in slices). */
export const waitForHighlights = (page: Page, atLeast = 1): Promise<string[]> => readersOf(page).waitForHighlights(atLeast);

/** The page's DOM as markup, without our popover host: what must not change. */
export const pageMarkup = (page: Page): Promise<string> => readersOf(page).pageMarkup();

/** The centre of the first occurrence of a text on the page, for pointing at it. */
export const centreOfText = (page: Page, text: string): Promise<{ x: number; y: number }> => readersOf(page).centreOfText(text);

/** What the popover shows now (its host has an open shadow root), or undefined when it is closed. */
export async function popoverContent(
  page: Page,
): Promise<{ term: string; short: string; box: { x: number; y: number; width: number; height: number } } | undefined> {
  return page.evaluate(() => {
    const dialog = document.querySelector('medgloss-popover')?.shadowRoot?.querySelector('section[role="dialog"]');
    if (!dialog) return undefined;
    const rect = dialog.getBoundingClientRect();
    const style = getComputedStyle(dialog);
    if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || style.display === 'none') return undefined;
    return {
      term: dialog.querySelector('h2')?.textContent ?? '',
      short: dialog.querySelector('.short')?.textContent ?? '',
      box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
    };
  });
}

/** Polls a condition until it holds; returns its last value (the caller's assertion reports it). */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(intervalMs);
    value = await read();
  }
  return value;
}

/**
 * The tab id of the web page whose content script reports the given hostname, found from an
 * extension page. The extension has no "tabs" permission, so tabs.query hides every address but
 * its own pages': ask each other tab's content script instead (the popup's own question).
 */
export async function tabIdOfHost(extensionPage: Page, hostname: string): Promise<number> {
  const found = await extensionPage.evaluate(async (host) => {
    const { browser } = globalThis as unknown as { browser: typeof import('webextension-polyfill') };
    const ids: number[] = [];
    for (const tab of await browser.tabs.query({})) {
      if (tab.id === undefined || tab.url?.startsWith(location.origin)) continue;
      const info = (await browser.tabs.sendMessage(tab.id, { type: 'medgloss:get-page-info' }).catch(() => undefined)) as { hostname?: string } | undefined;
      if (info?.hostname === host) ids.push(tab.id);
    }
    return ids;
  }, hostname);
  if (found.length !== 1) throw new Error(`expected one tab showing ${hostname}, found ${found.length}`);
  return found[0]!;
}
