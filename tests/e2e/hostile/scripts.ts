import { expect } from 'vitest';
import { type HostileFixture, PARAGRAPH, PARAGRAPH_2, PARAGRAPH_2_TERMS, PARAGRAPH_TERMS, documentHtml, waitForFlag } from './common';

/** Page scripts that fight back: patched built-ins, fake events, fake messages, the highlight registry. */

export const prototypeOverrides: HostileFixture = {
  name: 'prototype-overrides',
  hostile: 'overrides Array.prototype.push, JSON.stringify, Node.prototype.appendChild, Element.prototype.attachShadow, RegExp.prototype.exec',
  html: documentHtml({
    title: 'Patched built-ins',
    body: `${PARAGRAPH}${PARAGRAPH_2}<div id="mine"></div>`,
    head: `<script>
(() => {
  const push = Array.prototype.push;
  window.__calls = { push: 0, stringify: 0, exec: 0 };
  Array.prototype.push = function (...items) { window.__calls.push++; return push.apply(this, items); };
  const stringify = JSON.stringify;
  JSON.stringify = function (value, ...rest) { window.__calls.stringify++; return stringify.call(JSON, value, ...rest); };
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (text) { window.__calls.exec++; if (String(text).includes('medgloss')) throw new Error('exec: not for extensions'); return exec.call(this, text); };
  const appendChild = Node.prototype.appendChild;
  Node.prototype.appendChild = function (node) {
    if (node && node.nodeType === 1 && node.localName.includes('-') && !node.hasAttribute('data-mine')) throw new DOMException('foreign custom element refused', 'NotAllowedError');
    return appendChild.call(this, node);
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    if (!this.hasAttribute('data-mine')) throw new DOMException('shadow roots are not allowed here', 'NotAllowedError');
    return attachShadow.call(this, init);
  };
  Object.freeze(Element.prototype);
})();
</script>`,
    script: `
const mine = document.createElement('my-widget');
mine.setAttribute('data-mine', '');
document.getElementById('mine').appendChild(mine);
mine.attachShadow({ mode: 'open' }).appendChild(document.createTextNode('Own widget: lupus clinic.'));
const list = []; list.push('a'); JSON.stringify(list); /x/.exec('x');`,
  }),
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  popover: 'methotrexate',
};

export const syntheticEvents: HostileFixture = {
  name: 'synthetic-events',
  hostile: 'dispatches synthetic pointer, mouse, focus and key events on its terms for 2 s',
  html: documentHtml({
    title: 'Synthetic events',
    body: `${PARAGRAPH}${PARAGRAPH_2}`,
    script: `
window.__dispatched = 0;
function pointAt(word) {
  const text = document.querySelector('p').firstChild;
  const at = text.data.indexOf(word);
  const range = document.createRange();
  range.setStart(text, at + 1);
  range.setEnd(text, at + 3);
  const rect = range.getBoundingClientRect();
  return { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
}
const started = performance.now();
const timer = setInterval(() => {
  if (window.__stop || performance.now() - started > 2000) { clearInterval(timer); window.__done = true; return; }
  const point = pointAt('methotrexate');
  const target = document.elementFromPoint(point.clientX, point.clientY) || document.body;
  const init = { ...point, bubbles: true, composed: true, cancelable: true, view: window };
  target.dispatchEvent(new PointerEvent('pointermove', { ...init, pointerType: 'mouse', pointerId: 1 }));
  target.dispatchEvent(new MouseEvent('mousemove', init));
  target.dispatchEvent(new MouseEvent('mouseover', init));
  target.dispatchEvent(new PointerEvent('pointerup', { ...init, pointerType: 'touch', pointerId: 2 }));
  document.querySelector('p').dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
  window.__dispatched++;
}, 50);`,
  }),
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  // The page stops dispatching by itself after 2 s (or on __stop); the DOM is compared after that.
  act: async (page) => {
    await waitForFlag(page, '__done');
    await page.waitForTimeout(800);
  },
  checks: {
    'opens no popover for events the page made up (isTrusted false)': async (page) => {
      await expect(page.evaluate(() => document.querySelectorAll('medgloss-popover').length)).resolves.toBe(0);
    },
  },
};

export const fakeMessages: HostileFixture = {
  name: 'fake-messages',
  hostile: 'posts extension-looking messages and replays the content script’s own start-up message back at it',
  html: documentHtml({
    title: 'Fake messages',
    body: `${PARAGRAPH}${PARAGRAPH_2}`,
    script: `
window.__seen = [];
addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (typeof type !== 'string') return;
  window.__seen.push(type);
  // The content script announces itself with a message whose type is the name of the DOM event it
  // listens to for "a newer copy of me started": replay it with another id.
  if (type.endsWith('wxt:content-script-started') && event.data.messageId !== 'page') {
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: event.data.contentScriptName, messageId: 'page' } }));
    window.__replayed = true;
  }
});
for (const message of [
  { type: 'medgloss:get-page-info' },
  { type: 'medgloss:show-term', id: 'lupus' },
  { type: 'medgloss:get-entry', id: 'lupus' },
  { type: 'wxt:content-script-started', contentScriptName: 'content', messageId: 'page' },
  'medgloss:stop',
  { type: 'medgloss:settings', settings: { enabled: false } },
]) window.postMessage(message, '*');
document.dispatchEvent(new CustomEvent('wxt:content-script-started', { detail: { contentScriptName: 'content', messageId: 'page' } }));`,
  }),
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  act: async (page) => {
    await page.waitForTimeout(1000);
  },
};

export const strictMessageListener: HostileFixture = {
  name: 'strict-message-listener',
  hostile: 'a message listener that JSON.parse()s every message (it expects only its own widgets’ strings)',
  html: documentHtml({
    title: 'Strict message listener',
    body: `${PARAGRAPH}${PARAGRAPH_2}`,
    script: `
addEventListener('message', (event) => {
  const message = JSON.parse(event.data);
  if (message.widget) document.title = message.widget;
});`,
  }),
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  act: async (page) => {
    await page.waitForTimeout(500);
  },
};

export const pageHighlights: HostileFixture = {
  name: 'page-highlights',
  hostile: 'uses the CSS Custom Highlight API itself and clears the whole registry (CSS.highlights.clear())',
  html: documentHtml({
    title: 'Own highlights',
    body: `${PARAGRAPH}${PARAGRAPH_2}<button id="search" type="button">Find "lupus"</button>`,
    style: '::highlight(search-hit) { background: yellow; }',
    script: `
document.getElementById('search').addEventListener('click', () => {
  CSS.highlights.clear();
  const text = document.querySelector('p').firstChild;
  const at = text.data.indexOf('lupus');
  const range = new StaticRange({ startContainer: text, startOffset: at, endContainer: text, endOffset: at + 5 });
  CSS.highlights.set('search-hit', new Highlight(range));
  window.__searched = true;
});`,
  }),
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  act: async (page) => {
    await page.click('#search');
    await waitForFlag(page, '__searched');
    await page.waitForTimeout(300);
  },
  checks: {
    'leaves the page’s own highlight alone': async (page) => {
      await expect(page.evaluate(() => CSS.highlights.get('search-hit')?.size)).resolves.toBe(1);
    },
  },
};

export const SCRIPT_FIXTURES = [prototypeOverrides, syntheticEvents, fakeMessages, strictMessageListener, pageHighlights];
