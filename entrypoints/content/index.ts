import glossary from 'virtual:medgloss-glossary';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { parsePopupRequest } from '../../src/messages';
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
    const page = startPage({ doc: document, glossary, settings });
    const unwatch = watchSettings((next) => page.applySettings(next));
    const onMessage = (message: unknown, sender: { id?: string }) => {
      const request = parsePopupRequest(message, sender.id, browser.runtime.id);
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
