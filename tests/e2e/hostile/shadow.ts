import { expect } from 'vitest';
import { highlightedTexts } from '../browser';
import { type HostileFixture, PARAGRAPH, PARAGRAPH_TERMS, documentHtml } from './common';

/** Shadow DOM: open, nested, slotted, closed, and filled after the first scan. */

export const openShadow: HostileFixture = {
  name: 'open-shadow',
  hostile: 'terms in open shadow roots three levels deep, in a slot, and in code and an editor inside a shadow root',
  html: documentHtml({
    title: 'Open shadow roots',
    body: `<p>Dermatomyositis can be hard to diagnose.</p>
<div id="host1"></div>
<x-card><p slot="body">Slotted light DOM: azathioprine.</p></x-card>`,
    script: `
const s1 = document.getElementById('host1').attachShadow({ mode: 'open' });
s1.innerHTML = '<p>Shadow paragraph: lupus and methotrexate.</p><div id="inner"></div><code>methotrexate in shadow code</code><div contenteditable="true">lupus in a shadow editor</div>';
const s2 = s1.getElementById('inner').attachShadow({ mode: 'open' });
s2.innerHTML = '<p>Nested shadow: heliotrope rash.</p><div id="deep"></div>';
const s3 = s2.getElementById('deep').attachShadow({ mode: 'open' });
s3.innerHTML = '<p>Third level: Gottron’s papules.</p>';
customElements.define('x-card', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<h2>Card: rheumatologist</h2><slot name="body"></slot>'; }
});`,
  }),
  expect: ['Dermatomyositis', 'lupus', 'methotrexate', 'heliotrope rash', 'Gottron’s papules', 'rheumatologist', 'azathioprine'],
  screenshot: true,
};

export const closedShadow: HostileFixture = {
  name: 'closed-shadow',
  hostile: 'a closed shadow root with terms (out of reach, must not break anything)',
  html: documentHtml({
    title: 'Closed shadow root',
    body: `${PARAGRAPH}<div id="closed"></div>`,
    script: `
const root = document.getElementById('closed').attachShadow({ mode: 'closed' });
root.innerHTML = '<p>Closed shadow: azathioprine and creatine kinase.</p>';`,
  }),
  expect: PARAGRAPH_TERMS,
};

export const lateShadow: HostileFixture = {
  name: 'late-shadow',
  hostile: 'custom elements whose shadow roots are filled, or which are defined, after the first scan',
  html: documentHtml({
    title: 'Late shadow content',
    body: `${PARAGRAPH}<med-note></med-note><med-later><p>Light DOM of a late element: physical therapy.</p></med-later><button id="load" type="button">Load notes</button>`,
    script: `
customElements.define('med-note', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }); }
  fill() { this.shadowRoot.innerHTML = '<p>Filled later: azathioprine, prescribed by her rheumatologist.</p>'; }
});
document.getElementById('load').addEventListener('click', () => {
  document.querySelector('med-note').fill();
  customElements.define('med-later', class extends HTMLElement {
    constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p>Defined later: creatine kinase.</p><slot></slot>'; }
  });
  window.__loaded = true;
});`,
  }),
  expect: [...PARAGRAPH_TERMS, 'physical therapy'],
  // Filled on a click, after the first scan has run (the runner waits for underlines before acting).
  act: async (page) => {
    await page.click('#load');
    await page.waitForTimeout(800);
  },
  checks: {
    'underlines what appears in shadow roots after the first scan': async (page) => {
      const texts = await highlightedTexts(page);
      expect(['azathioprine', 'rheumatologist'].filter((t) => !texts.includes(t))).toEqual([]);
    },
    'underlines shadow roots attached after the first scan': async (page) => {
      await expect(highlightedTexts(page)).resolves.toContain('creatine kinase');
    },
  },
};

export const SHADOW_FIXTURES = [openShadow, closedShadow, lateShadow];
