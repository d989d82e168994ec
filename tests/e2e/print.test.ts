import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, centreOfText, launchPlain, launchWithExtension, waitForHighlights } from './browser';
import { type FixtureServer, seedPageHtml, serveFixtures } from './fixture-server';

/**
 * Printing, or saving as a PDF, gives the page as it is without MedGloss. Compared as pixels with
 * the same page in the same Chromium without the extension, on screen and in print. Not to the
 * pixel: text the browser paints in a highlight's pass, even one that draws nothing, can differ in
 * a few pixels of anti-aliasing (11 of 700,000 on this page).
 */
const NOT_SEEN = 50;
describe('the seed page printed, in Chromium', () => {
  let server: FixtureServer;
  let plain: Awaited<ReturnType<typeof launchPlain>>;
  let browser: ExtensionBrowser;
  let plainPage: Page;
  let page: Page;

  const shot = (tab: Page) => tab.screenshot({ clip: { x: 0, y: 0, width: 1000, height: 700 } });
  /** How many pixels differ between the two pages' screenshots, counted in a canvas of the plain browser. */
  const differingPixels = async () => {
    const [a, b] = [await shot(page), await shot(plainPage)].map((png) => `data:image/png;base64,${png.toString('base64')}`);
    return plainPage.evaluate(
      async ([first, second]) => {
        const pixels = async (url: string) => {
          const image = new Image();
          image.src = url;
          await image.decode();
          const canvas = new OffscreenCanvas(image.width, image.height);
          const context = canvas.getContext('2d')!;
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, image.width, image.height).data;
        };
        const [x, y] = [await pixels(first!), await pixels(second!)];
        let count = 0;
        for (let i = 0; i < x.length; i += 4) if (x[i] !== y[i] || x[i + 1] !== y[i + 1] || x[i + 2] !== y[i + 2]) count++;
        return count;
      },
      [a, b],
    );
  };

  beforeAll(async () => {
    server = await serveFixtures({ '/seed.html': { body: seedPageHtml() } });
    plain = await launchPlain();
    browser = await launchWithExtension();
    plainPage = await plain.context.newPage();
    page = await browser.context.newPage();
    for (const tab of [plainPage, page]) {
      await tab.setViewportSize({ width: 1000, height: 700 });
      await tab.goto(`${server.origin}/seed.html`);
    }
    await waitForHighlights(page, 20);
  });

  afterAll(async () => {
    await plain?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the underlines on screen', async () => {
    expect(await differingPixels()).toBeGreaterThan(20 * NOT_SEEN);
  });

  it('prints without them', async () => {
    for (const tab of [plainPage, page]) await tab.emulateMedia({ media: 'print' });
    expect(await differingPixels()).toBeLessThan(NOT_SEEN);
    for (const tab of [plainPage, page]) await tab.emulateMedia({ media: null });
  });

  it('prints without the popover, when one is open', async () => {
    const { x, y } = await centreOfText(page, 'Gottron’s papules');
    await page.mouse.move(x, y);
    await page.locator('medgloss-popover section[role="dialog"]').waitFor({ state: 'visible', timeout: 5000 });
    await plainPage.mouse.move(x, y);
    // On screen the popover covers part of the page.
    expect(await differingPixels()).toBeGreaterThan(20 * NOT_SEEN);
    for (const tab of [plainPage, page]) await tab.emulateMedia({ media: 'print' });
    expect(await differingPixels()).toBeLessThan(NOT_SEEN);
  });
});
