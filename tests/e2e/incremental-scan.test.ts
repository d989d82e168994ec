import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ScanPass } from '../../src/page/page-scanner';
import type { PageStats } from '../../src/page/start-page';
import { type ExtensionBrowser, launchWithExtension, waitForHighlights, watchConsole } from './browser';
import { type FixtureServer, serveFixtures } from './fixture-server';
import { readHighlightBoxes } from './in-page';

type Chrome = typeof import('webextension-polyfill');

const PARAGRAPH = 'Dermatomyositis can cause a heliotrope rash and Gottron’s papules; some people take azathioprine or IVIG.';
const PAGE_PARAGRAPHS = 600;
const ADDED = 100;

function longPage(paragraphStyle = ''): string {
  const paragraphs = Array.from({ length: PAGE_PARAGRAPHS }, (_, i) => `<p>Paragraph ${i}. ${PARAGRAPH}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>Long page</title><style>p { ${paragraphStyle} }</style></head><body><main id="feed">${paragraphs}</main></body></html>`;
}

/** Our registered ranges (the highlight registry is the page's too): how many, how many in the viewport, and how far the farthest lies. */
async function registeredRanges(page: Page): Promise<{ total: number; inView: number; farthest: number }> {
  const boxes = await page.evaluate(readHighlightBoxes);
  const height = await page.evaluate(() => innerHeight);
  return {
    total: boxes.length,
    inView: boxes.filter((box) => box.bottom > 0 && box.top < height).length,
    // How far the farthest range lies above or below the viewport, in px.
    farthest: Math.max(0, ...boxes.map((box) => Math.max(-box.bottom, box.top - height))),
  };
}

/** How many of PARAGRAPH's five terms lie in the viewport, found in the page's own text. */
async function termsInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const names = ['Dermatomyositis', 'heliotrope rash', 'Gottron’s papules', 'azathioprine', 'IVIG'];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let count = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (const name of names) {
        const at = node.data.indexOf(name);
        if (at < 0) continue;
        range.setStart(node, at);
        range.setEnd(node, at + name.length);
        const box = range.getBoundingClientRect();
        if (box.bottom > 0 && box.top < innerHeight) count++;
      }
    }
    return count;
  });
}

/**
 * How many occurrences of PARAGRAPH's five terms lie in the viewport, found in the text of the
 * page's `<pre>` joined (a long file's text is split into several text nodes).
 */
async function fileTermsInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const names = ['Dermatomyositis', 'heliotrope rash', 'Gottron’s papules', 'azathioprine', 'IVIG'];
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(document.querySelector('pre')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const text = nodes.map((node) => node.data).join('');
    const at = (offset: number): [Text, number] => {
      for (const node of nodes) {
        if (offset <= node.data.length) return [node, offset];
        offset -= node.data.length;
      }
      throw new Error('offset beyond the text');
    };
    const range = document.createRange();
    let count = 0;
    for (const name of names) {
      for (let start = text.indexOf(name); start >= 0; start = text.indexOf(name, start + 1)) {
        range.setStart(...at(start));
        range.setEnd(...at(start + name.length));
        const box = range.getBoundingClientRect();
        if (box.bottom > 0 && box.top < innerHeight) count++;
      }
    }
    return count;
  });
}

