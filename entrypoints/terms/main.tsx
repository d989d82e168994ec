import glossary from 'virtual:medgloss-glossary';
import { render } from 'preact';
import { askTab, findTargetTab } from '../../src/popup/active-tab';
import { TermsPage } from '../../src/pages/terms-page';
import '../../src/popup/popup.css';

const getPageInfo = async () => {
  const tabId = await findTargetTab(location);
  return tabId === undefined ? undefined : askTab(tabId, { type: 'medgloss:get-page-info' });
};

render(<TermsPage glossary={glossary} getPageInfo={getPageInfo} />, document.getElementById('app')!);
