import { expect } from 'vitest';
import { type HostileFixture, PARAGRAPH, PARAGRAPH_2, PARAGRAPH_2_TERMS, PARAGRAPH_TERMS, documentHtml, waitForFlag } from './common';

/** Pages whose structure moves under the content script: re-renders, replaced documents, routes, feeds. */

const rerenderTemplate = `<header><h1>Living with dermatomyositis</h1></header><main>${PARAGRAPH}${PARAGRAPH_2}</main>`;

export const rerenderInterval: HostileFixture = {
  name: 'rerender-interval',
  hostile: 'replaces the whole <body> content every 500 ms',
  html: documentHtml({
    title: 'Re-rendered every 500 ms',
    body: `<div id="root">${rerenderTemplate}</div>`,
    script: `
const TEMPLATE = ${JSON.stringify(rerenderTemplate)};
window.__renders = 0;
const timer = setInterval(() => {
  if (window.__stop) { clearInterval(timer); return; }
  document.body.innerHTML = TEMPLATE;
  window.__renders++;
}, 500);`,
  }),
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  // Each render is identical, so once the timer is stopped the DOM is the same whatever the count.
  runMs: 2600,
  stop: true,
};

export const htmlJanitor: HostileFixture = {
  name: 'html-janitor',
  hostile: 'removes every unknown child of <html> as soon as it appears',
  html: documentHtml({
    title: 'Janitor',
    body: PARAGRAPH,
    script: `
window.__removed = [];
new MutationObserver(() => {
  for (const child of [...document.documentElement.children]) {
    if (child !== document.head && child !== document.body) { window.__removed.push(child.localName); child.remove(); }
  }
}).observe(document.documentElement, { childList: true });`,
  }),
  expect: PARAGRAPH_TERMS,
  // Rest on two terms in turn: each opening appends our host to <html>, and the page removes it.
  act: async (page) => {
    await page.mouse.move(1, 1);
    for (const term of ['methotrexate', 'lupus']) {
      const point = await page.evaluate((needle) => {
        const text = document.querySelector('p')!.firstChild as Text;
        const at = text.data.indexOf(needle);
        const range = document.createRange();
        range.setStart(text, at + 1);
        range.setEnd(text, at + 3);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }, term);
      await page.mouse.move(point.x, point.y, { steps: 3 });
      await page.waitForTimeout(1200);
    }
    await page.mouse.move(1, 1);
    await page.waitForTimeout(600);
  },
  checks: {
    'gives up the host when the page removes it, without a fight (at most one host per opening)': async (page) => {
      const removed = await page.evaluate(() => (window as unknown as { __removed: string[] }).__removed);
      expect(removed.every((name) => name === 'medgloss-popover')).toBe(true);
      expect(removed.length).toBeLessThanOrEqual(2);
      await expect(page.evaluate(() => document.querySelectorAll('medgloss-popover').length)).resolves.toBe(0);
    },
  },
};

const writtenDocument = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Written</title></head><body><h1>Replaced by document.write</h1>${PARAGRAPH_2}</body></html>`;

export const documentWrite: HostileFixture = {
  name: 'document-write',
  hostile: 'replaces itself with document.open()/write()/close() after load',
  html: documentHtml({
    title: 'Before document.write',
    body: `${PARAGRAPH}<button id="replace" type="button">Replace</button>`,
    script: `
document.getElementById('replace').addEventListener('click', () => {
  document.open();
  document.write(${JSON.stringify(writtenDocument)});
  document.close();
  window.__written = true;
});`,
  }),
  expect: PARAGRAPH_2_TERMS,
  // Replaced on a click, so the first scan has certainly run on the old document first.
  act: async (page) => {
    await page.click('#replace');
    await waitForFlag(page, '__written');
    await page.waitForTimeout(500);
  },
  popover: 'azathioprine',
};

const routes = {
  home: `<h1>Home</h1>${PARAGRAPH}`,
  treatment: `<h1>Treatment</h1>${PARAGRAPH_2}`,
  tests: '<h1>Tests</h1><p>An electromyography and a muscle biopsy confirm the diagnosis.</p>',
};

export const historyRoutes: HostileFixture = {
  name: 'history-routes',
  hostile: 'a single-page app: pushState routes, popstate, content swapped in <main>',
  html: documentHtml({
    title: 'SPA',
    body: `<nav><a href="?route=home" data-route="home">Home</a> · <a href="?route=treatment" data-route="treatment">Treatment</a> · <a href="?route=tests" data-route="tests">Tests</a></nav><main id="view"></main>`,
    script: `
const ROUTES = ${JSON.stringify(routes)};
const view = document.getElementById('view');
const render = (route) => { view.innerHTML = ROUTES[route]; document.title = route; };
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link) return;
  event.preventDefault();
  history.pushState({ route: link.dataset.route }, '', link.href);
  render(link.dataset.route);
});
addEventListener('popstate', (event) => render(event.state?.route ?? 'home'));
render('home');`,
  }),
  expect: PARAGRAPH_2_TERMS,
  act: async (page) => {
    await page.click('a[data-route="treatment"]');
    await page.waitForTimeout(300);
    await page.click('a[data-route="tests"]');
    await page.waitForTimeout(300);
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => document.title === 'treatment');
    await page.waitForTimeout(400);
  },
};

export const infiniteScroll: HostileFixture = {
  name: 'infinite-scroll',
  hostile: 'a feed adding 5 stories every 10 ms and 10 more on every scroll event, until 1,000',
  html: documentHtml({
    title: 'Feed',
    body: `${PARAGRAPH}<div id="feed"></div>`,
    script: `
