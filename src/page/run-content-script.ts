import shippedPageGlossary from 'virtual:medgloss-page-glossary';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageGlossary } from '../glossary/page-glossary';
import type { GlossaryEntry } from '../glossary/schema';
import { MATCH_PORT, connectMatching } from '../matching/match-port';
import { type BackgroundRequest, parsePageRequest } from '../messages';
import { readSettings, watchSettings, writeSettings } from '../settings/settings-item';
import { startPage } from './start-page';

/** How often the content script checks that its extension is still there. */
const INVALIDATION_CHECK_MS = 500;

/** The longest the first scan waits for the page's load event (slow images, hanging requests). */
const MAX_LOAD_WAIT_MS = 3_000;

/**
 * Connects the page logic to the extension: settings from storage (live), definitions and the
 * glossary page from the background, requests from the popup. When the extension is reloaded or
 * updated, WXT invalidates the context and everything of ours leaves the page.
 */
export async function runContentScript(ctx: ContentScriptContext): Promise<void> {
  const { settings } = await readSettings();
  // Scanning while the page still loads would delay its load event: wait for it, but not forever.
  if (document.readyState !== 'complete') {
    await new Promise<void>((resolve) => {
      window.addEventListener('load', () => resolve(), { once: true });
      setTimeout(resolve, MAX_LOAD_WAIT_MS);
    });
  }
  if (ctx.isInvalid) return;
  const ask = async (request: BackgroundRequest): Promise<unknown> => {
    // After an update or uninstall the old script's context is gone: no answer, no error.
    try {
      return await browser.runtime.sendMessage(request);
    } catch {
      return undefined;
    }
  };

  const matching = connectMatching(() => browser.runtime.connect({ name: MATCH_PORT }));
  const page = startPage({
    doc: document,
    glossary: new PageGlossary(shippedPageGlossary),
    matching,
    settings,
    loadEntry: async (id) => ((await ask({ type: 'medgloss:get-entry', id })) as GlossaryEntry | null | undefined) ?? undefined,
    openGlossary: (id) => void ask({ type: 'medgloss:open-glossary', id }),
    markKnown: (id) =>
      void readSettings().then(({ settings: current }) => writeSettings({ ...current, knownTerms: [...new Set([...current.knownTerms, id])] })),
  });
  const unwatch = watchSettings((next) => page.applySettings(next));
  const onMessage = (message: unknown, sender: { id?: string }) => {
    const request = parsePageRequest(message, sender.id, browser.runtime.id);
    return request ? Promise.resolve(page.handleRequest(request) ?? null) : undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  // WXT notices that the extension was reloaded, updated or removed only when asked: ask every
  // half second, so the old copy leaves the page at once and never touches a dead runtime.
  const watchdog = setInterval(() => void ctx.isInvalid, INVALIDATION_CHECK_MS);
  ctx.onInvalidated(() => {
    clearInterval(watchdog);
    page.stop();
    matching.close();
    // With the context gone, every extension API throws "Extension context invalidated".
    ignoreInvalidContext(unwatch);
    ignoreInvalidContext(() => browser.runtime.onMessage.removeListener(onMessage));
  });
}

function ignoreInvalidContext(release: () => void): void {
  try {
    release();
  } catch {
    // The listener went with the context; there is nothing left to release.
  }
}
