import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type Page, type Worker, chromium } from 'playwright-core';
import { pageReaders } from './in-page';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Chromium's flags for a closed network: without them it tries to reach Google at every start. */
const QUIET_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

/** Debian's Chromium (branded Chrome 137+ ignores --load-extension), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. The real-browser tests need Debian's chromium: run "apt-get install chromium" as root, or set CHROMIUM_PATH to a Chromium (not branded Chrome) binary.`,
    );
  }
  return path;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Starts headless Chromium with a fresh profile and the built extension loaded. */
export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'medgloss-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...QUIET_FLAGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Starts headless Chromium without the extension: the control for "the page is unchanged". */
export async function launchPlain(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'medgloss-plain-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, args: QUIET_FLAGS });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Records every request the browser makes (pages, extension pages, the extension's worker) that
 * does not go to the test's own server or stay inside the extension: MedGloss must make none.
 */
export function watchRequests(context: BrowserContext, ownOrigin: () => string): string[] {
  const unexpected: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(ownOrigin()) && !/^(chrome-extension|data|blob):/.test(url)) unexpected.push(url);
  });
  return unexpected;
}

/** Collects what a page says is wrong: uncaught errors and console errors and warnings. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
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
