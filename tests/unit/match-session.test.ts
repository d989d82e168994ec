import { describe, expect, it, vi } from 'vitest';
import { type Matcher, type NameForm, compileMatcher, loadMatcher, shipMatcher } from '../../src/matching/compile-matcher';
import { findMatches } from '../../src/matching/find-matches';
import { ANSWER_TIMEOUT_MS, MATCH_PORT, type MatchPort, connectMatching, parseMatchRequest, serveMatching } from '../../src/matching/match-port';
import { MatchSession } from '../../src/matching/match-session';

const FORMS: NameForm[] = [
  { text: 'prothrombin time', entry: 0, exactCase: false, rules: [] },
  { text: 'PT', entry: 1, exactCase: true, rules: ['medical-context'] },
  { text: 'lupus', entry: 2, exactCase: false, rules: [] },
  { text: 'MCV', entry: 3, exactCase: true, rules: ['medical-context'] },
];

const MATCHERS: [string, () => Matcher][] = [
  ['built whole', () => compileMatcher(FORMS)],
  ['loaded from the shipped forms', () => loadMatcher(shipMatcher(FORMS))],
];

/** Each match as entry:text, from MatchSession's flat numbers. */
function named(text: string, flat: readonly number[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < flat.length; i += 3) names.push(`${flat[i]}:${text.slice(flat[i + 1], flat[i + 2])}`);
  return names;
}

describe('MatchSession', () => {
  it.each(MATCHERS)('keeps the abbreviations a page defines to that page (matcher %s)', (_how, makeMatcher) => {
    const glossary = makeMatcher();
    // The glossary's branch for "PT" is built before either page starts, so the pages share it.
    expect(findMatches('PT and lupus', glossary)).toHaveLength(2);
    const defining = new MatchSession(glossary);
    const other = new MatchSession(glossary);
    const definition = 'Her prothrombin time (PT) was long.';
    const later = 'The PT was checked again.';
    const [first, second] = defining.match([
      { text: definition, byLine: false },
      { text: later, byLine: false },
    ]).found;
    // In the defining block itself, PT is read as the glossary reads it (the name gives it context).
    expect(named(definition, first!)).toEqual(['0:prothrombin time', '1:PT']);
    // Defined by the page, the abbreviation needs no context and means what the page says.
    expect(named(later, second!)).toEqual(['0:PT']);
    // Another page, and the glossary itself, still read PT as the glossary does: only with context.
    expect(other.match([{ text: later, byLine: false }]).found).toEqual([[]]);
    expect(named('PT and lupus', other.match([{ text: 'PT and lupus', byLine: false }]).found[0]!)).toEqual(['1:PT', '2:lupus']);
    expect(findMatches(later, glossary)).toEqual([]);
  });

  it('reports the abbreviations a batch defines, and reads them as the page defined them once taught', () => {
    const glossary = compileMatcher(FORMS);
    const defining = new MatchSession(glossary);
    expect(defining.match([{ text: 'Her prothrombin time (PT) was long.', byLine: false }]).defined).toEqual([{ abbreviation: 'PT', entry: 0 }]);
    expect(defining.match([{ text: 'Lupus and prothrombin time.', byLine: false }]).defined).toBeUndefined();
    // A page that renders the definition again teaches nothing new.
    expect(defining.match([{ text: 'Her prothrombin time (PT) was long.', byLine: false }]).defined).toBeUndefined();
    const later = 'The PT was checked again.';
    const restarted = new MatchSession(glossary);
    expect(restarted.match([{ text: later, byLine: false }]).found).toEqual([[]]);
    restarted.teach([{ abbreviation: 'PT', entry: 0 }]);
    expect(named(later, restarted.match([{ text: later, byLine: false }]).found[0]!)).toEqual(['0:PT']);
    expect(findMatches(later, glossary)).toEqual([]);
  });

  it('gives the matches a block would have with context from around it, only where that context is missing', () => {
    const session = new MatchSession(compileMatcher(FORMS));
    const alone = 'MCV 101 fL';
    const { found, withContext } = session.match([
      { text: alone, byLine: false },
      { text: 'MCV and lupus', byLine: false },
      { text: 'nothing here', byLine: false },
    ]);
    expect(found.map((flat, i) => named([alone, 'MCV and lupus', 'nothing here'][i]!, flat))).toEqual([[], ['3:MCV', '2:lupus'], []]);
    expect(withContext).toEqual([[0, [3, 0, 3]]]);
  });

  it('matches a text file line by line, with offsets into the whole text', () => {
    const text = 'Lupus\nprothrombin\ntime';
    expect(named(text, new MatchSession(compileMatcher(FORMS)).match([{ text, byLine: true }]).found[0]!)).toEqual(['2:Lupus']);
  });

  it('counts the texts that hold a term that needs no context', () => {
    const session = new MatchSession(compileMatcher(FORMS));
    expect(session.countMedicalTexts(['MCV 101 fL', 'PT 12 s'])).toBe(0);
    expect(session.countMedicalTexts(['MCV 101 fL', 'lupus panel', 'Lupus', 'chart'])).toBe(2);
  });
});

