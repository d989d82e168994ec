import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, launchWithExtension, waitForHighlights, watchConsole } from './browser';
import { type FixtureServer, serveFixtures } from './fixture-server';

/**
 * A patient-portal lab report: one test per row, so a short abbreviation ("MCV") has no other
 * medical word in its own cell; and, on the same page, a table where the same kind of abbreviation
 * means something else (the Australian Labor Party). Below them, the portal's menu of health topics,
 * where "Stroke" is alone in its item, and a list of headlines where it is not about health.
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
<ul id="topics"><li><a href="#">Stroke</a></li><li><a href="#">Asthma</a></li><li><a href="#">Lupus</a></li><li><a href="#">Contact us</a></li></ul>
<ul id="news"><li>A stroke of luck for the home team</li><li>Markets rally</li><li>Rain all week</li></ul>
</body></html>`;

describe('a lab report in a table and a menu of health topics, in Chromium', () => {
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

  it('underlines the short names of tests from the rest of their table and a topic alone in a menu item, and nothing in a table or list that is not medical', async () => {
    const consoleProblems = watchConsole(page);
    await page.goto(`${server.origin}/report.html`);
    const texts = await waitForHighlights(page, 6);
    expect([...texts].sort()).toEqual(['ALK PHOS', 'Asthma', 'Hemoglobin', 'Lupus', 'MCV', 'Stroke']);
    expect(consoleProblems).toEqual([]);
  });
});
