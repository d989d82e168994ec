import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, centreOfText, launchWithExtension, waitForHighlights } from './browser';
import { type FixtureServer, seedPageHtml, serveFixtures } from './fixture-server';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's WCAG 2.1 A and AA rules on a page (or only inside one element of it). */
async function axeViolations(page: Page, include?: string): Promise<string[]> {
  // Evaluated rather than added as a <script>: extension pages' CSP forbids inline scripts.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const context = selector ? { include: [[selector]] } : document;
    return (await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  }, include);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

describe('accessibility (axe-core, WCAG 2.1 AA), in Chromium', () => {
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

  it.each([
    ['light', 'none'],
    ['dark', 'none'],
    ['light', 'active'],
  ] as const)('finds no violation in an open popover (%s mode, forced colours %s)', async (colorScheme, forcedColors) => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme, forcedColors });
    await page.goto(`${server.origin}/seed.html`);
    await waitForHighlights(page);
    const { x, y } = await centreOfText(page, 'Gottron’s papules');
    await page.mouse.move(x, y);
    await page.locator('medgloss-popover section[role="dialog"]').waitFor();
    // The shadow root is open, so axe sees the popover's content through its host.
    await expect(axeViolations(page, 'medgloss-popover')).resolves.toEqual([]);
    await page.close();
  });

  it('reports a violation when there is one (the check is not empty)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.locator('main').first().waitFor();
    await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('input'), { type: 'text' })));
    await expect(axeViolations(page)).resolves.toEqual([expect.stringMatching(/^label: /)]);
    await page.close();
  });

  it.each(['popup.html', 'glossary.html', 'glossary.html#gottrons-papules'])('finds no violation on %s', async (path) => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    await page.locator('main').first().waitFor();
    await page.waitForTimeout(300);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.close();
  });
});
