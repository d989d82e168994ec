import { type HostileFixture, PARAGRAPH, PARAGRAPH_2, PARAGRAPH_2_TERMS, PARAGRAPH_TERMS, documentHtml, waitForFlag } from './common';

/** Content Security Policy: the strictest policy by header, and one added by a <meta> after load. */

export const cspHeader: HostileFixture = {
  name: 'csp-header',
  hostile: "Content-Security-Policy: default-src 'none' as a response header (no script, no style, nothing)",
  html: documentHtml({ title: 'Strict CSP', body: `${PARAGRAPH}${PARAGRAPH_2}` }),
  headers: { 'content-security-policy': "default-src 'none'" },
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  popover: 'methotrexate',
};

export const cspMetaLate: HostileFixture = {
  name: 'csp-meta-late',
  hostile: 'a <meta http-equiv=Content-Security-Policy content="default-src \'none\'"> added after load',
  html: documentHtml({
    title: 'CSP added late',
    body: `${PARAGRAPH}${PARAGRAPH_2}`,
    script: `
addEventListener('load', () => {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "default-src 'none'";
  document.head.appendChild(meta);
  window.__csp = true;
});`,
  }),
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  act: async (page) => {
    await waitForFlag(page, '__csp');
  },
  popover: 'azathioprine',
};

export const CSP_FIXTURES = [cspHeader, cspMetaLate];