describe('page changes are rescanned in proportion to what changed, in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let page: Page;

  /** The scanner's figures, asked for the way the popup asks the active tab. */
  const scanStats = () =>
    browser.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const [tab] = await chrome.tabs.query({ active: true });
      const stats = (await chrome.tabs.sendMessage(tab!.id!, { type: 'medgloss:get-stats' })) as PageStats | null;
      return stats?.scan;
    });

  beforeAll(async () => {
    server = await serveFixtures({
      '/long.html': { body: longPage() },
      '/tall.html': { body: longPage('margin: 0 0 400px') },
      '/rerender.html': {
        body: `<!doctype html><html lang="en"><head><title>Rendered again</title></head><body>${`<p>${PARAGRAPH}</p>`.repeat(3)}</body></html>`,
      },
      '/long.txt': {
        body: Array.from({ length: PAGE_PARAGRAPHS }, (_, i) => `Line ${i}. ${PARAGRAPH}`).join('\n'),
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      },
    });
    browser = await launchWithExtension();
    page = await browser.context.newPage();
    await page.bringToFront();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('scans the whole page once, in slices, and then only the 100 paragraphs added to it', async () => {
    const consoleProblems = watchConsole(page);
    await page.goto(`${server.origin}/long.html`);
    await waitForHighlights(page);
    await expect.poll(async () => (await scanStats())?.first?.blocks, { timeout: 10_000 }).toBe(PAGE_PARAGRAPHS);
    const first = (await scanStats())!.first!;
    expect(first.termsFound).toBe(PAGE_PARAGRAPHS * 5);
    expect(first.slices).toBeGreaterThanOrEqual(1);
    expect(first.endedAt).toBeGreaterThanOrEqual(first.startedAt + first.busyMs - 1);

    // An infinite-scroll page appends the next items as one batch.
    await page.evaluate(
      ({ added, text }) => {
        const feed = document.getElementById('feed')!;
        const batch = document.createDocumentFragment();
        for (let i = 0; i < added; i++) {
          const p = document.createElement('p');
          p.textContent = `Added ${i}. ${text}`;
          batch.append(p);
        }
        feed.append(batch);
      },
      { added: ADDED, text: PARAGRAPH },
    );
    // `latest` is only replaced when a pass has ended.
    await expect.poll(async () => (await scanStats())?.latest?.startedAt ?? 0, { timeout: 5000 }).toBeGreaterThan(first.endedAt);
    const latest: ScanPass = (await scanStats())!.latest!;
    expect(latest.blocks).toBe(ADDED);
    expect(latest.termsFound).toBe(ADDED * 5);
    expect(consoleProblems).toEqual([]);
  });

  it('keeps the underlines of paragraphs the page renders again unchanged, without a moment without them', async () => {
    await page.goto(`${server.origin}/rerender.html`);
    await expect.poll(async () => (await registeredRanges(page)).total, { timeout: 10_000 }).toBe(3 * 5);
    const seen = await page.evaluate(async () => {
      const count = () => {
        let n = 0;
        for (const [name, highlight] of CSS.highlights) if (name.startsWith('medgloss-term-')) n += highlight.size;
        return n;
      };
      // Read between tasks, so that no state the content script leaves between two of its tasks is missed.
      const counts: number[] = [];
      const channel = new MessageChannel();
      let sampling = true;
      channel.port1.onmessage = () => {
        counts.push(count());
        if (sampling) channel.port2.postMessage(0);
      };
      channel.port2.postMessage(0);
      // What a framework's render does: each paragraph's text node is replaced by an equal one.
      for (const p of document.querySelectorAll('p')) {
        const text = p.textContent;
        p.textContent = text;
      }
      await new Promise((done) => setTimeout(done, 800));
      sampling = false;
      const onNewNodes = [...CSS.highlights]
        .filter(([name]) => name.startsWith('medgloss-term-'))
        .flatMap(([, highlight]) => [...highlight])
        .every((range) => range.startContainer.isConnected);
      return { counts, onNewNodes };
    });
    // The rescan ran (the ranges are on the new text nodes), and the count never fell meanwhile.
    expect(seen.onNewNodes).toBe(true);
    expect(seen.counts.length).toBeGreaterThan(100);
    expect(Math.min(...seen.counts)).toBe(3 * 5);
    expect(seen.counts.at(-1)).toBe(3 * 5);
  });

  it('scans a long plain-text file in pieces of whole lines, pausing between them, and underlines it to the end', async () => {
    const consoleProblems = watchConsole(page);
    await page.goto(`${server.origin}/long.txt`);
    await expect.poll(async () => (await scanStats())?.first?.termsFound, { timeout: 10_000 }).toBe(PAGE_PARAGRAPHS * 5);
    const first = (await scanStats())!.first!;
    // One <pre> of about 66,000 characters: several pieces, not one block matched in one go.
    expect(first.blocks).toBeGreaterThan(2);
    expect(first.slices).toBeGreaterThan(1);
    await page.evaluate(() => scrollTo(0, document.scrollingElement!.scrollHeight));
    const lastLine = await page.evaluate(() => document.body.textContent!.trim().split('\n').at(-1)!);
    expect(lastLine).toMatch(/^Line 599\. /);
    await expect.poll(async () => (await waitForHighlights(page)).filter((text) => text === 'azathioprine').length, { timeout: 5000 }).toBeGreaterThan(0);
    // Each piece's terms sit where they are in the whole file: every underline is a term's text.
    expect(new Set(await waitForHighlights(page))).toEqual(new Set(['Dermatomyositis', 'heliotrope rash', 'Gottron’s papules', 'azathioprine', 'IVIG']));
    const boxes = await page.evaluate(readHighlightBoxes);
    const height = await page.evaluate(() => innerHeight);
    expect(boxes.filter((box) => box.bottom > 0 && box.top < height).length).toBeGreaterThan(0);
    expect(consoleProblems).toEqual([]);
  });

  it('registers only the ranges near the viewport in a long plain-text file, follows the reader in it, and finds the term under the pointer there', async () => {
    await page.goto(`${server.origin}/long.txt`);
    await expect.poll(async () => (await scanStats())?.first?.termsFound, { timeout: 10_000 }).toBe(PAGE_PARAGRAPHS * 5);
    const height = await page.evaluate(() => innerHeight);
    for (const fraction of [0, 0.5, 0.93]) {
      await page.evaluate((f) => scrollTo(0, document.scrollingElement!.scrollHeight * f), fraction);
      const expected = await fileTermsInView(page);
      expect(expected).toBeGreaterThan(0);
      await expect.poll(async () => (await registeredRanges(page)).inView, { timeout: 5000 }).toBe(expected);
      // The file is one <pre>, one block container: its 3,000 ranges were all registered, wherever
      // the reader was. Now only those within about a screen of the viewport are.
      await expect.poll(async () => (await registeredRanges(page)).farthest, { timeout: 5000 }).toBeLessThanOrEqual(2 * height);
      expect((await registeredRanges(page)).total).toBeLessThan((PAGE_PARAGRAPHS * 5) / 2);
    }
    // The pointer on a term far down the file: the term is found among the file's 3,000.
    const heliotrope = await page.evaluate(
      (line) => {
        for (const node of document.querySelector('pre')!.childNodes) {
          const at = node.textContent!.indexOf(`Line ${line}. `);
          if (at < 0) continue;
          const range = document.createRange();
          const start = node.textContent!.indexOf('heliotrope rash', at);
          range.setStart(node, start);
          range.setEnd(node, start + 'heliotrope rash'.length);
          scrollBy(0, range.getBoundingClientRect().top - innerHeight / 2);
          const box = range.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
        return undefined;
      },
      Math.round(PAGE_PARAGRAPHS * 0.95),
    );
    await page.mouse.move(heliotrope!.x, heliotrope!.y);
    const popover = page.locator('medgloss-popover section[role="dialog"]');
    await popover.waitFor({ state: 'visible', timeout: 5000 });
    await expect(popover.locator('h2').textContent()).resolves.toMatch(/heliotrope rash/i);
    await page.mouse.move(1, 1);
    await page.keyboard.press('Escape');
  });

  it('registers only the ranges near the viewport, and follows the reader into the middle of a long stretch of blocks', async () => {
    await page.goto(`${server.origin}/tall.html`);
    await waitForHighlights(page);
    await expect.poll(async () => (await scanStats())?.first?.blocks, { timeout: 10_000 }).toBe(PAGE_PARAGRAPHS);
    // Paragraphs 400 px apart: the middle of the page is screens away from any group's first or
    // last block. Each jump lands in another chunk of 128 paragraphs, and the steps of 10 screens
    // after it move on inside that chunk.
    const height = await page.evaluate(() => innerHeight);
    const pitch = await page.evaluate(() => {
      const [first, second] = document.querySelectorAll('p');
      return second!.getBoundingClientRect().top - first!.getBoundingClientRect().top;
    });
    for (const fraction of [0.37, 0.5, 0.81]) {
      await page.evaluate((f) => scrollTo(0, document.scrollingElement!.scrollHeight * f), fraction);
      for (let step = 0; step < 3; step++) {
        if (step > 0) await page.evaluate((by) => scrollBy(0, by), 10 * height);
        const expected = await termsInView(page);
        expect(expected).toBeGreaterThan(0);
        await expect.poll(async () => (await registeredRanges(page)).inView, { timeout: 5000 }).toBe(expected);
        // Once scrolling stops, only the parts of 64 paragraphs around the viewport keep their ranges,
        // not the whole chunk around it, nor the parts scrolled past: no range is more than a part
        // and the kept screen beyond the viewport.
        await expect.poll(async () => (await registeredRanges(page)).farthest, { timeout: 5000 }).toBeLessThanOrEqual(64 * pitch + height);
      }
    }
  });
});

describe('the background that matches the text is stopped by the browser, in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await serveFixtures({
      '/page.html': {
        body: `<!doctype html><html lang="en"><head><title>Stopped</title></head><body><main id="feed"><p>${PARAGRAPH}</p><p>Her prothrombin time (PT) was long.</p></main></body></html>`,
      },
    });
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('underlines what the page adds afterwards, as the page defined it: the page opens a new port, and the background starts again', async () => {
    const page = await browser.context.newPage();
    const consoleProblems = watchConsole(page);
    await page.goto(`${server.origin}/page.html`);
    const named = ['Dermatomyositis', 'heliotrope rash', 'Gottron’s papules', 'azathioprine', 'IVIG', 'prothrombin time', 'PT'];
    expect(new Set(await waitForHighlights(page, 7))).toEqual(new Set(named));

    // What Chrome does to an idle extension service worker after 30 seconds.
    const cdp = await browser.context.newCDPSession(page);
    const stopped = new Promise<void>((resolve) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((version) => version.runningStatus === 'stopped')) resolve();
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;

    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later: methotrexate and a muscle biopsy.';
      // Alone, "PT" is underlined only in medical context (the glossary's PT is physical therapy);
      // the page defined it above, so the new background must be taught it.
      const abbreviated = document.createElement('p');
      abbreviated.textContent = 'The PT came back two seconds longer.';
      document.getElementById('feed')!.append(p, abbreviated);
    });
    await expect.poll(async () => (await waitForHighlights(page)).filter((text) => text === 'methotrexate').length, { timeout: 10_000 }).toBe(1);
    expect((await waitForHighlights(page)).filter((text) => text === 'PT')).toHaveLength(2);
    expect(consoleProblems).toEqual([]);
  });
});
