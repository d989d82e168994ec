/**
 * The real-browser benchmark: Debian's Chromium with and without the built extension, on the e2e
 * seed page (the fixed cost on any page), on generated health pages of about 100 KB, 1 MB and 5 MB
 * of text, and on the four largest saved real pages of the shared corpus. Run with
 * `npx tsx tests/bench/browser-bench.ts [page names…]` after `npm run build` (it builds nothing).
 * Never asserted anywhere: it prints tables and writes tests/bench/results/browser-bench.json.
 *
 * Every figure is the median of several loads, each in a fresh tab, with the two browsers used in
 * turn so that the machine's noise falls on both. For each page:
 *
 * - floor: without the extension, one TreeWalker pass over document.body joining every text node's
 *   data, timed inside the page: the least any text scanner has to do. Also timed from a fresh
 *   isolated world (CDP Page.createIsolatedWorld), the kind of world content scripts run in, where
 *   each node reached needs a wrapper of its own: the least a content script has to do.
 * - extension: from navigation to the underlines being stable (the sum of the sizes of the
 *   `medgloss-term-*` highlights has not changed for QUIET_MS while frames and timers run), the
 *   first underline, the load event, long tasks and main-thread busy time (CDP TaskDuration, read
 *   at the same page time in both browsers, see loadWindowMs) against the same page without the
 *   extension; the content script's own account of its first pass (scan start to all matches
 *   found, time spent scanning, slices, longest slice) and of its pass over ADDED_PARAGRAPHS
 *   paragraphs appended afterwards; how long the page went without a frame or a
 *   timer tick (work in short slices is no long task, yet can hold both up); the ranges registered
 *   at the top and after scrolling to the bottom; and, in the last run, the terms the content
 *   script found in all and how long it takes to answer the popup's question (capped at
 *   POPUP_CAP_MS).
 * - the extension's own tasks: from a Chromium trace of one more load, the main-thread tasks that
 *   ran the extension's code, whole (see measureOwnTasks).
 * - mark.js: without the extension, `new Mark(document.body).markRegExp(re)` with one alternation of
 *   every glossary name, until `done`, and until the layout that follows.
 * - the page's own work: 2,000 DOM changes to its paragraphs, with and without the extension, and
 *   the main-thread time of what follows them (the extension rescans changed blocks 150 ms later);
 *   without the extension also with a control observer of the page's own, set up like ours: the
 *   cost of the browser recording changes for any observer.
 * - scrolling, then a live page: main-thread time per frame while the page scrolls, and then while
 *   it changes a clock's text every frame (on each such frame Chromium rebuilds its highlighted text
 *   from every registered range, so this is what the ranges we keep registered cost).
 * - heap: the renderer's JS heap after a forced GC (CDP Runtime.getHeapUsage; the content script's
 *   isolated world shares the page's isolate, so this includes it).
 * - hover (5 MB page only): document.caretPositionFromPoint at 200 seeded random viewport points,
 *   alone and with the client rects of the word under the caret (what term-at-point does).
 * - bundle: the content script's size, raw and gzipped.
 *
 * Code that runs inside the page is plain JavaScript in strings: tsx compiles functions with
 * `keepNames`, and the `__name` helper it inserts does not exist in the page.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { compileGlossary } from '../../src/glossary/compile-glossary';
import { loadValidGlossary } from '../../src/glossary/load-glossary';
import { EXTENSION_DIR, type ExtensionBrowser, launchPlain, launchWithExtension, watchConsole } from '../e2e/browser';
import { type FixturePage, SHARED_DIR, seedPageHtml, serveFixtures } from '../e2e/fixture-server';
import type { ScanPass } from '../../src/page/page-scanner';
import type { PageStats } from '../../src/page/start-page';
import { EXCLUSION_ATTRIBUTES } from '../../src/page/collect-blocks';
import { buildPlainText, generatePages, readHealthTopics } from './generate-pages';

const RESULTS_FILE = resolve(import.meta.dirname, 'results/browser-bench.json');
const PAGES_DIR = resolve(SHARED_DIR, 'corpus/pages');
/**
 * What the glossary data every page loads (each entry's id, category and level) may cost, gzipped
 * (README, Performance). The names are matched in the background and load once per start of it,
 * not on every page: they are printed, not budgeted.
 */
const GLOSSARY_DATA_BUDGET_BYTES = 64 * 1024;
const CONTENT_SCRIPT = join(EXTENSION_DIR, 'content-scripts/content.js');
const BACKGROUND_SCRIPT = join(EXTENSION_DIR, 'background.js');
const MARK_JS = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');

const VIEWPORT = { width: 1280, height: 800 };
/** Underlines are stable when their count has not changed for this long while the page runs. */
const QUIET_MS = 500;
const SETTLE_TIMEOUT_MS = 60_000;
const DOM_CHANGES = 2000;
const ADDED_PARAGRAPHS = 100;
const SCROLL_FRAMES = 60;
const SCROLL_STEP_PX = 250;
const HOVER_POINTS = 200;
const REAL_PAGES = 4;
const RUNS_SMALL = 5;
const RUNS_LARGE = 3;
const POPUP_CAP_MS = 3000;

// ---------------------------------------------------------------------------------------------
// In-page code
// ---------------------------------------------------------------------------------------------

/**
 * Installed before any page script: long tasks, gaps between frames and between timer ticks (a
 * busy main thread can starve either without any long task), and every change of the number of
 * our highlight ranges, read once per frame. Both browsers get it, so its cost falls on both.
 */
const PROBE_SCRIPT = `(() => {
  const probe = {
    longtasks: [], frameGaps: [], timerGaps: [], highlightChanges: [],
    highlightCount: 0, firstHighlightAt: null, lastChangeAt: 0, lastFrame: 0, lastTimer: 0, frames: 0,
  };
  Object.defineProperty(window, '__mgBench', { value: probe });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  probe.count = () => {
    let n = 0;
    if (globalThis.CSS && CSS.highlights) for (const [name, h] of CSS.highlights) if (name.startsWith('medgloss-term-')) n += h.size;
    return n;
  };
  const onFrame = () => {
    const now = performance.now();
    if (probe.lastFrame && now - probe.lastFrame > 50) probe.frameGaps.push([probe.lastFrame, now - probe.lastFrame]);
    probe.lastFrame = now;
    probe.frames++;
    const n = probe.count();
    if (n !== probe.highlightCount) {
      probe.highlightCount = n;
      probe.lastChangeAt = now;
      if (probe.firstHighlightAt === null && n > 0) probe.firstHighlightAt = now;
      probe.highlightChanges.push([now, n]);
    }
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  setInterval(() => {
    const now = performance.now();
    if (probe.lastTimer && now - probe.lastTimer > 100) probe.timerGaps.push([probe.lastTimer, now - probe.lastTimer]);
    probe.lastTimer = now;
  }, 25);
  /** Long tasks and gaps that start at or after t. */
  probe.since = (t) => {
    const lt = probe.longtasks.filter(([s]) => s >= t);
    const max = (list) => list.filter(([s]) => s >= t).reduce((m, [, d]) => Math.max(m, d), 0);
    const sum = (list) => list.filter(([s]) => s >= t).reduce((m, [, d]) => m + d, 0);
    return {
      longtaskCount: lt.length,
      longtaskMax: lt.reduce((m, [, d]) => Math.max(m, d), 0),
      longtaskTotal: lt.reduce((s, [, d]) => s + d, 0),
      maxFrameGap: max(probe.frameGaps),
      maxTimerGap: max(probe.timerGaps),
      frameGapTotal: sum(probe.frameGaps),
      timerGapTotal: sum(probe.timerGaps),
    };
  };
})();`;

