import glossary from 'virtual:medgloss-page-glossary';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { GlossaryEntry } from '../../src/glossary/schema';
import { type EntryRequest, parsePageRequest } from '../../src/messages';
import { startPage } from '../../src/page/start-page';
import { readSettings, watchSettings } from '../../src/settings/settings-item';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    const { settings } = await readSettings();
    if (ctx.isInvalid) return;
    const loadEntry = async (id: string) => {
      const request: EntryRequest = { type: 'medgloss:get-entry', id };
      // After an update or uninstall the old script's context is gone: no popover, no error.
      return ((await browser.runtime.sendMessage(request).catch(() => undefined)) as GlossaryEntry | null | undefined) ?? undefined;
    };
    const page = startPage({ doc: document, glossary, loadEntry, settings });
    const unwatch = watchSettings((next) => page.applySettings(next));
    const onMessage = (message: unknown, sender: { id?: string }) => {
      const request = parsePageRequest(message, sender.id, browser.runtime.id);
      return request ? Promise.resolve(page.handleRequest(request) ?? null) : undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      page.stop();
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
    });
  },
});
