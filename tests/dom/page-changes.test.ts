import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Matcher, compileMatcher } from '../../src/matching/compile-matcher';
import { type BatchMatches, MatchSession, type MatchService, inProcessMatchService } from '../../src/matching/match-session';
import { walkBlocks } from '../../src/page/collect-blocks';
import { type FoundTerm, PageTerms } from '../../src/page/page-terms';
import { BATCH_CHARS_LIMIT, PageScanner, type ScanListener } from '../../src/page/page-scanner';
import { type PageChanges, type PageWatcher, watchPageChanges } from '../../src/page/watch-page-changes';

// Two names are enough to follow terms through a page's changes; the glossary's own are tested elsewhere.
const matcher = compileMatcher([
  { text: 'lupus', entry: 0, exactCase: false, rules: [] },
  { text: 'heliotrope rash', entry: 1, exactCase: false, rules: [] },
]);

/** Records the terms of every block under `root` as one scan, matched in place (the scanner sends blocks to the background). */
function addBlocks(terms: PageTerms, root: Node, onStale?: (stale: FoundTerm[]) => void): void {
  const session = new MatchSession(matcher);
  const scan = terms.startScan();
  for (const block of walkBlocks(root)) terms.addFound(block, session.match([{ text: block.text, byLine: false }]).found[0]!, scan, onStale);
}

function scanned(root: Node = document.body): PageTerms {
  const terms = new PageTerms();
  addBlocks(terms, root);
  return terms;
}

/** A scanner over `terms` whose passes can be awaited: `pass(root)` resolves when the scanner is idle again. */
function scannerFor(terms: PageTerms, matching: MatchService) {
  let idle = () => {};
  const listener: ScanListener = {
    onRootStarted: () => {},
    onFound: () => {},
    onRemoved: () => {},
    onIdle: () => idle(),
    onShadowRoot: () => {},
    onUndefinedElement: () => {},
  };
  const scanner = new PageScanner(terms, matching, listener);
  return {
    scanner,
    pass: (root: Node) =>
      new Promise<void>((resolve) => {
        idle = resolve;
        scanner.scan(root);
      }),
  };
}

function inProcess(withMatcher: Matcher): MatchService {
  return inProcessMatchService(new MatchSession(withMatcher));
}

function byId(id: string): Element {
  return document.getElementById(id)!;
}