/** The floor: one TreeWalker pass joining every text node of the body. */
const FLOOR_EXPR = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.data);
  const text = parts.join('');
  return { ms: performance.now() - t0, chars: text.length, textNodes: parts.length };
})()`;

/**
 * 2,000 changes the way a page makes them: text nodes appended and removed, paragraphs rewritten.
 * The page is scrolled to the bottom first, and the last 50 paragraphs change: those the reader sees.
 */
const DOM_CHANGES_EXPR = `(async () => {
  let targets = [...document.querySelectorAll('p')].filter((p) => (p.textContent || '').trim().length > 20).slice(-50);
  if (targets.length === 0) targets = [...document.body.querySelectorAll('div')].slice(-50);
  const t0 = performance.now();
  for (let k = 0; k < ${DOM_CHANGES / 4}; k++) {
    const p = targets[k % targets.length];
    const extra = document.createTextNode(' with some words about arthritis and fever');
    p.appendChild(extra);
    p.removeChild(extra);
    const original = p.textContent;
    p.textContent = original + ' Updated today.';
    p.textContent = original;
  }
  const syncMs = performance.now() - t0;
  await Promise.resolve(); // mutation observers (ours and the page's) are delivered before this
  return { t0, syncMs, withObserversMs: performance.now() - t0, paragraphs: targets.length };
})()`;

/**
 * The control for the page's DOM changes: a MutationObserver with the options the content script
 * uses, installed by the page itself, whose callback only keeps the records. What the page's changes
 * cost with it is what any extension that follows page changes costs; ours is compared with it.
 */
const CONTROL_OBSERVER_EXPR = `(() => {
  const kept = [];
  const observer = new MutationObserver((records) => { for (const r of records) kept.push(r); });
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ${JSON.stringify(EXCLUSION_ATTRIBUTES)} });
  window.__mgControlObserver = observer;
})()`;

/** caretPositionFromPoint at seeded random points, alone and with the word's client rects. */
const HOVER_EXPR = `(() => {
  let state = 0x9e3779b9;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const caret = [];
  const withRects = [];
  let onText = 0;
  for (let i = 0; i < ${HOVER_POINTS}; i++) {
    const x = random() * innerWidth;
    const y = random() * innerHeight;
    const t0 = performance.now();
    const position = document.caretPositionFromPoint(x, y);
    const t1 = performance.now();
    if (position && position.offsetNode.nodeType === Node.TEXT_NODE) {
      onText++;
      const data = position.offsetNode.data;
      let start = position.offset;
      let end = position.offset;
      while (start > 0 && /\\w/.test(data[start - 1])) start--;
      while (end < data.length && /\\w/.test(data[end])) end++;
      const range = document.createRange();
      range.setStart(position.offsetNode, start);
      range.setEnd(position.offsetNode, end);
      for (const rect of range.getClientRects()) if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) break;
    }
    const t2 = performance.now();
    caret.push(t1 - t0);
    withRects.push(t2 - t0);
  }
  const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const p95 = (list) => list.sort((a, b) => a - b)[Math.floor(list.length * 0.95)];
  return { caretMedian: median(caret), caretP95: p95(caret), withRectsMedian: median(withRects), withRectsP95: p95(withRects), onText };
})()`;

/** mark.js over the whole body with one alternation, until done and until the layout after it. */
function markExpr(source: string): string {
  return `new Promise((resolve) => {
    const re = new RegExp(${JSON.stringify(source)}, 'gi');
    const t0 = performance.now();
    new Mark(document.body).markRegExp(re, {
      done: (marks) => {
        const t1 = performance.now();
        document.body.getBoundingClientRect();
        resolve({ ms: t1 - t0, withLayoutMs: performance.now() - t0, marks });
      },
    });
  })`;
}

// ---------------------------------------------------------------------------------------------
// Measuring one load
// ---------------------------------------------------------------------------------------------

interface WindowStats {
  longtaskCount: number;
  longtaskMax: number;
  longtaskTotal: number;
  maxFrameGap: number;
  maxTimerGap: number;
  /** Sum of the gaps between frames longer than 50 ms: time the page could not paint. */
  frameGapTotal: number;
  /** Sum of the gaps between 25 ms timer ticks longer than 100 ms: time the page's timers waited. */
  timerGapTotal: number;
}

interface LoadFigures extends WindowStats {
  loadEventMs: number;
  /** Navigation start to the last change of our highlight count (null: none ever registered). */
  stableMs: number | null;
  firstHighlightMs: number | null;
  rangesTop: number;
  busyMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  heapBytes: number;
}

interface DomFigures {
  syncMs: number;
  withObserversMs: number;
  /** Main-thread time from the first change to AFTER_CHANGES_MS later. */
  busyAfterMs: number;
  after: WindowStats;
}

interface RunFigures {
  load: LoadFigures;
  dom: DomFigures;
  floor?: { ms: number; chars: number; textNodes: number };
  /** The same floor walked from a fresh isolated world, the kind of world content scripts run in. */
  isolatedFloor?: { ms: number; chars: number; textNodes: number };
  /** The page's DOM changes again, with the control observer (CONTROL_OBSERVER_EXPR) installed. */
  domControl?: DomFigures;
  /** Main-thread time per frame while the page scrolls SCROLL_FRAMES frames from the top. */
  scroll?: { msPerFrame: number; frames: number };
  /** Main-thread time per frame while the page changes a clock's text every frame (see measureTicking). */
  tick?: { msPerFrame: number; frames: number };
  /** The content script's first pass over the whole page (see PageScanner's ScanStats). */
  firstScan?: ScanPass;
  /** Its pass over ADDED_PARAGRAPHS paragraphs appended in one batch after the page settled. */
  added?: ScanPass;
  mark?: { ms: number; withLayoutMs: number; marks: number };
  rangesBottom?: number;
  bottomReadyMs?: number;
  termsFound?: number;
  popupMs?: number;
  popupTimedOut?: boolean;
  hover?: { caretMedian: number; caretP95: number; withRectsMedian: number; withRectsP95: number; onText: number };
  /** The content script's own time to find the term under the pointer, over real pointer moves. */
  pointer?: { median: number; p95: number; max: number; moves: number; onTerms: number };
  /** Main-thread tasks that ran the extension's code during a traced load (see measureOwnTasks). */
  ownTasks?: { ms: number; tasks: number; longestMs: number };
}

const AFTER_CHANGES_MS = 500;

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

interface ProbeState {
  now: number;
  readyState: string;
  loadEventEnd: number;
  lastChangeAt: number;
  lastFrame: number;
  lastTimer: number;
  count: number;
}

const PROBE_STATE_EXPR = `(() => {
  const p = window.__mgBench;
  const nav = performance.getEntriesByType('navigation')[0];
  return { now: performance.now(), readyState: document.readyState, loadEventEnd: nav ? nav.loadEventEnd : 0,
    lastChangeAt: p.lastChangeAt, lastFrame: p.lastFrame, lastTimer: p.lastTimer, count: p.highlightCount };
})()`;

/**
 * Waits until the page is loaded, frames and timers run, and the highlight count has not changed
 * for QUIET_MS since `since` (page time). A busy main thread starves frames and timers, so a quiet
 * count alone would not prove the scan is over.
 */
async function waitSettled(page: Page, since = 0): Promise<ProbeState> {
  const start = Date.now();
  for (;;) {
    const state = (await page.evaluate(PROBE_STATE_EXPR)) as ProbeState;
    const quietSince = Math.max(state.lastChangeAt, state.loadEventEnd, since);
    const running = state.now - state.lastFrame < 100 && state.now - state.lastTimer < 150;
    if (state.readyState === 'complete' && state.loadEventEnd > 0 && running && state.now - quietSince >= QUIET_MS) return state;
    if (Date.now() - start > SETTLE_TIMEOUT_MS) {
      console.warn(`  (did not settle within ${SETTLE_TIMEOUT_MS / 1000} s: ${JSON.stringify(state)})`);
      return state;
    }
    await page.waitForTimeout(100);
  }
}

/** Scrolls to the end of the page; returns the page time it did. */
async function scrollToBottom(page: Page): Promise<number> {
  return (await page.evaluate('(() => { scrollTo(0, document.scrollingElement.scrollHeight); return performance.now(); })()')) as number;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function openPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.addInitScript({ content: PROBE_SCRIPT });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // Only one tab at a time, so that the popup's way of asking ("the active tab") finds this one.
  for (const other of context.pages()) if (other !== page) await other.close();
  return { page, cdp };
}

/**
 * Main-thread time is read at the same page time in both browsers, long enough after load for the
 * extension to have settled: comparing each browser at its own "settled" moment counted the
 * page's idle frames and timers during the extension's longer wait as extension cost.
 */
function loadWindowMs(htmlBytes: number): number {
  return 2000 + Math.round((htmlBytes / 1e6) * 2000);
}

async function measureLoad(page: Page, cdp: CDPSession, url: string, windowMs: number): Promise<LoadFigures> {
  await page.goto(url, { waitUntil: 'load', timeout: SETTLE_TIMEOUT_MS });
  let state = await waitSettled(page);
  if (state.now < windowMs) {
    await page.waitForTimeout(windowMs - state.now);
    state = { ...state, now: (await page.evaluate('performance.now()')) as number };
  } else console.warn(`  (settled at ${Math.round(state.now)} ms, after the ${windowMs} ms window)`);
  const stats = (await page.evaluate('window.__mgBench.since(0)')) as WindowStats;
  const firstHighlightAt = (await page.evaluate('window.__mgBench.firstHighlightAt')) as number | null;
  const m = await metrics(cdp);
  return {
    ...stats,
    loadEventMs: state.loadEventEnd,
    stableMs: state.count > 0 ? state.lastChangeAt : null,
    firstHighlightMs: firstHighlightAt,
    rangesTop: state.count,
    busyMs: (m.TaskDuration ?? 0) * 1000,
    scriptMs: (m.ScriptDuration ?? 0) * 1000,
    layoutMs: (m.LayoutDuration ?? 0) * 1000,
    styleMs: (m.RecalcStyleDuration ?? 0) * 1000,
    heapBytes: await heapAfterGc(cdp),
  };
}

/**
 * Evaluates an expression in a new isolated world of the page's main frame: the same kind of world
 * a content script runs in, where every DOM node reached needs a wrapper of that world's own.
 */
async function evaluateInIsolatedWorld<T>(page: Page, cdp: CDPSession, expression: string): Promise<T> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'medgloss-bench-floor' });
  const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true });
  return result.value as T;
}

async function measureDomChanges(page: Page, cdp: CDPSession): Promise<DomFigures> {
  const before = await metrics(cdp);
  const result = (await page.evaluate(DOM_CHANGES_EXPR)) as { t0: number; syncMs: number; withObserversMs: number };
  await page.waitForTimeout(AFTER_CHANGES_MS);
  const after = await metrics(cdp);
  return {
    syncMs: result.syncMs,
    withObserversMs: result.withObserversMs,
    busyAfterMs: ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000,
    after: (await page.evaluate(`window.__mgBench.since(${result.t0})`)) as WindowStats,
  };
}

/**
 * Asks the content script what it found, the way the popup asks the active tab, and times the
 * answer. Capped: on a long page the answer can take minutes, and the bench has to move on.
 */
async function askLikeThePopup(ext: ExtensionBrowser): Promise<{ ms: number; terms: number | null; timedOut: boolean }> {
  const start = performance.now();
  const ask = ext.worker.evaluate(`(async () => {
    const [tab] = await chrome.tabs.query({ active: true });
    const info = await chrome.tabs.sendMessage(tab.id, { type: 'medgloss:get-page-info' });
    return info ? info.terms.reduce((n, t) => n + t.count, 0) : null;
  })()`) as Promise<number | null>;
  const cap = new Promise<'cap'>((done) => setTimeout(() => done('cap'), POPUP_CAP_MS));
  const terms = await Promise.race([ask.catch(() => null), cap]);
  if (terms === 'cap') {
    ask.catch(() => undefined); // the page is closed next; its late answer is dropped
    return { ms: POPUP_CAP_MS, terms: null, timedOut: true };
  }
  return { ms: performance.now() - start, terms, timedOut: false };
}

/**
 * Real pointer moves over the page, half of them onto underlined terms (read from the highlight
 * registry, which the page shares), half to seeded random points; each waits a frame, since the
 * content script looks up at most once per frame. Returns its own timings of those look-ups.
 */
async function measurePointerLookups(page: Page, ext: ExtensionBrowser): Promise<RunFigures['pointer']> {
  const points = (await page.evaluate(`(() => {
    const onTerms = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('medgloss-term-')) continue;
      for (const r of highlight) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const box = live.getClientRects()[0];
        if (box && box.width > 0 && box.top >= 0 && box.bottom <= innerHeight) onTerms.push([box.left + box.width / 2, box.top + box.height / 2]);
      }
    }
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const half = ${HOVER_POINTS / 2};
    const points = onTerms.slice(0, half);
    const onTermCount = points.length;
    while (points.length < ${HOVER_POINTS}) points.push([random() * innerWidth, random() * innerHeight]);
    return { points, onTermCount };
  })()`)) as { points: [number, number][]; onTermCount: number };
  for (const [x, y] of points.points) {
    await page.mouse.move(x, y);
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  }
  await page.mouse.move(0, 0);
  const timings = (await askPageStats(ext))?.termAtPointMs ?? [];
  if (timings.length === 0) return undefined;
  const sorted = [...timings].sort((a, b) => a - b);
  return {
    median: median(sorted),
    p95: sorted[Math.floor(sorted.length * 0.95)]!,
    max: sorted.at(-1)!,
    moves: timings.length,
    onTerms: points.onTermCount,
  };
}

/**
 * The reader scrolls: SCROLL_STEP_PX a frame for SCROLL_FRAMES frames from the top. Returns the
 * main-thread time per frame meanwhile (style, layout, paint of the page and of our highlights,
 * and our IntersectionObserver registering the ranges that come near).
 */
async function measureScrolling(page: Page, cdp: CDPSession): Promise<RunFigures['scroll']> {
  await page.evaluate('scrollTo(0, 0)');
  await page.waitForTimeout(300);
  return mainThreadPerFrame(page, cdp, `scrollBy(0, ${SCROLL_STEP_PX})`);
}

/** Runs `stepExpr` once a frame for SCROLL_FRAMES frames and returns the main-thread time per frame. */
async function mainThreadPerFrame(page: Page, cdp: CDPSession, stepExpr: string): Promise<{ msPerFrame: number; frames: number }> {
  const before = await metrics(cdp);
  const frames = (await page.evaluate(`new Promise((done) => {
    let frame = 0;
    const step = () => {
      if (frame++ === ${SCROLL_FRAMES}) return done(frame - 1);
      ${stepExpr};
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  })`)) as number;
  await page.waitForTimeout(100);
  const after = await metrics(cdp);
  return { msPerFrame: (((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000) / frames, frames };
}

/**
 * A live page: a clock whose text changes every frame for SCROLL_FRAMES frames, where scrolling
 * stopped. Returns the main-thread time per frame. Each frame in which the DOM changed, Chromium
 * rebuilds its list of highlighted text from every registered range, so this is what the ranges we
 * keep registered cost a page that never stops changing (tickers, timers, animations in the DOM).
 */
async function measureTicking(page: Page, cdp: CDPSession): Promise<RunFigures['tick']> {
  await page.evaluate(`(() => {
    const clock = document.createElement('div');
    clock.style.cssText = 'position: fixed; top: 0; right: 0; background: white';
    clock.textContent = '0';
    document.body.append(clock);
    window.__mgClock = clock.firstChild;
  })()`);
  await page.waitForTimeout(400); // the content script rescans the clock 150 ms after it appears
  return mainThreadPerFrame(page, cdp, 'window.__mgClock.data = String(frame)');
}

/**
 * The content script's size, and how much of it is code and how much the glossary data (the
 * longest string the glossary plugin emits, `JSON.parse(…)`): each gzipped on its own.
 */
function bundleSizes(source: string): { rawBytes: number; gzipBytes: number; codeGzipBytes: number; dataGzipBytes: number } {
  const gz = (text: string) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).length;
  // The longest string literal parsed as JSON, in whichever quotes the minifier chose.
  const literals = [...source.matchAll(/JSON\.parse\((`[^`]*`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\)/g)];
  const match = literals.sort((a, b) => b[1]!.length - a[1]!.length)[0];
  const data = match?.[1] ?? '';
  const code = match ? source.replace(match[1]!, '"{}"') : source;
  return { rawBytes: Buffer.byteLength(source), gzipBytes: gz(source), codeGzipBytes: gz(code), dataGzipBytes: gz(data) };
}

