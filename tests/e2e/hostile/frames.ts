import type { FixturePage } from '../fixture-server';
import { type HostileFixture, PARAGRAPH, PARAGRAPH_2, PARAGRAPH_2_TERMS, PARAGRAPH_TERMS, documentHtml } from './common';

/** Frames: many of them, srcdoc ones, sandboxed ones. */

const FRAME_COUNT = 40;

const framePages: Record<string, FixturePage> = Object.fromEntries(
  Array.from({ length: FRAME_COUNT }, (_, i) => [`/frame-${i}.html`, { body: documentHtml({ title: `Frame ${i}`, body: `<p>Frame ${i}.</p>${PARAGRAPH}` }) }]),
);

export const fortyIframes: HostileFixture = {
  name: 'forty-iframes',
  hostile: '40 same-origin iframes, each a page with terms',
  html: documentHtml({
    title: '40 iframes',
    body: `${PARAGRAPH_2}<div>${Array.from({ length: FRAME_COUNT }, (_, i) => `<iframe src="/frame-${i}.html" width="200" height="80" title="Frame ${i}"></iframe>`).join('')}</div>`,
  }),
  extraPages: framePages,
  expect: PARAGRAPH_2_TERMS,
};

const attribute = (html: string) => html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export const srcdocIframes: HostileFixture = {
  name: 'srcdoc-iframes',
  hostile: 'srcdoc iframes: plain, sandboxed, scripted (rewrites itself), nested',
  html: documentHtml({
    title: 'srcdoc iframes',
    body: `${PARAGRAPH}
<iframe title="plain" srcdoc="${attribute(PARAGRAPH_2)}"></iframe>
<iframe title="sandboxed" sandbox="" srcdoc="${attribute(PARAGRAPH)}"></iframe>
<iframe title="scripted" srcdoc="${attribute(`<p id="x">Loading</p><script>document.getElementById('x').textContent = 'Lupus and methotrexate from a script.';</script>`)}"></iframe>
<iframe title="nested" srcdoc="${attribute(`<p>Outer</p><iframe srcdoc="${attribute(PARAGRAPH_2)}"></iframe>`)}"></iframe>`,
  }),
  expect: PARAGRAPH_TERMS,
};

export const FRAME_FIXTURES = [fortyIframes, srcdocIframes];
