import glossary from 'virtual:medgloss-glossary';
import { render } from 'preact';
import { askTab, findTargetTab } from '../../src/popup/active-tab';
import { PopupApp } from '../../src/popup/popup-app';
import '../../src/popup/popup.css';
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
    }}
  />,
  document.getElementById('app')!,
);
