import glossary from 'virtual:medgloss-glossary';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { askTab, findTargetTab } from '../../src/popup/active-tab';
import { PopupApp } from '../../src/popup/popup-app';
import '../../src/popup/popup.css';
import { historyItem } from '../../src/settings/history-item';
import { readSettings, writeSettings } from '../../src/settings/settings-item';

const tabId = findTargetTab(location);

render(
  <PopupApp
    glossary={glossary}
    services={{
      readSettings,
      writeSettings,
      getPageInfo: async () => {
        const id = await tabId;
        return id === undefined ? undefined : askTab(id, { type: 'medgloss:get-page-info' });
      },
      showTerm: async (id) => {
        const target = await tabId;
        if (target !== undefined) await askTab(target, { type: 'medgloss:show-term', id });
      },
      readHistory: () => historyItem.getValue(),
      clearHistory: () => historyItem.setValue([]),
      requestSiteAccess: () => browser.permissions.request({ origins: ['http://*/*', 'https://*/*'] }).catch(() => false),
      openPage: async (page) => {
        const url = page === 'terms' ? browser.runtime.getURL(`/terms.html?tab=${(await tabId) ?? ''}`) : browser.runtime.getURL('/glossary.html');
        await browser.tabs.create({ url });
      },
    }}
  />,
  document.getElementById('app')!,
);
