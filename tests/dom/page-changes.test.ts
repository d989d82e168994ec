import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/matching/compile-matcher';
import { walkBlocks } from '../../src/page/collect-blocks';
import { PageTerms } from '../../src/page/page-terms';
import { type PageChanges, type PageWatcher, watchPageChanges } from '../../src/page/watch-page-changes';

// Two names are enough to follow terms through a page's changes; the glossary's own are tested elsewhere.
const matcher = compileMatcher([
  { text: 'lupus', entry: 0, exactCase: false, rules: [] },
  { text: 'heliotrope rash', entry: 1, exactCase: false, rules: [] },
]);

function scanned(root: Node = document.body): PageTerms {
  const terms = new PageTerms();
  const scan = terms.startScan();
  for (const block of walkBlocks(root)) terms.addBlock(block, matcher, scan);
  return terms;
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
    const stale: number[][] = [];
    const scan = terms.startScan();
    for (const block of walkBlocks(byId('d'))) terms.addBlock(block, matcher, scan, (old) => stale.push(old.map((t) => t.entry)));
    // #d's terms once (not its first block's again after its second), then those of #b inside it.
    expect(stale).toEqual([[0, 1], [0]]);
    expect(terms.termsIn(byId('d')).map((t) => t.entry)).toEqual([0, 1]);
    expect(terms.all().map((t) => t.container.id)).toEqual(['a', 'a', 'd', 'd', 'b', 'c']);
  });

  it('takes medical context for a short abbreviation from the rest of its table, as on a lab report', () => {
    const withAbbreviation = compileMatcher([
      { text: 'lupus', entry: 0, exactCase: false, rules: [] },
      { text: 'MCV', entry: 2, exactCase: true, rules: ['medical-context'] },
    ]);
    document.body.innerHTML = `
      <table><tr><td id="row1">MCV 101 fL</td></tr><tr><td>lupus panel</td></tr></table>
      <table><tr><td id="other">MCV 101 fL</td></tr><tr><td>chart</td></tr></table>
      <p id="loose">MCV 101 fL</p>`;
    const terms = new PageTerms();
    const scan = terms.startScan();
    for (const block of walkBlocks(document.body)) terms.addBlock(block, withAbbreviation, scan);
    // The row before the medical word counts too: the whole table is read, not what came before.
    expect(terms.termsIn(byId('row1')).map((t) => t.entry)).toEqual([2]);
    expect(terms.termsIn(byId('other'))).toEqual([]);
    expect(terms.termsIn(byId('loose'))).toEqual([]);

    // A row with a medical word added to the other table: read again in the scanner's next pass.
    byId('other').closest('table')!.insertRow().insertCell().textContent = 'lupus';
    const rescan = () => {
      const again = terms.startScan();
      for (const block of walkBlocks(byId('other'))) terms.addBlock(block, withAbbreviation, again);
    };
    rescan();
    expect(terms.termsIn(byId('other'))).toEqual([]);
    terms.startPass();
    rescan();
    expect(terms.termsIn(byId('other')).map((t) => t.entry)).toEqual([2]);
  });

  it('forgets the containers inside a removed subtree, the subtree itself and nothing else', () => {
    const terms = scanned();
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
