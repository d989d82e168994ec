import { expect } from 'vitest';
import { type HostileFixture, PARAGRAPH, PARAGRAPH_2, PARAGRAPH_2_TERMS, PARAGRAPH_TERMS, documentHtml, waitForFlag } from './common';

/** The Fullscreen API: an element the reader puts in fullscreen (the top layer), with its own sticky header. */

const filler = Array.from({ length: 10 }, (_, i) => `<p>Page ${i + 1}. Nothing medical here, only words to make the reader scroll.</p>`).join('\n');

export const fullscreenReader: HostileFixture = {
  name: 'fullscreen-reader',
  hostile: 'a reading view put in fullscreen (requestFullscreen on a click) with a sticky header inside it',
  html: documentHtml({
    title: 'Fullscreen reader',
    body: `<p>Outside the reader: her rheumatologist called.</p>
<button id="go" type="button">Read in fullscreen</button>
<article id="reader"><header><p>Lupus guide · Dermatomyositis basics</p></header>${PARAGRAPH}${filler}${PARAGRAPH_2}${filler}</article>`,
    style:
      '#reader { background: #fff; overflow: auto; padding: 0 1em; } #reader:fullscreen { padding: 0 2em; } ' +
      '#reader header { position: sticky; top: 0; z-index: 2147483647; background: #0b3d91; color: #fff; padding: 1em; margin: 0 -1em; } #reader header p { margin: 0; font-weight: bold; }',
    script: `
document.getElementById('go').addEventListener('click', () => {
  document.getElementById('reader').requestFullscreen().then(
    () => { window.__fullscreen = true; },
    (error) => { window.__fullscreenError = String(error); window.__fullscreen = true; },
  );
});`,
  }),
  expect: ['Lupus', 'Dermatomyositis', 'rheumatologist', ...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  // A real click (a user gesture): requestFullscreen() refuses without one.
  act: async (page) => {
    await page.click('#go');
    await waitForFlag(page, '__fullscreen');
    await page.waitForTimeout(500);
  },
  popover: 'Lupus guide',
  checks: {
    'the reading view is in fullscreen (the condition holds)': async (page) => {
      await expect(
        page.evaluate(() => ({
          element: document.fullscreenElement?.id ?? null,
          error: (window as unknown as { __fullscreenError?: string }).__fullscreenError ?? null,
        })),
      ).resolves.toEqual({ element: 'reader', error: null });
    },
  },
};

export const FULLSCREEN_FIXTURES = [fullscreenReader];
