import type { Page } from 'playwright-core';
import type { FixturePage } from '../fixture-server';

/**
 * A hostile fixture page: ordinary paragraphs with medical terms, plus one condition that tends to
 * break content scripts. The suite loads each page once with the extension and once without it
 * (the control), runs the same `act` in both, and compares.
 */
export interface HostileFixture {
  /** Served at `/<name>.html`; also the name of the test group and of any screenshot. */
  name: string;
  /** What is hostile about the page, in a few words. */
  hostile: string;
  html: string;
  /** Response headers (CSP…). */
  headers?: Record<string, string>;
  /** More pages the fixture loads (iframes), by path. */
  extraPages?: Record<string, FixturePage>;
  /** Texts that must be underlined once the page has settled (as Range.toString() gives them). */
  expect: string[];
  /** What a reader does, run the same way with and without the extension (typing, clicking, scrolling). */
  act?: (page: Page) => Promise<void>;
  /** How long the page runs on its own (timers, feeds) with the scanner active, before it is stopped. */
  runMs?: number;
  /**
   * The page changes by itself: set `window.__stop = true` (every timer of the fixture checks it)
   * and wait for the page to be quiet before comparing.
   */
  stop?: boolean;
  /** A term to rest the pointer on: the popover must open above everything with a non-empty `.short`. */
  popover?: string;
  /** Take a screenshot of the settled page into tests/e2e/artifacts/ (to look at, not compared). */
  screenshot?: boolean;
  /** Emulated `prefers-color-scheme` for this page. */
  colorScheme?: 'light' | 'dark';
  /** Checks of this page only, run on the page with the extension after the common ones. */
  checks?: Record<string, (page: Page) => Promise<void>>;
  /**
   * Assertions that fail because of a bug in the extension, by assertion name ('console', 'dom',
   * 'excluded', 'stale', 'underlines', 'popover' or a `checks` key), with the bug explained. They
   * run in the "known bugs" group at the end as `it.fails`, never in the page's own group.
   */
  known?: Record<string, string>;
}

/** A normal paragraph with the terms most fixtures expect to see underlined. */
export const PARAGRAPH =
  '<p>Dermatomyositis is often treated with methotrexate. A heliotrope rash around the eyes is typical, and lupus can look similar at first.</p>';
export const PARAGRAPH_TERMS = ['Dermatomyositis', 'methotrexate', 'heliotrope rash', 'lupus'];

/** A second paragraph with other terms, for pages that need two kinds of content. */
export const PARAGRAPH_2 = '<p>Her rheumatologist added azathioprine and checked her creatine kinase every month.</p>';
export const PARAGRAPH_2_TERMS = ['rheumatologist', 'azathioprine', 'creatine kinase'];

export interface DocumentParts {
  title: string;
  body: string;
  head?: string;
  /** Page script, run at the end of <body>. Every timer it starts must stop when `window.__stop` is set. */
  script?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  style?: string;
}

/** A complete, self-contained page: no network, everything inline. */
export function documentHtml({ title, body, head = '', script, lang = 'en', dir, style = '' }: DocumentParts): string {
  return `<!doctype html>
<html lang="${lang}"${dir ? ` dir="${dir}"` : ''}><head><meta charset="utf-8"><title>${title}</title>
<style>body { font: 16px/1.5 Georgia, serif; max-width: 46em; margin: 1em auto; padding: 0 1em; color: #222; } ${style}</style>
${head}</head>
<body>
${body}
${script ? `<script>\n${script}\n</script>` : ''}
</body></html>`;
}

/** Waits until a page-side flag is true (the page's own work is finished). */
export async function waitForFlag(page: Page, flag: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction((name) => (window as unknown as Record<string, unknown>)[name] === true, flag, { timeout });
}
