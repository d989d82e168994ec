import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../../src/page/run-content-script';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  // WXT would otherwise post a message to the page naming the extension at every start.
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx),
});
