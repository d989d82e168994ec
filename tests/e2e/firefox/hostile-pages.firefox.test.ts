import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixturePage, type FixtureServer, serveFixtures } from '../fixture-server';
import { HOSTILE_FIXTURES, type HostileFixture } from '../hostile';
import { type RangeReport, inspectHighlightRanges } from '../in-page';
import {
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  launchPlainFirefox,
  pageMarkup,
  sleep,
  waitForHighlights,
  watchFirefoxConsole,
} from './firefox';

/**
 * A selection of the hostile pages (tests/e2e/hostile/) in real Firefox, with the extension and,
 * as the control, in a plain Firefox. The fixtures are the Chromium suite's own; only those that
 * need no reader action are run here (their `act` and `checks` take a Playwright page), and the
 * popover is left to the Chromium suite and the Firefox seed-page test. For each page: the expected
 * words are underlined, nothing is underlined in excluded content or on text that left the page,
 * the DOM is the plain Firefox's, and the console has nothing new.
 */

/** Pages that need no Chromium-only feature and no reader action. */
const NAMES = [
  'all-unset',
  'all-unset-3px',
  'root-font-10',
  'root-font-24',
  'sticky-header',
  'modal-dialog',
  'code-svg-math',
  'excluded-attributes',
  'open-shadow',
  'closed-shadow',
  'srcdoc-iframes',
  'csp-header',
  'split-words',
  'rtl-arabic',
  'rtl-hebrew',
  'turkish-dotted-i',
  'prototype-overrides',
  'rerender-interval',
];

/** Characters a range may span inside a word without the reader seeing them. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060]/g;

const FIXTURES: HostileFixture[] = NAMES.map((name) => {
  const fixture = HOSTILE_FIXTURES.find((f) => f.name === name);
  if (!fixture) throw new Error(`no hostile fixture named ${name}`);
  if (fixture.act || fixture.colorScheme) throw new Error(`${name} needs a Playwright page (act or colorScheme): not for Firefox`);
  return fixture;
});

interface Run {
  texts: string[];
  ranges: RangeReport;
  markup: string;
  plainMarkup: string;
  problems: string[];
  plainProblems: string[];
}

let server: FixtureServer;
let firefox: FirefoxWithExtension;
let plain: { page: Page; close(): Promise<void> };

beforeAll(async () => {
  const pages: Record<string, FixturePage> = {};
  for (const fixture of FIXTURES) {
    pages[`/${fixture.name}.html`] = { body: fixture.html, headers: fixture.headers };
    Object.assign(pages, fixture.extraPages);
  }
  server = await serveFixtures(pages);
  // One after the other: two Firefox starts at once on two cores make both slow.
  firefox = await launchFirefoxWithExtension();
  plain = await launchPlainFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await plain?.close();
  await server?.close();
});

/** Loads a fixture in a fresh tab, lets its own timers run and stops them, as the Chromium suite does. */
async function open(page: Page, fixture: HostileFixture): Promise<void> {
  await page.setViewport({ width: 1100, height: 800 });
  await page.goto(`${server.origin}/${fixture.name}.html`);
  if (fixture.runMs) await sleep(fixture.runMs);
  if (fixture.stop) {
    await page.evaluate(() => {
      (window as unknown as { __stop: boolean }).__stop = true;
    });
    await sleep(700);
  }
}

async function runFixture(fixture: HostileFixture): Promise<Run> {
  const control = async () => {
    const page = await plain.page.browser().newPage();
    try {
      const problems = watchFirefoxConsole(page);
      await open(page, fixture);
      await sleep(800);
      return { problems, markup: await pageMarkup(page) };
    } finally {
      await page.close();
    }
  };
  const withExtension = async () => {
    const page = await firefox.browser.newPage();
    try {
      const problems = watchFirefoxConsole(page);
      await open(page, fixture);
      const texts = await waitForHighlights(page, fixture.expect.length);
      const ranges = await page.evaluate(inspectHighlightRanges);
      const markup = await pageMarkup(page);
      return { problems, texts, ranges, markup };
    } finally {
      await page.close();
    }
  };
  const [controlRun, run] = await Promise.all([control(), withExtension()]);
  return { ...run, plainMarkup: controlRun.markup, plainProblems: controlRun.problems };
}

describe.each(FIXTURES.map((fixture) => ({ name: fixture.name, hostile: fixture.hostile, fixture })))(
  'hostile page $name in Firefox ($hostile)',
  ({ fixture }) => {
    let run: Run;

    beforeAll(async () => {
      run = await runFixture(fixture);
    });

    it('underlines the terms of its ordinary paragraphs', () => {
      const texts = run.texts.map((t) => t.replace(INVISIBLE, ''));
      expect(fixture.expect.filter((t) => !texts.includes(t))).toEqual([]);
    });

    it('underlines nothing in form fields, editors, code, graphics, formulas or excluded content', () => {
      expect(run.ranges.excluded).toEqual([]);
    });

    it('keeps no underline on text that left the page', () => {
      expect(run.ranges.stale).toEqual([]);
    });

    it('leaves the page’s DOM exactly as it is without the extension', () => {
      expect(run.markup === run.plainMarkup ? undefined : firstDifference(run.markup, run.plainMarkup)).toBeUndefined();
    });

    it('writes no error or warning to the console that the page does not write without the extension', () => {
      expect(run.problems.filter((p) => !run.plainProblems.includes(p))).toEqual([]);
    });
  },
);

/** Where two markups first differ, with some context. */
function firstDifference(actual: string, expected: string): string {
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  return `at ${at}: with the extension …${actual.slice(Math.max(0, at - 80), at + 120)}… without …${expected.slice(Math.max(0, at - 80), at + 120)}…`;
}
