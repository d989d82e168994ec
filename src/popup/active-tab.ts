import { browser } from 'wxt/browser';
import type { PageInfo, PageRequest } from '../messages';

/**
 * The tab the popup is about: the active tab of the window, or the one named by `?tab=<id>` (the
 * end-to-end tests open the popup as a page of its own, where it would be the active tab itself).
 */
export async function findTargetTab(location: Location): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Asks the content script of a tab; undefined where none runs (browser pages, site access off). */
export async function askTab(tabId: number, request: PageRequest): Promise<PageInfo | undefined> {
  try {
    return ((await browser.tabs.sendMessage(tabId, request)) as PageInfo | null) ?? undefined;
  } catch {
    return undefined;
  }
}