describe('the matching port', () => {
  it.each([
    [null],
    ['match'],
    [{ id: 'x', type: 'match', text: '', lengths: [], byLine: [] }],
    [{ id: 1.5, type: 'match', text: '', lengths: [], byLine: [] }],
    [{ id: 1, type: 'match', text: 3, lengths: [1], byLine: [] }],
    [{ id: 1, type: 'match', text: 'lupus', lengths: [2], byLine: [] }],
    [{ id: 1, type: 'match', text: 'lupus', lengths: [7, -2], byLine: [] }],
    [{ id: 1, type: 'match', text: 'lupus', lengths: [5], byLine: [1] }],
    [{ id: 1, type: 'match', text: 'lupus', lengths: [5] }],
    [{ id: 1, type: 'medical-terms', texts: ['a', null] }],
    [{ id: 1, type: 'other', texts: [] }],
    [{ id: 1, type: 'teach', defined: 'PT' }],
    [{ id: 1, type: 'teach', defined: [{ abbreviation: 'pt', entry: 0 }] }],
    [{ id: 1, type: 'teach', defined: [{ abbreviation: 'PT', entry: -1 }] }],
    [{ id: 1, type: 'teach', defined: [{ abbreviation: 'PT' }] }],
  ])('ignores a malformed request: %j', (message) => {
    expect(parseMatchRequest(message)).toBeUndefined();
  });

  it('answers a malformed request, or one it fails on, as failed: the page is not left waiting', () => {
    const port = fakePortEnd();
    const answers: unknown[] = [];
    port.end.postMessage = (message) => answers.push(message);
    serveMatching(port.end, compileMatcher(FORMS));
    port.received({ id: 5, type: 'match', text: 'lupus', lengths: [2], byLine: [] });
    port.received({ id: 6, type: 'medical-terms', texts: ['lupus'] });
    port.received({ type: 'medical-terms', texts: ['lupus'] });
    expect(answers).toEqual([
      { id: 5, failed: true },
      { id: 6, withTerms: 1 },
    ]);
  });

  it('reads a well-formed request: the blocks as one text and their lengths', () => {
    const request = { id: 3, type: 'match', text: 'lupusPT', lengths: [5, 2], byLine: [1] };
    expect(parseMatchRequest(request)).toEqual(request);
  });

  it('answers a page through the port, and sends what was unanswered again when the background restarts', async () => {
    const background = new FakeBackground(compileMatcher(FORMS));
    const matching = connectMatching(() => background.connect());
    expect(background.opened).toBe(0);
    const text = 'lupus and MCV';
    expect(named(text, (await matching.match([{ text, byLine: false }])).found[0]!)).toEqual(['2:lupus', '3:MCV']);
    expect(await matching.countMedicalTexts(['lupus', 'chart', 'lupus flare'])).toBe(2);
    expect(background.opened).toBe(1);
    // Several blocks travel as one text: each comes back with its own offsets, a text file's by line.
    const blocks = [
      { text: 'prothrombin\ntime', byLine: true },
      { text: '', byLine: false },
      { text: 'prothrombin\ntime', byLine: false },
    ];
    expect((await matching.match(blocks)).found).toEqual([[], [], [0, 0, 16]]);

    // The browser stops the background with a request on its way: it goes again on a new port.
    background.stopOnNextRequest = true;
    const answer = matching.match([{ text: 'lupus', byLine: false }]);
    expect((await answer).found).toEqual([[2, 0, 5]]);
    expect(background.opened).toBe(2);

    // Stopped again before answering the same request: it fails rather than loop.
    background.stopOnNextRequest = 2;
    await expect(matching.match([{ text: 'lupus', byLine: false }])).rejects.toThrow();
    matching.close();
    await expect(matching.match([{ text: 'lupus', byLine: false }])).rejects.toThrow();
  });

  it('teaches a restarted background the abbreviations the page defined, and no other page', async () => {
    const background = new FakeBackground(compileMatcher(FORMS));
    const matching = connectMatching(() => background.connect());
    await matching.match([{ text: 'Her prothrombin time (PT) was long.', byLine: false }]);
    const later = 'The PT was checked again.';
    expect(named(later, (await matching.match([{ text: later, byLine: false }])).found[0]!)).toEqual(['0:PT']);
    // The browser stops the idle background; the page adds text: it is matched by a new session.
    background.stopOnNextRequest = true;
    expect(named(later, (await matching.match([{ text: later, byLine: false }])).found[0]!)).toEqual(['0:PT']);
    expect(background.opened).toBe(2);
    const otherPage = connectMatching(() => background.connect());
    expect((await otherPage.match([{ text: later, byLine: false }])).found).toEqual([[]]);
  });

  it('gives a request up when the background neither answers nor closes the port', async () => {
    vi.useFakeTimers();
    try {
      const silent = fakePortEnd();
      const matching = connectMatching(() => silent.end);
      const answer = matching.match([{ text: 'lupus', byLine: false }]);
      const failed = expect(answer).rejects.toThrow('did not answer');
      await vi.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS - 1);
      let settled = false;
      void answer.catch(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await failed;
      // A late answer is ignored.
      silent.received({ id: 0, matches: { found: [], withContext: [] } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails a request, without throwing, when the port cannot be opened (the extension was updated)', async () => {
    const matching = connectMatching(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(matching.match([{ text: 'lupus', byLine: false }])).rejects.toThrow('Extension context invalidated.');
  });
});

/**
 * Both ends of runtime ports, in memory: messages go through JSON as between a page and the
 * background, asynchronously. `stopOnNextRequest` closes the port when the next request (or the
 * next n requests) arrive, as when the browser stops an idle background.
 */
class FakeBackground {
  opened = 0;
  stopOnNextRequest: boolean | number = false;

  constructor(private readonly matcher: Matcher) {}

  connect(): MatchPort {
    this.opened++;
    const page = fakePortEnd();
    const background = fakePortEnd();
    let open = true;
    const close = () => {
      if (!open) return;
      open = false;
      queueMicrotask(() => page.disconnected());
    };
    page.end.postMessage = (message) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const copy: unknown = JSON.parse(JSON.stringify(message));
      if (this.stopOnNextRequest !== false) {
        this.stopOnNextRequest = typeof this.stopOnNextRequest === 'number' && this.stopOnNextRequest > 1 ? this.stopOnNextRequest - 1 : false;
        return close();
      }
      queueMicrotask(() => background.received(copy));
    };
    background.end.postMessage = (message) => {
      const copy: unknown = JSON.parse(JSON.stringify(message));
      queueMicrotask(() => open && page.received(copy));
    };
    page.end.disconnect = close;
    serveMatching(background.end, this.matcher);
    return page.end;
  }
}

function fakePortEnd() {
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const end: MatchPort = {
    name: MATCH_PORT,
    postMessage: () => {},
    onMessage: { addListener: (listener) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener) => onDisconnect.push(listener) },
    disconnect: () => {},
  };
  return {
    end,
    received: (message: unknown) => onMessage.forEach((listener) => listener(message)),
    disconnected: () => onDisconnect.forEach((listener) => listener()),
  };
}
