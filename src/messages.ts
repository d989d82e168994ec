/**
 * The extension's one-off messages: the popup asks the content script of the active tab what it
 * found and asks it to show a term; the content script asks the background for a term's definition
 * when its popover opens. Settings travel through storage, not messages, and a page's text goes to
 * the background through a port of its own (src/matching/match-port.ts).
 */

export interface TermCount {
  id: string;
  count: number;
}

export interface PageInfo {
  hostname: string;
  /** Whether terms are being underlined on this page now. */
  active: boolean;
  terms: TermCount[];
  /** The language the page is marked as written in, when that is not English: it is left alone. */
  language?: string;
}

/**
 * What the popup and the keyboard shortcuts (through the background) ask of a page; the page's
 * statistics are asked for by the benchmark and the tests only (see PageStats in start-page.ts).
 */
export type PageRequest =
  | { type: 'medgloss:get-page-info' }
  | { type: 'medgloss:get-stats' }
  | { type: 'medgloss:show-term'; id: string }
  | { type: 'medgloss:step-term'; direction: 1 | -1 };

/**
 * Checks that an incoming message is one of ours, from our own extension: pages cannot reach a
 * content script's runtime.onMessage, but a compromised or confused sender must not make us act.
 */
export function parsePageRequest(message: unknown, senderId: string | undefined, ownId: string): PageRequest | undefined {
  if (senderId !== ownId || typeof message !== 'object' || message === null) return undefined;
  const { type, id, direction } = message as { type?: unknown; id?: unknown; direction?: unknown };
  if (type === 'medgloss:get-page-info' || type === 'medgloss:get-stats') return { type };
  if (type === 'medgloss:show-term' && typeof id === 'string' && id.length < 200) return { type, id };
  if (type === 'medgloss:step-term' && (direction === 1 || direction === -1)) return { type, direction };
  return undefined;
}

/** What a content script asks of the background: a definition (the popover opens), or the glossary page of a term. */
export type BackgroundRequest = { type: 'medgloss:get-entry'; id: string } | { type: 'medgloss:open-glossary'; id: string };

/** Checks a content script's request: from our own extension, well formed. */
export function parseBackgroundRequest(message: unknown, senderId: string | undefined, ownId: string): BackgroundRequest | undefined {
  if (senderId !== ownId || typeof message !== 'object' || message === null) return undefined;
  const { type, id } = message as { type?: unknown; id?: unknown };
  if (typeof id !== 'string' || id.length > 200) return undefined;
  return type === 'medgloss:get-entry' || type === 'medgloss:open-glossary' ? { type, id } : undefined;
}