/** The content script's own figures (see PageStats), asked for the way the popup asks the active tab. */
async function askPageStats(ext: ExtensionBrowser): Promise<PageStats | null> {
  const ask = `(async () => {
    const [tab] = await chrome.tabs.query({ active: true });
    return chrome.tabs.sendMessage(tab.id, { type: 'medgloss:get-stats' });
  })()`;
  return (await ext.worker.evaluate(ask).catch(() => null)) as PageStats | null;
}

/**
 * Appends ADDED_PARAGRAPHS paragraphs (copies of the page's own, so the text is the page's kind)
 * in one batch, the way an infinite-scroll page adds the next items, and returns the scanner's pass
 * over them once it has ended.
 */
async function measureAddedParagraphs(page: Page, ext: ExtensionBrowser): Promise<ScanPass | undefined> {
  const before = (await askPageStats(ext))?.scan.latest?.endedAt ?? 0;
  const appended = (await page.evaluate(`(() => {
    const source = [...document.querySelectorAll('p')].filter((p) => (p.textContent || '').trim().length > 40);
    if (source.length === 0) return 0;
    const batch = document.createDocumentFragment();
    for (let i = 0; i < ${ADDED_PARAGRAPHS}; i++) batch.append(source[i % source.length].cloneNode(true));
    (source[0].parentElement || document.body).append(batch);
    return ${ADDED_PARAGRAPHS};
  })()`)) as number;
  if (appended === 0) return undefined;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const latest = (await askPageStats(ext))?.scan.latest;
    if (latest && latest.startedAt > before) return latest;
    await page.waitForTimeout(100);
  }
  return undefined;
}