describe('PageTerms', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <section id="s"><p id="a">lupus and a heliotrope rash</p><div id="d">lupus<p id="b">lupus</p></div></section>
      <p id="c">more <b>lupus</b></p>`;
  });

  it('keeps the terms of each block container, in reading order', () => {
    const terms = scanned();
    expect(terms.termsIn(byId('a')).map((t) => t.entry)).toEqual([0, 1]);
    expect(terms.termsIn(byId('d'))).toHaveLength(1);
    expect(terms.termsIn(byId('c'))).toHaveLength(1);
    expect(terms.all().map((t) => t.container.id)).toEqual(['a', 'a', 'd', 'b', 'c']);
  });

  it("replaces a rescanned container's terms once per scan, though its text comes in several blocks, and keeps its place", () => {
    byId('d').append(' and a heliotrope rash');
    const terms = scanned();
    expect(terms.termsIn(byId('d')).map((t) => t.entry)).toEqual([0, 1]);
    // Every term asked for, so that every one is handed back when dropped (see the test below).
    expect(terms.all()).toHaveLength(6);
    const stale: number[][] = [];
    addBlocks(terms, byId('d'), (old) => stale.push(old.map((t) => t.entry)));
    // #d's terms once (not its first block's again after its second), then those of #b inside it.
    expect(stale).toEqual([[0, 1], [0]]);
    expect(terms.termsIn(byId('d')).map((t) => t.entry)).toEqual([0, 1]);
    expect(terms.all().map((t) => t.container.id)).toEqual(['a', 'a', 'd', 'd', 'b', 'c']);
  });

  it('takes medical context for a short abbreviation from the rest of its table, as on a lab report', async () => {
    const withAbbreviation = compileMatcher([
      { text: 'lupus', entry: 0, exactCase: false, rules: [] },
      { text: 'MCV', entry: 2, exactCase: true, rules: ['medical-context'] },
    ]);
    document.body.innerHTML = `
      <table><tr><td id="row1">MCV 101 fL</td></tr><tr><td>lupus panel</td></tr></table>
      <table><tr><td id="other">MCV 101 fL</td></tr><tr><td>chart</td></tr></table>
      <p id="loose">MCV 101 fL</p>`;
    const terms = new PageTerms();
    const asked: string[][] = [];
    const service = inProcess(withAbbreviation);
    const { pass } = scannerFor(terms, {
      match: (blocks) => service.match(blocks),
      countMedicalTexts: (texts) => {
        asked.push([...texts]);
        return service.countMedicalTexts(texts);
      },
    });
    await pass(document.body);
    // The row before the medical word counts too: the whole table is read, not what came before.
    expect(terms.termsIn(byId('row1')).map((t) => t.entry)).toEqual([2]);
    expect(terms.termsIn(byId('other'))).toEqual([]);
    expect(terms.termsIn(byId('loose'))).toEqual([]);

    // Each table is read once in a pass, and only those around a block that needs it.
    expect(asked).toEqual([
      ['MCV 101 fL', 'lupus panel'],
      ['MCV 101 fL', 'chart'],
    ]);

    // A row with a medical word added to the other table: read again in the scanner's next pass.
    byId('other').closest('table')!.insertRow().insertCell().textContent = 'lupus';
    await pass(byId('other'));
    expect(terms.termsIn(byId('other')).map((t) => t.entry)).toEqual([2]);
  });

  it("takes medical context for an ambiguous name from its list when half its items have medical terms, as in a health site's menu", async () => {
    const withAmbiguous = compileMatcher([
      { text: 'lupus', entry: 0, exactCase: false, rules: [] },
      { text: 'stroke', entry: 4, exactCase: false, rules: ['medical-context'] },
    ]);
    document.body.innerHTML = `
      <ul><li id="menu">Stroke</li><li>Lupus</li><li><a href="#">Lupus</a> nephritis</li><li>News</li></ul>
      <ol><li id="headlines">A stroke of luck</li><li>Lupus drug approved</li><li>Election night</li><li>Weather</li></ol>
      <ul><li>Lupus</li><li><ul><li id="inner">Stroke</li><li>Weather</li><li>Sports</li></ul></li></ul>
      <p id="loose">Stroke</p>`;
    const terms = new PageTerms();
    const { pass } = scannerFor(terms, inProcess(withAmbiguous));
    await pass(document.body);
    // Two items of four have a medical term: a menu of health topics.
    expect(terms.termsIn(byId('menu')).map((t) => t.entry)).toEqual([4]);
    // One of four: a list of headlines, one of them about health.
    expect(terms.termsIn(byId('headlines'))).toEqual([]);
    // A list inside an item is a list of its own.
    expect(terms.termsIn(byId('inner'))).toEqual([]);
    expect(terms.termsIn(byId('loose'))).toEqual([]);
  });

  it('makes objects only of the terms asked for, and hands back only those when it drops terms: the others have no ranges', () => {
    const terms = scanned();
    expect(terms.size).toBe(4);
    const [inC] = terms.termsIn(byId('c'));
    // The same object every time it is asked for, however it is asked.
    expect(terms.termsIn(byId('c'))[0]).toBe(inC);
    expect(terms.removeWithin(document.body)).toEqual([inC]);
    expect(terms.size).toBe(0);
    expect(terms.all()).toEqual([]);

    const rescanned = scanned();
    const inA = [...rescanned.termsIn(byId('a'))];
    const stale: FoundTerm[][] = [];
    addBlocks(rescanned, byId('s'), (old) => stale.push(old));
    // #a's terms were asked for; #d's and #b's were not, and are dropped without being handed back.
    expect(stale).toHaveLength(1);
    expect(stale[0]).toHaveLength(2);
    expect(stale[0]![0]).toBe(inA[0]);
    expect(rescanned.termsIn(byId('a'))[0]).not.toBe(inA[0]);
    expect(rescanned.removeContainer(byId('d'))).toEqual([]);
    expect(rescanned.all().map((t) => t.container.id)).toEqual(['a', 'a', 'b', 'c']);
  });

  it('forgets the containers inside a removed subtree, the subtree itself and nothing else', () => {
    const terms = scanned();
    expect(terms.all()).toHaveLength(5);
    const section = byId('s');
    section.remove();
    expect(terms.removeWithin(section).map((t) => t.container.id)).toEqual(['a', 'a', 'd', 'b']);
    expect(terms.all().map((t) => t.container.id)).toEqual(['c']);
    expect(terms.removeWithin(byId('c'))).toHaveLength(1);
    expect(terms.size).toBe(0);
  });

  it('looks inside open shadow roots of a removed subtree', () => {
    const host = document.createElement('div');
    byId('s').append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<p id="inner">lupus</p>';
    const terms = scanned();
    expect(terms.size).toBe(5);
    expect(terms.all()).toHaveLength(6);
    expect(terms.removeWithin(byId('s')).map((t) => t.container.id)).toContain('inner');
    expect(terms.size).toBe(1);
  });

  it('finds no text for a term once its block has changed, until the block is rescanned', () => {
    // (Its ranges are checked in Chromium: happy-dom has no StaticRange.)
    const terms = scanned();
    const [term] = terms.termsIn(byId('c'));
    expect(term!.isWithin(byId('c'))).toBe(true);
    // The page edits the block before the watcher reports it: nothing points to a wrong place meanwhile.
    byId('c').querySelector('b')!.textContent = 'a lupus';
    term!.releaseRange();
    expect(term!.isWithin(byId('c'))).toBe(false);
  });

  it('tells whether a term lies inside an inline element of its block', () => {
    const terms = scanned();
    const [term] = terms.termsIn(byId('c'));
    expect(term!.isWithin(byId('c').querySelector('b')!)).toBe(true);
    const [first] = terms.termsIn(byId('a'));
    expect(first!.isWithin(byId('c'))).toBe(false);
  });
});

describe('PageScanner', () => {
  beforeEach(() => {
    document.body.innerHTML = `<p id="a">lupus and a heliotrope rash</p><p id="b">nothing here</p><p id="c">more <b>lupus</b></p>`;
  });

  it('records what the matcher finds, as the in-place match would', async () => {
    const terms = new PageTerms();
    const { scanner, pass } = scannerFor(terms, inProcess(matcher));
    await pass(document.body);
    expect(terms.all().map((t) => [t.container.id, t.entry])).toEqual([
      ['a', 0],
      ['a', 1],
      ['c', 0],
    ]);
    expect(terms.all().map((t) => [t.container.id, t.entry])).toEqual(
      scanned()
        .all()
        .map((t) => [t.container.id, t.entry]),
    );
    // The term in <b> is where the scanner said: inside the inline element, not before it.
    expect(terms.termsIn(byId('c'))[0]!.isWithin(byId('c').querySelector('b')!)).toBe(true);
    expect(scanner.stats.first).toMatchObject({ blocks: 3, termsFound: 3 });
  });

  it('after the first batch, walks on only once the last batch is recorded, so the matching never runs beside the walk', async () => {
    // Long enough for many slices: 3,000 blocks, about 200,000 characters.
    const filler = 'and the skin on the knuckles was checked again at the clinic';
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p id="p${i}">lupus ${i} ${filler}</p>`).join('');
    const terms = new PageTerms();
    const service = inProcess(matcher);
    const batchChars: number[] = [];
    const unansweredAtSend: number[] = [];
    let unanswered = 0;
    const { scanner, pass } = scannerFor(terms, {
      match: (blocks) => {
        batchChars.push(blocks.reduce((sum, block) => sum + block.text.length, 0));
        unansweredAtSend.push(unanswered++);
        return new Promise<BatchMatches>((resolve) =>
          setTimeout(() => {
            unanswered--;
            resolve(service.match(blocks));
          }, 5),
        );
      },
      countMedicalTexts: (texts) => service.countMedicalTexts(texts),
    });
    await pass(document.body);
    // Only the first batch, one slice's text, is matched while the walk goes on.
    expect(unansweredAtSend.length).toBeGreaterThan(2);
    expect(unansweredAtSend.slice(2)).toEqual(unansweredAtSend.slice(2).map(() => 0));
    // Batches grow after the first: fewer round trips than slices on a long page.
    expect(batchChars.length).toBeLessThan(scanner.stats.first!.slices);
    expect(Math.max(...batchChars.slice(1))).toBeGreaterThan(batchChars[0]!);
    expect(terms.all().map((t) => t.container.id)).toEqual(Array.from({ length: 3000 }, (_, i) => `p${i}`));
  });

  it('sends a batch once it reaches the limit, however much text a slice reads', async () => {
    // About 330,000 characters, and a clock that stands still: no slice ever runs out of time.
    const filler = 'and the skin on the knuckles was checked again at the clinic, then once more at home';
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p id="p${i}">lupus ${i} ${filler} ${filler}</p>`).join('');
    vi.spyOn(performance, 'now').mockReturnValue(0);
    try {
      const terms = new PageTerms();
      const service = inProcess(matcher);
      const batchChars: number[] = [];
      const { pass } = scannerFor(terms, {
        match: (blocks) => {
          batchChars.push(blocks.reduce((sum, block) => sum + block.text.length, 0));
          return service.match(blocks);
        },
        countMedicalTexts: (texts) => service.countMedicalTexts(texts),
      });
      await pass(document.body);
      expect(batchChars.reduce((sum, chars) => sum + chars, 0)).toBeGreaterThan(3 * BATCH_CHARS_LIMIT);
      // The clock is looked at every few blocks: a batch passes the limit by those blocks at most.
      expect(Math.max(...batchChars)).toBeLessThan(BATCH_CHARS_LIMIT + 2_000);
      expect(terms.all().map((t) => t.container.id)).toEqual(Array.from({ length: 3000 }, (_, i) => `p${i}`));
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("counts handing each batch to the matcher as the scan's own main-thread time", async () => {
    const filler = 'and the skin on the knuckles was checked again at the clinic';
    document.body.innerHTML = Array.from({ length: 4000 }, (_, i) => `<p id="p${i}">lupus ${i} ${filler}</p>`).join('');
    const service = inProcess(matcher);
    /** The first pass over the page, each batch taking `postMs` to hand over (posting to the background is synchronous work). */
    const scanWithPosts = async (postMs: number) => {
      let postingMs = 0;
      let posts = 0;
      const { scanner, pass } = scannerFor(new PageTerms(), {
        match: (blocks) => {
          const start = performance.now();
          while (performance.now() - start < postMs);
          postingMs += performance.now() - start;
          posts++;
          return service.match(blocks);
        },
        countMedicalTexts: (texts) => service.countMedicalTexts(texts),
      });
      await pass(document.body);
      return { ...scanner.stats.first!, postingMs, posts };
    };
    await scanWithPosts(0); // the code's first run is slower than the others
    const quick = await scanWithPosts(0);
    const slow = await scanWithPosts(40);
    // About 280,000 characters: more than two batches' worth, however fast the walk.
    expect(slow.posts).toBeGreaterThanOrEqual(3);
    // Half of it at least, against the same walk with instant posts: the rest is noise's margin.
    expect(slow.busyMs - quick.busyMs).toBeGreaterThan(slow.postingMs / 2);
    // Each post after the first runs over the slice limit, and is counted so.
    expect(slow.slicesOverLimit).toBeGreaterThanOrEqual(slow.posts - 1);
  });

  it('records answers in the order the blocks were walked, whichever comes first', async () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p id="p${i}">lupus ${i}</p>`).join('');
    const terms = new PageTerms();
    const service = inProcess(matcher);
    const held: (() => void)[] = [];
    let holding = true;
    const { pass } = scannerFor(terms, {
      match: (blocks) =>
        new Promise<BatchMatches>((resolve) => {
          const answer = () => resolve(service.match(blocks));
          if (holding) held.push(answer);
          else answer();
        }),
      countMedicalTexts: (texts) => service.countMedicalTexts(texts),
    });
    const done = pass(document.body);
    // The walk goes on beside the first batch, then waits for the second: answer the second first.
    await expect.poll(() => held.length).toBe(2);
    holding = false;
    held[1]!();
    held[0]!();
    await done;
    expect(terms.all().map((t) => t.container.id)).toEqual(Array.from({ length: 3000 }, (_, i) => `p${i}`));
  });

  it('keeps no terms for a block that leaves the page while its text is being matched', async () => {
    const terms = new PageTerms();
    const service = inProcess(matcher);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { pass } = scannerFor(terms, {
      match: async (blocks) => {
        await held;
        return service.match(blocks);
      },
      countMedicalTexts: (texts) => service.countMedicalTexts(texts),
    });
    const done = pass(document.body);
    await new Promise((r) => setTimeout(r, 0));
    byId('a').remove();
    release();
    await done;
    expect(terms.all().map((t) => t.container.id)).toEqual(['c']);
  });

  it('finds nothing, and still finishes its pass, when the matcher cannot be reached', async () => {
    const terms = new PageTerms();
    const { scanner, pass } = scannerFor(terms, {
      match: () => Promise.reject(new Error('gone')),
      countMedicalTexts: () => Promise.reject(new Error('gone')),
    });
    await pass(document.body);
    expect(terms.size).toBe(0);
    expect(scanner.stats.first).toMatchObject({ blocks: 3, termsFound: 0 });
  });
});

