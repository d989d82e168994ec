import type { Matcher } from './compile-matcher';
import { ABBREVIATION_SHAPE, type DefinedAbbreviation } from './defined-abbreviations';
import { type BatchMatches, type BlockText, MatchSession, type MatchService } from './match-session';

/** The name of the port a content script opens to the background to have its page's text matched. */
export const MATCH_PORT = 'medgloss:match';

/** What either end of a runtime port needs (browser.runtime.Port has more). */
export interface MatchPort {
  name: string;
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

/**
 * A page's request; `id` pairs it with its answer. A batch of blocks travels as one string and the
 * blocks' lengths, not as an object per block: a CPU profile in Chromium put 17 ms of a 1 MB page's
 * scan in sending those objects (timed without the profiler, the gain was within the noise), and
 * one string is as simple to check.
 */
type MatchRequest =
  | { id: number; type: 'match'; text: string; lengths: number[]; byLine: number[] }
  | { id: number; type: 'medical-terms'; texts: string[] }
  /** The abbreviations the page defined in a session the browser has since stopped. */
  | { id: number; type: 'teach'; defined: DefinedAbbreviation[] };

/** The background's answer; `failed` when it could not answer (the page's request is then failed, not left waiting). */
type MatchAnswer = { id: number; matches: BatchMatches } | { id: number; withTerms: number } | { id: number; taught: true } | { id: number; failed: true };

/**
 * The background's end: one MatchSession per port, so each page (each frame) keeps the
 * abbreviations it defines to itself, for as long as its content script is connected.
 */
export function serveMatching(port: MatchPort, glossaryMatcher: Matcher): void {
  const session = new MatchSession(glossaryMatcher);
  port.onMessage.addListener((message) => {
    const id = (message as { id?: unknown } | null)?.id;
    // Without an id there is no one to answer; only our own content script can open this port.
    if (typeof id !== 'number') return;
    let answer: MatchAnswer = { id, failed: true };
    try {
      const request = parseMatchRequest(message);
      if (request?.type === 'match') answer = { id, matches: session.match(unpackBlocks(request)) };
      else if (request?.type === 'medical-terms') answer = { id, withTerms: session.countMedicalTexts(request.texts) };
      else if (request?.type === 'teach') {
        session.teach(request.defined);
        answer = { id, taught: true };
      }
    } catch {
      // Answered as failed below: the page's scan goes on without this batch's terms.
    }
    try {
      port.postMessage(answer);
    } catch {
      // The page went away while its text was being matched.
    }
  });
}

/** Checks a request's shape: the background trusts nothing it is sent. */
export function parseMatchRequest(message: unknown): MatchRequest | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { id, type, text, lengths, byLine, texts, defined } = message as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return undefined;
  if (type === 'match' && typeof text === 'string' && isCountList(lengths) && isCountList(byLine)) {
    if (lengths.reduce((sum, length) => sum + length, 0) !== text.length) return undefined;
    if (byLine.some((index) => index >= lengths.length)) return undefined;
    return { id, type, text, lengths, byLine };
  }
  if (type === 'medical-terms' && Array.isArray(texts) && texts.every((text) => typeof text === 'string')) return { id, type, texts };
  if (type === 'teach' && Array.isArray(defined) && defined.every(isDefinedAbbreviation))
    return { id, type, defined: defined.map(({ abbreviation, entry }) => ({ abbreviation, entry })) };
  return undefined;
}

function isDefinedAbbreviation(value: unknown): value is DefinedAbbreviation {
  if (typeof value !== 'object' || value === null) return false;
  const { abbreviation, entry } = value as Record<string, unknown>;
  return typeof abbreviation === 'string' && ABBREVIATION_SHAPE.test(abbreviation) && Number.isSafeInteger(entry) && (entry as number) >= 0;
}

function isCountList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
}

function packBlocks(blocks: readonly BlockText[]): { text: string; lengths: number[]; byLine: number[] } {
  const byLine: number[] = [];
  blocks.forEach((block, index) => {
    if (block.byLine) byLine.push(index);
  });
  return { text: blocks.map((block) => block.text).join(''), lengths: blocks.map((block) => block.text.length), byLine };
}