async function injectMark(page: Page, markSource: string): Promise<void> {
  // Hide any AMD or CommonJS loader of the page, so that the UMD build defines window.Mark.
  const wrapped = `(function (define, module, exports) {\n${markSource}\n}).call(window);`;
  await page.addScriptTag({ content: wrapped }).catch(() => undefined);
  if (!(await page.evaluate('typeof Mark === "function"'))) await page.evaluate(wrapped); // a CSP may refuse the tag
}

async function plainRun(
  context: BrowserContext,
  url: string,
  windowMs: number,
  markSource: string | undefined,
  regexSource: string,
  hover: boolean,
): Promise<RunFigures> {
  const { page, cdp } = await openPage(context);
  try {
    const load = await measureLoad(page, cdp, url, windowMs);
    const isolatedFloor = await evaluateInIsolatedWorld<RunFigures['isolatedFloor']>(page, cdp, FLOOR_EXPR);
    const floor = (await page.evaluate(FLOOR_EXPR)) as RunFigures['floor'];
    const hoverFigures = hover ? ((await page.evaluate(HOVER_EXPR)) as RunFigures['hover']) : undefined;
    const scroll = await measureScrolling(page, cdp);
    const tick = await measureTicking(page, cdp);
    await scrollToBottom(page);
    await page.waitForTimeout(100);
    const dom = await measureDomChanges(page, cdp);
    await page.evaluate(CONTROL_OBSERVER_EXPR);
    const domControl = await measureDomChanges(page, cdp);
    await page.evaluate('window.__mgControlObserver.disconnect()');
    // The DOM changes leave the text as it was (a few paragraphs lose their inline markup).
    let mark: RunFigures['mark'];
    if (markSource !== undefined) {
      await injectMark(page, markSource);
      mark = (await page.evaluate(markExpr(regexSource))) as RunFigures['mark'];
    }
    return { load, dom, domControl, floor, isolatedFloor, mark, hover: hoverFigures, scroll, tick };
  } finally {
    await page.close();
  }
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> };

/**
 * The main-thread time the extension's own work took during a page load, from a Chromium trace of
 * a separate load (tracing slows everything, so no other figure is taken from it): the top-level
 * tasks of the page's main thread that ran code from the extension (an event in them names a
 * chrome-extension:// script, or is an extension message: the matcher's answers), whole, with the
 * garbage collection, style and layout they caused. The bench pages run no other extension.
 * "Main-thread busy" against the page without the extension counts this too, but also every
 * difference in when the page's own parsing and layout happened to run, which varies by more than
 * our work between two loads of a long page.
 */