const feed = document.getElementById('feed');
let count = 0;
function add(n) {
  for (let i = 0; i < n && count < 1000; i++) {
    count++;
    const story = document.createElement('article');
    story.innerHTML = '<h3>Story ' + count + '</h3><p>Reader ' + count + ' writes about <b>lupus</b> and her methotrexate.</p>';
    feed.appendChild(story);
  }
  if (count >= 1000) window.__done = true;
}
const timer = setInterval(() => { if (count >= 1000) { clearInterval(timer); return; } add(5); }, 10);
addEventListener('scroll', () => add(10));`,
  }),
  expect: ['lupus', 'methotrexate'],
  // The feed is bounded by its count, not by time, so both runs end with the same 1,000 stories;
  // the DOM is compared once the feed is complete (__done), when nothing moves any more.
  act: async (page) => {
    await page.mouse.move(500, 400);
    for (let i = 0; i < 20; i++) {
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(50);
    }
    await waitForFlag(page, '__done', 20_000);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(500);
  },
};

export const ownMutationObserver: HostileFixture = {
  name: 'own-mutation-observer',
  hostile: 'its own MutationObserver counts every change on the page and writes the count into the page',
  html: documentHtml({
    title: 'Observer',
    body: `<p id="count">Changes seen: 0</p>${PARAGRAPH}<div id="feed"></div>`,
    script: `
const countText = document.getElementById('count').firstChild;
let seen = 0;
new MutationObserver((records) => {
  const before = seen;
  for (const record of records) {
    if (record.target === countText || (record.target === document.body && record.attributeName === 'data-changes')) continue;
    seen++;
  }
  if (seen === before) return;
  countText.data = 'Changes seen: ' + seen;
  document.body.setAttribute('data-changes', String(seen));
}).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
let n = 0;
const timer = setInterval(() => {
  if (n >= 6) { clearInterval(timer); window.__done = true; return; }
  n++;
  const p = document.createElement('p');
  p.textContent = 'Update ' + n + ': the azathioprine dose was reviewed by her rheumatologist.';
  document.getElementById('feed').appendChild(p);
}, 150);`,
  }),
  expect: [...PARAGRAPH_TERMS, 'azathioprine', 'rheumatologist'],
  // The count of changes is part of the DOM, so the DOM comparison proves the extension made none.
  act: async (page) => {
    await waitForFlag(page, '__done');
    await page.waitForTimeout(300);
  },
};

const newRoot = `<head><meta charset="utf-8"><title>New root</title></head><body><h1>A new html element</h1>${PARAGRAPH_2}</body>`;

export const replaceRoot: HostileFixture = {
  name: 'replace-root',
  hostile: 'replaces the <html> element itself, then the <body> element',
  html: documentHtml({
    title: 'Old root',
    body: `${PARAGRAPH}<button id="swap" type="button">Swap</button>`,
    script: `
document.getElementById('swap').addEventListener('click', () => {
  const html = document.createElement('html');
  html.innerHTML = ${JSON.stringify(newRoot)};
  document.replaceChild(html, document.documentElement);
  setTimeout(() => {
    const body = document.createElement('body');
    body.innerHTML = '<h1>A new body element</h1>' + ${JSON.stringify(PARAGRAPH_2)} + '<p>Physical therapy helps after a flare.</p>';
    document.body = body;
    window.__swapped = true;
  }, 300);
});`,
  }),
  expect: [...PARAGRAPH_2_TERMS, 'Physical therapy'],
  act: async (page) => {
    await page.click('#swap');
    await waitForFlag(page, '__swapped');
    await page.waitForTimeout(500);
  },
};

export const mutationBurst: HostileFixture = {
  name: 'mutation-burst',
  hostile: '150,000 DOM changes in one task after the first scan (a long list rendered node by node)',
  html: documentHtml({
    title: 'Burst',
    body: `${PARAGRAPH}<div id="list"></div>`,
    script: `
setTimeout(() => {
  const list = document.getElementById('list');
  for (let i = 0; i < 150000; i++) list.appendChild(document.createTextNode(i === 149999 ? ' The last item is about psoriasis.' : ' x'));
  window.__done = true;
}, 1200);`,
  }),
  expect: [...PARAGRAPH_TERMS, 'psoriasis'],
  act: async (page) => {
    await waitForFlag(page, '__done', 20_000);
    await page.waitForTimeout(1500);
  },
};

export const STRUCTURE_FIXTURES = [
  rerenderInterval,
  htmlJanitor,
  documentWrite,
  historyRoutes,
  infiniteScroll,
  ownMutationObserver,
  replaceRoot,
  mutationBurst,
];