describe('watchPageChanges', () => {
  let watcher: PageWatcher | undefined;
  afterEach(() => watcher?.stop());

  /** Starts watching, makes the change, and resolves with the batch the watcher reports. */
  function changesAfter(change: () => void): Promise<PageChanges> {
    return new Promise((resolve) => {
      watcher = watchPageChanges(document, () => false, resolve);
      change();
    });
  }

  beforeEach(() => {
    document.body.innerHTML = '<section id="s"><p id="a">lupus <b id="bold">rash</b></p></section><p id="c">text</p>';
  });

  it('reports a block whose text was edited as changed, and rescans it', async () => {
    const changes = await changesAfter(() => {
      (byId('a').firstChild as Text).data = 'no longer lupus ';
    });
    expect(changes.changedContainers).toEqual([byId('a')]);
    expect(changes.roots).toEqual([byId('a')]);
    expect(changes.removed).toEqual([]);
  });

  it('reports a block whose inline content was replaced as changed', async () => {
    const changes = await changesAfter(() => {
      byId('a').textContent = 'heliotrope rash';
    });
    expect(changes.changedContainers).toEqual([byId('a')]);
    expect(changes.removed.map((e) => e.id)).toEqual(['bold']);
    expect(changes.roots).toEqual([byId('a')]);
  });

  it('reports removed blocks, and rescans added ones', async () => {
    const section = byId('s');
    const paragraph = byId('a');
    const added = document.createElement('div');
    const changes = await changesAfter(() => {
      paragraph.remove();
      section.remove();
      document.body.append(added);
    });
    expect(changes.removed).toEqual([paragraph, section]);
    expect(changes.changedContainers).toEqual([]);
    expect(changes.roots).toEqual([added]);
  });
});
