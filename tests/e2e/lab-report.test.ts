import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, launchWithExtension, waitForHighlights, watchConsole } from './browser';
import { type FixtureServer, serveFixtures } from './fixture-server';

/**
 * A patient-portal lab report: one test per row, so a short abbreviation ("MCV") has no other
 * medical word in its own cell; and, on the same page, a table where the same kind of abbreviation
 * means something else (the Australian Labor Party).
 */
const REPORT = `<!doctype html><html lang="en"><head><title>Lab results</title></head><body>
<h1>Your results</h1>
<table id="labs">
  <tr><th>Test</th><th>Result</th><th>Flag</th></tr>
  <tr><td>MCV</td><td>101 fL</td><td>H</td></tr>
  <tr><td>Hemoglobin</td><td>11.2 g/dL</td><td>L</td></tr>
  <tr><td>ALK PHOS</td><td>152 U/L</td><td>H</td></tr>
</table>
<table id="votes">
  <tr><th>Party</th><th>Seats</th></tr>
  <tr><td>ALP</td><td>68</td></tr>
  <tr><td>Coalition</td><td>58</td></tr>
</table>
</body></html>`;

describe('a lab report in a table, in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    server = await serveFixtures({ '/report.html': { body: REPORT } });
    browser = await launchWithExtension();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('underlines the short names of tests from the rest of their table, and nothing in a table that is not medical', async () => {
    const consoleProblems = watchConsole(page);
    await page.goto(`${server.origin}/report.html`);
    const texts = await waitForHighlights(page, 3);
    expect([...texts].sort()).toEqual(['ALK PHOS', 'Hemoglobin', 'MCV']);
    expect(consoleProblems).toEqual([]);
  });
});