function unpackBlocks({ text, lengths, byLine }: { text: string; lengths: readonly number[]; byLine: readonly number[] }): BlockText[] {
  const lines = new Set(byLine);
  let start = 0;
  return lengths.map((length, index) => {
    const block = { text: text.slice(start, start + length), byLine: lines.has(index) };
    start += length;
    return block;
  });
}

/**
 * How long a page waits for an answer before it gives the request up. A batch is what one slice
 * walked (about 100 KB of text at most, matched in well under a second even by a cold background),
 * so only a background that hangs comes near it.
 */
export const ANSWER_TIMEOUT_MS = 20_000;

/** A request on its way, to be sent again if the background is restarted before it answers. */
interface Pending {
  request: MatchRequest;
  resolve: (answer: MatchAnswer) => void;
  reject: (error: Error) => void;
  sent: number;
}

/**
 * The content script's end: a MatchService over a port to the background. The port is opened on
 * first use. A browser may stop an idle background (Chrome stops its service worker after half a
 * minute without work, while the reader reads): the port then closes, and the requests still
 * unanswered are sent again, once, on a new port. The new port's session is first taught the
 * abbreviations the page defined so far, so that text the page adds later ("PT" after "prothrombin
 * time (PT)" near the top) is matched as before.
 */
export function connectMatching(connect: () => MatchPort): MatchService & { close(): void } {
  let port: MatchPort | undefined;
  let nextId = 0;
  let closed = false;
  const pending = new Map<number, Pending>();
  /** The abbreviations the page has defined, as the background reported them. */
  const defined: DefinedAbbreviation[] = [];

  const send = (entry: Pending) => {
    try {
      port ??= open();
      entry.sent++;
      port.postMessage(entry.request);
    } catch (error) {
      pending.delete(entry.request.id);
      entry.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const open = (): MatchPort => {
    const opened = connect();
    // Before any request: a port delivers in order. No answer is awaited; it changes no result.
    if (defined.length > 0) opened.postMessage({ id: nextId++, type: 'teach', defined });
    opened.onMessage.addListener((message) => {
      const id = (message as { id?: unknown } | null)?.id;
      const entry = typeof id === 'number' ? pending.get(id) : undefined;
      if (!entry) return;
      pending.delete(id as number);
      entry.resolve(message as MatchAnswer);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
      for (const entry of [...pending.values()]) {
        if (closed || entry.sent > 1) {
          pending.delete(entry.request.id);
          entry.reject(new Error('The background closed the matching port'));
        } else send(entry);
      }
    });
    return opened;
  };
  const ask = (request: MatchRequest) =>
    new Promise<MatchAnswer>((resolve, reject) => {
      if (closed) return reject(new Error('Matching was closed'));
      // A background that hangs without closing the port must not leave the page's scan waiting.
      const timer = setTimeout(() => {
        if (pending.delete(request.id)) reject(new Error('The background did not answer'));
      }, ANSWER_TIMEOUT_MS);
      const entry: Pending = {
        request,
        resolve: (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
        sent: 0,
      };
      pending.set(request.id, entry);
      send(entry);
    });

  return {
    async match(blocks) {
      const answer = await ask({ id: nextId++, type: 'match', ...packBlocks(blocks) });
      if (!('matches' in answer)) throw new Error('Not an answer to a match request');
      if (answer.matches.defined) defined.push(...answer.matches.defined);
      return answer.matches;
    },
    async countMedicalTexts(texts) {
      const answer = await ask({ id: nextId++, type: 'medical-terms', texts: [...texts] });
      if (!('withTerms' in answer)) throw new Error('Not an answer to a question about medical terms');
      return answer.withTerms;
    },
    close() {
      closed = true;
      for (const entry of pending.values()) entry.reject(new Error('Matching was closed'));
      pending.clear();
      try {
        port?.disconnect();
      } catch {
        // The extension's context is already gone, and the port with it.
      }
      port = undefined;
    },
  };
}