async function measureOwnTasks(context: BrowserContext, url: string, windowMs: number): Promise<RunFigures['ownTasks']> {
  const { page, cdp } = await openPage(context);
  try {
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel,v8.execute', transferMode: 'ReturnAsStream' } as never);
    await page.goto(url, { waitUntil: 'load', timeout: SETTLE_TIMEOUT_MS });
    const now = (await page.evaluate('performance.now()')) as number;
    if (now < windowMs) await page.waitForTimeout(windowMs - now);
    const stream = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream!)));
    await cdp.send('Tracing.end');
    const handle = await stream;
    const chunks: string[] = [];
    for (;;) {
      const read = await cdp.send('IO.read', { handle });
      chunks.push(read.data);
      if (read.eof) break;
    }
    await cdp.send('IO.close', { handle });
    const events = (JSON.parse(chunks.join('')) as { traceEvents: TraceEvent[] }).traceEvents;
    const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const onMain = events.filter((e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts);
    // Our code names its script; the port's answers arrive as extension messages, whose handler does not.
    const ours = onMain.filter((e) => /chrome-extension:\/\/|"mojo_interface_tag":"extensions\.mojom\./.test(JSON.stringify(e.args ?? {})));
    let lastEnd = 0;
    let ms = 0;
    let tasks = 0;
    let longestMs = 0;
    for (const task of onMain) {
      if (task.name !== 'ThreadControllerImpl::RunTask' || task.ts < lastEnd) continue;
      lastEnd = task.ts + task.dur!;
      if (ours.some((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < lastEnd)) {
        ms += task.dur! / 1000;
        tasks++;
        longestMs = Math.max(longestMs, task.dur! / 1000);
      }
    }
    return { ms, tasks, longestMs };
  } finally {
    await page.close();
  }
}

async function extensionRun(ext: ExtensionBrowser, url: string, windowMs: number, hover: boolean, askPopup: boolean, problems: string[]): Promise<RunFigures> {
  const { page, cdp } = await openPage(ext.context);
  const consoleProblems = watchConsole(page);
  let figures: RunFigures;
  try {
    const load = await measureLoad(page, cdp, url, windowMs);
    const firstScan = (await askPageStats(ext))?.scan.first;
    const hoverFigures = hover ? ((await page.evaluate(HOVER_EXPR)) as RunFigures['hover']) : undefined;
    const pointer = hover ? await measurePointerLookups(page, ext) : undefined;
    const scroll = await measureScrolling(page, cdp);
    const tick = await measureTicking(page, cdp);
    const scrolledAt = await scrollToBottom(page);
    const bottom = await waitSettled(page, scrolledAt);
    const dom = await measureDomChanges(page, cdp);
    const added = await measureAddedParagraphs(page, ext);
    // Last, because on a long page it holds the main thread far longer than anything above.
    const popup = askPopup ? await askLikeThePopup(ext) : undefined;
    problems.push(...consoleProblems);
    figures = {
      load,
      dom,
      firstScan,
      added,
      rangesBottom: bottom.count,
      bottomReadyMs: Math.max(0, bottom.lastChangeAt - scrolledAt),
      termsFound: popup?.terms ?? undefined,
      popupMs: popup?.ms,
      popupTimedOut: popup?.timedOut,
      hover: hoverFigures,
      pointer,
      scroll,
      tick,
    };
  } finally {
    await page.close();
  }
  // Traced in a load of its own, with the page above closed so that it does not run beside it.
  figures.ownTasks = await measureOwnTasks(ext.context, url, windowMs);
  return figures;
}

// ---------------------------------------------------------------------------------------------
// Statistics and printing
// ---------------------------------------------------------------------------------------------

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of one figure over the runs that have it; null when none has. */
function med(runs: readonly RunFigures[], pick: (run: RunFigures) => number | null | undefined): number | null {
  const values = runs.map(pick).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return values.length > 0 ? median(values) : null;
}

function ms(value: number | null, digits = 0): string {
  if (value === null) return '–';
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ms`;
}

function mb(bytes: number | null): string {
  return bytes === null ? '–' : `${(bytes / 1e6).toFixed(1)} MB`;
}

function div(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

function ratio(a: number | null, b: number | null): string {
  if (a === null || b === null || b <= 0) return '–';
  if (a <= 0) return '≈0'; // a difference lost in the noise
  return `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×`;
}

function count(value: number | null): string {
  return value === null ? '–' : Math.round(value).toLocaleString('en-US');
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

/** The medians of every figure over a page's runs in one browser. */
function medians(runs: readonly RunFigures[]) {
  return {
    loadEventMs: med(runs, (r) => r.load.loadEventMs),
    stableMs: med(runs, (r) => r.load.stableMs),
    firstHighlightMs: med(runs, (r) => r.load.firstHighlightMs),
    busyMs: med(runs, (r) => r.load.busyMs),
    scriptMs: med(runs, (r) => r.load.scriptMs),
    longtaskMax: med(runs, (r) => r.load.longtaskMax),
    longtaskTotal: med(runs, (r) => r.load.longtaskTotal),
    longtaskCount: med(runs, (r) => r.load.longtaskCount),
    maxFrameGap: med(runs, (r) => r.load.maxFrameGap),
    maxTimerGap: med(runs, (r) => r.load.maxTimerGap),
    frameGapTotal: med(runs, (r) => r.load.frameGapTotal),
    timerGapTotal: med(runs, (r) => r.load.timerGapTotal),
    heapBytes: med(runs, (r) => r.load.heapBytes),
    rangesTop: med(runs, (r) => r.load.rangesTop),
    rangesBottom: med(runs, (r) => r.rangesBottom),
    bottomReadyMs: med(runs, (r) => r.bottomReadyMs),
    termsFound: med(runs, (r) => r.termsFound),
    popupMs: med(runs, (r) => r.popupMs),
    popupTimedOut: runs.some((r) => r.popupTimedOut) ? 1 : 0,
    layoutMs: med(runs, (r) => r.load.layoutMs),
    styleMs: med(runs, (r) => r.load.styleMs),
    isolatedFloorMs: med(runs, (r) => r.isolatedFloor?.ms),
    domControlSyncMs: med(runs, (r) => r.domControl?.syncMs),
    domControlWithObserversMs: med(runs, (r) => r.domControl?.withObserversMs),
    domSyncMs: med(runs, (r) => r.dom.syncMs),
    domWithObserversMs: med(runs, (r) => r.dom.withObserversMs),
    domBusyAfterMs: med(runs, (r) => r.dom.busyAfterMs),
    domAfterMaxFrameGap: med(runs, (r) => r.dom.after.maxFrameGap),
    domAfterLongtaskTotal: med(runs, (r) => r.dom.after.longtaskTotal),
    markMs: med(runs, (r) => r.mark?.ms),
    markWithLayoutMs: med(runs, (r) => r.mark?.withLayoutMs),
    marks: med(runs, (r) => r.mark?.marks),
    hoverCaretMs: med(runs, (r) => r.hover?.caretMedian),
    scrollMsPerFrame: med(runs, (r) => r.scroll?.msPerFrame),
    tickMsPerFrame: med(runs, (r) => r.tick?.msPerFrame),
    pointerMedianMs: med(runs, (r) => r.pointer?.median),
    pointerP95Ms: med(runs, (r) => r.pointer?.p95),
    pointerMaxMs: med(runs, (r) => r.pointer?.max),
    pointerOnTerms: med(runs, (r) => r.pointer?.onTerms),
    hoverCaretP95Ms: med(runs, (r) => r.hover?.caretP95),
    hoverWithRectsMs: med(runs, (r) => r.hover?.withRectsMedian),
    scanAllFoundMs: med(runs, (r) => r.firstScan && r.firstScan.endedAt - r.firstScan.startedAt),
    scanStartedMs: med(runs, (r) => r.firstScan?.startedAt),
    scanBusyMs: med(runs, (r) => r.firstScan?.busyMs),
    scanSlices: med(runs, (r) => r.firstScan?.slices),
    scanLongestSliceMs: med(runs, (r) => r.firstScan?.longestSliceMs),
    scanSlicesOverLimit: med(runs, (r) => r.firstScan?.slicesOverLimit),
    scanCharacters: med(runs, (r) => r.firstScan?.characters),
    addedBlocks: med(runs, (r) => r.added?.blocks),
    addedCharacters: med(runs, (r) => r.added?.characters),
    addedBusyMs: med(runs, (r) => r.added?.busyMs),
    addedWallMs: med(runs, (r) => r.added && r.added.endedAt - r.added.startedAt),
    ownTasksMs: med(runs, (r) => r.ownTasks?.ms),
    ownTasks: med(runs, (r) => r.ownTasks?.tasks),
    // The longest of any run, not a median: the target is that none is over 50 ms.
    ownTaskLongestMs: Math.max(...runs.map((r) => r.ownTasks?.longestMs ?? 0)),
  };
}

type Figures = ReturnType<typeof medians>;

interface PageSummary {
  name: string;
  kind: 'seed' | 'generated' | 'real';
  htmlBytes: number;
  textChars: number | null;
  runs: number;
  floorMs: number | null;
  plain: Figures;
  extension: Figures & { extraBusyMs: number | null; extraLongtaskTotal: number | null };
  ratios: Record<string, number | null>;
}

function summarise(name: string, kind: PageSummary['kind'], htmlBytes: number, plain: RunFigures[], ext: RunFigures[]): PageSummary {
  const p = medians(plain);
  const e = medians(ext);
  const floorMs = med(plain, (r) => r.floor?.ms);
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  const extBusy = diff(e.busyMs, p.busyMs);
  return {
    name,
    kind,
    htmlBytes,
    textChars: med(plain, (r) => r.floor?.chars),
    runs: plain.length,
    floorMs,
    plain: p,
    extension: { ...e, extraBusyMs: extBusy, extraLongtaskTotal: diff(e.longtaskTotal, p.longtaskTotal) },
    ratios: {
      allFoundOverFloor: div(e.scanAllFoundMs, floorMs),
      scrollExtraMsPerFrame: diff(e.scrollMsPerFrame, p.scrollMsPerFrame),
      tickExtraMsPerFrame: diff(e.tickMsPerFrame, p.tickMsPerFrame),
      scanBusyOverFloor: div(e.scanBusyMs, floorMs),
      markOverScanBusy: div(p.markWithLayoutMs, e.scanBusyMs),
      // Cost per character of an incremental pass against the first pass: about 1 if rescans follow what was added.
      addedCostPerCharOverFirst: div(div(e.addedBusyMs, e.addedCharacters), div(e.scanBusyMs, e.scanCharacters)),
      stableOverFloor: div(e.stableMs, floorMs),
      extraBusyOverFloor: div(extBusy, floorMs),
      markOverExtraBusy: div(p.markWithLayoutMs, extBusy),
      markOverOwnTasks: div(p.markWithLayoutMs, e.ownTasksMs),
      markOverStable: div(p.markWithLayoutMs, e.stableMs),
      domExtOverPlain: div(e.domWithObserversMs, p.domWithObserversMs),
      domExtOverControl: div(e.domWithObserversMs, p.domControlWithObserversMs),
      scanBusyOverIsolatedFloor: div(e.scanBusyMs, p.isolatedFloorMs),
      heapExtOverPlain: div(e.heapBytes, p.heapBytes),
    },
  };
}

function printPage(s: PageSummary): void {
  const p = s.plain;
  const e = s.extension;
  const chars = s.textChars === null ? '' : `, ${(s.textChars / 1e6).toFixed(2)} M chars of text`;
  console.log(`\n${s.name} (${s.kind}, ${(s.htmlBytes / 1e6).toFixed(2)} MB of HTML${chars}), median of ${s.runs} runs`);
  const d = (a: number | null, b: number | null) => (a === null || b === null ? '–' : `${a - b >= 0 ? '+' : ''}${ms(a - b)}`);
  const rows: string[][] = [
    ['', 'without ext.', 'with ext.', 'difference', 'ratio'],
    ['floor: TreeWalker join of all text nodes', ms(s.floorMs, 1), '', '', ''],
    ['  the same from an isolated world (as content scripts run)', ms(p.isolatedFloorMs, 1), '', '', ratio(p.isolatedFloorMs, s.floorMs)],
    ['load event', ms(p.loadEventMs), ms(e.loadEventMs), d(e.loadEventMs, p.loadEventMs), ratio(e.loadEventMs, p.loadEventMs)],
    ['first underline (from navigation)', '', ms(e.firstHighlightMs), '', ''],
    ['content script: scan starts (from navigation)', '', ms(e.scanStartedMs), '', ''],
    ['content script: all matches found (from scan start)', '', ms(e.scanAllFoundMs), '', `${ratio(e.scanAllFoundMs, s.floorMs)} floor`],
    ['  of which scanning (main thread)', '', ms(e.scanBusyMs), '', `${ratio(e.scanBusyMs, s.floorMs)} floor`],
    ['', '', '', '', `${ratio(e.scanBusyMs, p.isolatedFloorMs)} isolated floor`],
    ['  slices / longest slice / slices over 8 ms', '', `${count(e.scanSlices)} / ${ms(e.scanLongestSliceMs, 1)} / ${count(e.scanSlicesOverLimit)}`, '', ''],
    [
      `${ADDED_PARAGRAPHS} paragraphs appended: blocks rescanned / busy / wall`,
      '',
      `${count(e.addedBlocks)} / ${ms(e.addedBusyMs, 1)} / ${ms(e.addedWallMs, 1)}`,
      '',
      `${ratio(div(e.addedBusyMs, e.addedCharacters), div(e.scanBusyMs, e.scanCharacters))} first pass per char`,
    ],
    ['underlines stable (from navigation)', '', ms(e.stableMs), '', `${ratio(e.stableMs, s.floorMs)} floor`],
    ['main-thread busy (same window both)', ms(p.busyMs), ms(e.busyMs), d(e.busyMs, p.busyMs), `${ratio(e.extraBusyMs, s.floorMs)} floor`],
    ['  of which script', ms(p.scriptMs), ms(e.scriptMs), d(e.scriptMs, p.scriptMs), ''],
    ['  of which layout', ms(p.layoutMs), ms(e.layoutMs), d(e.layoutMs, p.layoutMs), ''],
    ['  of which style', ms(p.styleMs), ms(e.styleMs), d(e.styleMs, p.styleMs), ''],
    ["tasks that ran the extension's code (traced load)", '', `${ms(e.ownTasksMs)} in ${count(e.ownTasks)}`, '', `${ratio(e.ownTasksMs, s.floorMs)} floor`],
    ['  the longest of them, in any run (tracing slows it)', '', ms(e.ownTaskLongestMs, 1), '', ''],
    ['long tasks: count', count(p.longtaskCount), count(e.longtaskCount), '', ''],
    ['long tasks: longest', ms(p.longtaskMax), ms(e.longtaskMax), d(e.longtaskMax, p.longtaskMax), ''],
    ['long tasks: total', ms(p.longtaskTotal), ms(e.longtaskTotal), d(e.longtaskTotal, p.longtaskTotal), ''],
    ['longest gap between frames', ms(p.maxFrameGap), ms(e.maxFrameGap), d(e.maxFrameGap, p.maxFrameGap), ''],
    ['longest gap between 25 ms timer ticks', ms(p.maxTimerGap), ms(e.maxTimerGap), d(e.maxTimerGap, p.maxTimerGap), ''],
    ['no frame painted (sum of gaps > 50 ms)', ms(p.frameGapTotal), ms(e.frameGapTotal), d(e.frameGapTotal, p.frameGapTotal), ''],
    ['timers held up (sum of gaps > 100 ms)', ms(p.timerGapTotal), ms(e.timerGapTotal), d(e.timerGapTotal, p.timerGapTotal), ''],
    ['ranges registered: top / bottom', '', `${count(e.rangesTop)} / ${count(e.rangesBottom)}`, '', ''],
    [
      `scrolling ${SCROLL_FRAMES} frames: main thread per frame`,
      ms(p.scrollMsPerFrame, 2),
      ms(e.scrollMsPerFrame, 2),
      d(e.scrollMsPerFrame, p.scrollMsPerFrame),
      ratio(e.scrollMsPerFrame, p.scrollMsPerFrame),
    ],
    [
      `then the page changes a text node every frame, ${SCROLL_FRAMES} frames: main thread per frame`,
      ms(p.tickMsPerFrame, 2),
      ms(e.tickMsPerFrame, 2),
      d(e.tickMsPerFrame, p.tickMsPerFrame),
      ratio(e.tickMsPerFrame, p.tickMsPerFrame),
    ],
    ['bottom underlines ready after scroll', '', ms(e.bottomReadyMs), '', ''],
    ['mark.js marks / terms found (whole page)', count(p.marks), count(e.termsFound), '', ''],
    ['popup asks for page info: reply', '', e.popupTimedOut ? `> ${ms(e.popupMs)}` : ms(e.popupMs), '', ''],
    ['mark.js markRegExp until done', ms(p.markMs), '', '', ''],
    ['mark.js incl. layout after', ms(p.markWithLayoutMs), '', '', `${ratio(p.markWithLayoutMs, e.extraBusyMs)} ext. busy`],
    ['', '', '', '', `${ratio(p.markWithLayoutMs, e.ownTasksMs)} ext. tasks`],
    ['', '', '', '', `${ratio(p.markWithLayoutMs, e.stableMs)} ext. stable`],
    [`page makes ${DOM_CHANGES} DOM changes`, ms(p.domSyncMs, 1), ms(e.domSyncMs, 1), d(e.domSyncMs, p.domSyncMs), ratio(e.domSyncMs, p.domSyncMs)],
    ['  incl. mutation observers', ms(p.domWithObserversMs, 1), ms(e.domWithObserversMs, 1), '', ratio(e.domWithObserversMs, p.domWithObserversMs)],
    ['  control: the page with an observer like ours', ms(p.domControlSyncMs, 1), '', '', `${ratio(p.domControlSyncMs, p.domSyncMs)} page alone`],
    ['  control incl. its observer', ms(p.domControlWithObserversMs, 1), '', '', `${ratio(e.domWithObserversMs, p.domControlWithObserversMs)} ext./control`],
    [`  main-thread busy ${AFTER_CHANGES_MS} ms after`, ms(p.domBusyAfterMs), ms(e.domBusyAfterMs), d(e.domBusyAfterMs, p.domBusyAfterMs), ''],
    ['  longest frame gap after', ms(p.domAfterMaxFrameGap), ms(e.domAfterMaxFrameGap), '', ''],
    [
      'JS heap after GC (whole renderer isolate)',
      mb(p.heapBytes),
      mb(e.heapBytes),
      p.heapBytes === null || e.heapBytes === null ? '–' : `+${mb(e.heapBytes - p.heapBytes)}`,
      ratio(e.heapBytes, p.heapBytes),
    ],
  ];
  if (p.hoverCaretMs !== null || e.hoverCaretMs !== null) {
    rows.push([
      `hover: caretPositionFromPoint, median of ${HOVER_POINTS}`,
      ms(p.hoverCaretMs, 3),
      ms(e.hoverCaretMs, 3),
      '',
      ratio(e.hoverCaretMs, p.hoverCaretMs),
    ]);
    rows.push(['hover: caretPositionFromPoint p95', ms(p.hoverCaretP95Ms, 3), ms(e.hoverCaretP95Ms, 3), '', '']);
    rows.push(['hover: caret + word rects, median', ms(p.hoverWithRectsMs, 3), ms(e.hoverWithRectsMs, 3), '', '']);
    rows.push([
      `hover: content script finds the term under the pointer, median / p95 / max (${count(e.pointerOnTerms)} of ${HOVER_POINTS} moves on terms)`,
      '',
      `${ms(e.pointerMedianMs, 3)} / ${ms(e.pointerP95Ms, 3)} / ${ms(e.pointerMaxMs, 3)}`,
      '',
      '',
    ]);
  }
  console.log(table(rows));
}

function printSummary(summaries: PageSummary[]): void {
  console.log('\nSummary (medians; "ext. busy" = main-thread time with the extension minus without; "ext. tasks" = the tasks that ran its code)');
  const rows: string[][] = [
    [
      'page',
      'floor',
      'isolated floor',
      'all found',
      'found/floor',
      'scan busy',
      'mark/scan',
      'stable',
      'stable/floor',
      'ext. busy',
      'busy/floor',
      'mark.js',
      'mark/busy',
      'ext. tasks',
      'mark/tasks',
      'mark/stable',
      'long task +',
      'timers held +',
      'DOM ×',
      'DOM × control',
      'scroll +/frame',
      'tick +/frame',
      'hover',
      'heap +',
    ],
  ];
  for (const s of summaries) {
    const p = s.plain;
    const e = s.extension;
    rows.push([
      s.name,
      ms(s.floorMs, 1),
      ms(p.isolatedFloorMs, 1),
      ms(e.scanAllFoundMs),
      ratio(e.scanAllFoundMs, s.floorMs),
      ms(e.scanBusyMs),
      ratio(p.markWithLayoutMs, e.scanBusyMs),
      ms(e.stableMs),
      ratio(e.stableMs, s.floorMs),
      ms(e.extraBusyMs),
      ratio(e.extraBusyMs, s.floorMs),
      ms(p.markWithLayoutMs),
      ratio(p.markWithLayoutMs, e.extraBusyMs),
      ms(e.ownTasksMs),
      ratio(p.markWithLayoutMs, e.ownTasksMs),
      ratio(p.markWithLayoutMs, e.stableMs),
      ms(e.extraLongtaskTotal),
      e.timerGapTotal === null || p.timerGapTotal === null ? '–' : ms(e.timerGapTotal - p.timerGapTotal),
      ratio(e.domWithObserversMs, p.domWithObserversMs),
      ratio(e.domWithObserversMs, p.domControlWithObserversMs),
      e.scrollMsPerFrame === null || p.scrollMsPerFrame === null ? '–' : ms(e.scrollMsPerFrame - p.scrollMsPerFrame, 2),
      e.tickMsPerFrame === null || p.tickMsPerFrame === null ? '–' : ms(e.tickMsPerFrame - p.tickMsPerFrame, 2),
      ms(e.pointerMedianMs, 3),
      e.heapBytes === null || p.heapBytes === null ? '–' : mb(e.heapBytes - p.heapBytes),
    ]);
  }
  console.log(table(rows));
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every glossary name in one alternation, longest first, as whole words. */
function glossaryRegexSource(): { source: string; names: number } {
  let glossary;
  try {
    glossary = compileGlossary(loadValidGlossary());
  } catch (error) {
    throw new Error(
      `The glossary does not load (${(error as Error).message.split('\n')[0]}). If it is being edited, point MEDGLOSS_GLOSSARY_DIR at a valid copy, e.g. MEDGLOSS_GLOSSARY_DIR=/tmp/glossary-snap/glossary.`,
      { cause: error },
    );
  }
  const names = [...new Set(glossary.forms.map((f) => f.text))].sort((a, b) => b.length - a.length);
  // Letters and digits around a name make it part of a longer word; \b would fail on names ending
  // in punctuation and on accented letters.
  const edge = 'A-Za-z0-9\\u00C0-\\u024F';
  return { source: `(?<![${edge}])(?:${names.map(escapeRegExp).join('|')})(?![${edge}])`, names: names.length };
}

function biggestRealPages(): string[] {
  return readdirSync(PAGES_DIR)
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(PAGES_DIR, name))
    .sort((a, b) => statSync(b).size - statSync(a).size || a.localeCompare(b))
    .slice(0, REAL_PAGES);
}

async function main(): Promise<void> {
  if (!existsSync(CONTENT_SCRIPT)) {
    console.error(`No built extension at ${EXTENSION_DIR} (missing content-scripts/content.js). Run "npm run build" first.`);
    process.exit(1);
  }
  const only = process.argv.slice(2);
  const started = Date.now();
  const loadBefore = loadavg()[0]!;

  const contentScript = readFileSync(CONTENT_SCRIPT);
  const builtAt = statSync(CONTENT_SCRIPT).mtimeMs;
  const bundle = bundleSizes(contentScript.toString('utf8'));
  const regex = glossaryRegexSource();
  const markSource = readFileSync(MARK_JS, 'utf8');

  const generated = generatePages();
  const pages: { name: string; kind: PageSummary['kind']; body: string; runs: number; hover: boolean; contentType?: string; markJs?: boolean }[] = [
    // The e2e tests' seed page, a few paragraphs: what the extension costs on any page, however short.
    { name: 'seed', kind: 'seed' as const, body: seedPageHtml(), runs: RUNS_SMALL, hover: false },
    ...generated.map((g) => ({
      name: g.name,
      kind: 'generated' as const,
      body: readFileSync(g.file, 'utf8'),
      runs: g.textChars > 2_000_000 ? RUNS_LARGE : g.textChars > 200_000 ? RUNS_LARGE : RUNS_SMALL,
      hover: g.name === 'health-5m',
    })),
    // A 1 MB plain-text file: the browser shows it as one <pre>, one container for 16,000 terms.
    // Without mark.js: splitting the file's one text node 16,000 times took it 110 s.
    {
      name: 'health-1m-txt',
      kind: 'generated' as const,
      body: buildPlainText(1_000_000, readHealthTopics()),
      runs: RUNS_LARGE,
      hover: true,
      contentType: 'text/plain; charset=utf-8',
      markJs: false,
    },
    ...biggestRealPages().map((file) => ({
      name: basename(file, '.html'),
      kind: 'real' as const,
      body: readFileSync(file, 'utf8'),
      runs: RUNS_LARGE,
      hover: false,
    })),
  ].filter((page) => only.length === 0 || only.includes(page.name));
  if (pages.length === 0) {
    console.error(
      `No page named ${only.join(', ')}. Pages: seed, ${generated.map((g) => g.name).join(', ')}, ${biggestRealPages()
        .map((f) => basename(f, '.html'))
        .join(', ')}.`,
    );
    process.exit(1);
  }

  const fixtures: Record<string, FixturePage> = {};
  for (const page of pages)
    fixtures[`/${page.name}.html`] = {
      body: page.body,
      headers: { 'cache-control': 'no-store', ...(page.contentType ? { 'content-type': page.contentType } : {}) },
    };
  const server = await serveFixtures(fixtures);
  const plain = await launchPlain();
  const ext = await launchWithExtension();
  // The saved pages point at live sites: nothing leaves the machine, and nothing waits for a timeout.
  for (const context of [plain.context, ext.context]) {
    await context.route(
      (url) => url.origin !== server.origin && (url.protocol === 'http:' || url.protocol === 'https:'),
      (route) => route.abort(),
    );
  }

  const chromiumVersion = ((await ext.worker.evaluate('navigator.userAgent')) as string).match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown';
  console.log(`Chromium ${chromiumVersion}, viewport ${VIEWPORT.width}×${VIEWPORT.height}, headless`);
  console.log(
    `Content script: ${(bundle.rawBytes / 1024).toFixed(1)} KiB raw, ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzipped; mark.js regex: ${regex.names} names`,
  );

  const summaries: PageSummary[] = [];
  const raw: Record<string, { plain: RunFigures[]; extension: RunFigures[] }> = {};
  const consoleProblems: Record<string, string[]> = {};
  try {
    for (const page of pages) {
      const url = `${server.origin}/${page.name}.html`;
      const plainRuns: RunFigures[] = [];
      const extRuns: RunFigures[] = [];
      const problems: string[] = [];
      const pageStart = Date.now();
      const windowMs = loadWindowMs(Buffer.byteLength(page.body));
      for (let run = 0; run < page.runs; run++) {
        // Hover is a median of its own 200 points: once per page is enough.
        plainRuns.push(await plainRun(plain.context, url, windowMs, page.markJs === false ? undefined : markSource, regex.source, page.hover && run === 0));
        extRuns.push(await extensionRun(ext, url, windowMs, page.hover && run === 0, run === page.runs - 1, problems));
      }
      // Real pages log their own failures (their scripts point at live sites); generated ones have no scripts.
      if (page.kind !== 'real' && problems.length > 0) consoleProblems[page.name] = [...new Set(problems)];
      raw[page.name] = { plain: plainRuns, extension: extRuns };
      const summary = summarise(page.name, page.kind, Buffer.byteLength(page.body), plainRuns, extRuns);
      summaries.push(summary);
      printPage(summary);
      console.log(`  (${((Date.now() - pageStart) / 1000).toFixed(1)} s for this page)`);
    }
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
  }

  printSummary(summaries);
  console.log(
    `\nContent script bundle: ${bundle.rawBytes.toLocaleString('en-US')} bytes raw, ${bundle.gzipBytes.toLocaleString('en-US')} bytes gzipped (${CONTENT_SCRIPT}); ` +
      `the code without the glossary data ${bundle.codeGzipBytes.toLocaleString('en-US')} bytes gzipped, the glossary data (ids, categories, levels) ${bundle.dataGzipBytes.toLocaleString('en-US')} bytes gzipped on its own`,
  );
  const background = readFileSync(BACKGROUND_SCRIPT, 'utf8');
  console.log(
    `Background (names, definitions and the matcher; loaded once per start of the background, not per page): ${Buffer.byteLength(background).toLocaleString('en-US')} bytes raw, ` +
      `${gzipSync(Buffer.from(background, 'utf8'), { level: 9 }).length.toLocaleString('en-US')} bytes gzipped`,
  );
  const dataShare = bundle.dataGzipBytes / GLOSSARY_DATA_BUDGET_BYTES;
  console.log(
    `Glossary data budget: ${GLOSSARY_DATA_BUDGET_BYTES.toLocaleString('en-US')} bytes gzipped; this build uses ${(dataShare * 100).toFixed(0)} %` +
      (dataShare > 1 ? ' (OVER BUDGET: see README, Performance)' : ''),
  );
  const rebuilt = !existsSync(CONTENT_SCRIPT) || statSync(CONTENT_SCRIPT).mtimeMs !== builtAt;
  if (rebuilt) console.log('The extension was rebuilt during the run: the browser ran the build it found at launch; the bundle size above is of that build.');
  for (const [name, problems] of Object.entries(consoleProblems))
    console.log(`Console problems on ${name} with the extension: ${problems.slice(0, 5).join(' | ')}`);
  const seconds = (Date.now() - started) / 1000;
  const loadAfter = loadavg()[0]!;
  console.log(`Total ${seconds.toFixed(0)} s; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${cpus().length} cores`);
  if (Math.max(loadBefore, loadAfter) > cpus().length) {
    console.log('The machine was busy with other work: the figures are noisier than usual (compare ratios, not times).');
  }

  mkdirSync(resolve(RESULTS_FILE, '..'), { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        chromium: chromiumVersion,
        viewport: VIEWPORT,
        settings: { quietMs: QUIET_MS, domChanges: DOM_CHANGES, hoverPoints: HOVER_POINTS, afterChangesMs: AFTER_CHANGES_MS },
        bundle,
        rebuiltDuringRun: rebuilt,
        markRegexNames: regex.names,
        seconds,
        loadAverage: { before: loadBefore, after: loadAfter, cores: cpus().length },
        pages: summaries,
        consoleProblems,
        runs: raw,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`Results written to ${RESULTS_FILE}`);
}

await main();
