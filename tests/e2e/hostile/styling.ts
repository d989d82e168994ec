import { type HostileFixture, PARAGRAPH, PARAGRAPH_2, PARAGRAPH_2_TERMS, PARAGRAPH_TERMS, documentHtml } from './common';

/** Page CSS that fights ours: resets, root font sizes, stacking, the top layer, dark mode. */

const filler = Array.from({ length: 12 }, (_, i) => `<p>Section ${i + 1}. Nothing medical here, only words to make the page scroll.</p>`).join('\n');

export const allUnset: HostileFixture = {
  name: 'all-unset',
  hostile: '* { all: unset !important; font-size: 3px } (verbatim: the important "all" wins over the 3px)',
  html: documentHtml({ title: 'all: unset', body: `${PARAGRAPH}${PARAGRAPH_2}`, style: '* { all: unset !important; font-size: 3px }' }),
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  popover: 'methotrexate',
};

export const allUnsetTiny: HostileFixture = {
  name: 'all-unset-3px',
  hostile: '* { all: unset !important; font-size: 3px !important }: every element inline, text 3 px high',
  html: documentHtml({ title: 'all: unset, 3px', body: `${PARAGRAPH}${PARAGRAPH_2}`, style: '* { all: unset !important; font-size: 3px !important }' }),
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  popover: 'azathioprine',
};

export const rootFont10: HostileFixture = {
  name: 'root-font-10',
  hostile: 'html { font-size: 10px } with body text in rem',
  html: documentHtml({ title: 'Root 10px', body: `${PARAGRAPH}${PARAGRAPH_2}`, style: 'html { font-size: 10px } body { font-size: 1.6rem }' }),
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  popover: 'methotrexate',
};

export const rootFont24: HostileFixture = {
  name: 'root-font-24',
  hostile: 'html { font-size: 24px } with body text in rem',
  html: documentHtml({ title: 'Root 24px', body: `${PARAGRAPH}${PARAGRAPH_2}`, style: 'html { font-size: 24px } body { font-size: 1rem }' }),
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  popover: 'lupus',
};

export const stickyHeader: HostileFixture = {
  name: 'sticky-header',
  hostile: 'a sticky header at z-index 2147483647 (the maximum) with a term in it',
  html: documentHtml({
    title: 'Sticky header',
    body: `<header><p>Lupus news · Dermatomyositis support · Ask a rheumatologist</p></header>${PARAGRAPH}${filler}${PARAGRAPH_2}${filler}`,
    style:
      'header { position: sticky; top: 0; z-index: 2147483647; background: #0b3d91; color: #fff; padding: 1.5em 1em; margin: 0 -1em; } header p { margin: 0; font-weight: bold; }',
  }),
  expect: ['Lupus', 'Dermatomyositis', 'rheumatologist', ...PARAGRAPH_TERMS],
  popover: 'Lupus news',
};

export const modalDialog: HostileFixture = {
  name: 'modal-dialog',
  hostile: 'an open modal <dialog> (top layer, the rest of the page inert) with a term in it',
  html: documentHtml({
    title: 'Modal dialog',
    body: `${PARAGRAPH}${filler}
<dialog id="dialog"><h2>Before you go</h2><p>Tell your doctor if you take azathioprine.</p><form method="dialog"><button>Close</button></form></dialog>`,
    style: 'dialog { max-width: 30em; } dialog::backdrop { background: rgba(0, 0, 0, 0.4); }',
    script: `document.getElementById('dialog').showModal();`,
  }),
  expect: [...PARAGRAPH_TERMS, 'azathioprine'],
  popover: 'azathioprine',
};

export const darkMode: HostileFixture = {
  name: 'dark-mode',
  hostile: 'a dark page (color-scheme: dark) read with prefers-color-scheme: dark',
  html: documentHtml({
    title: 'Dark',
    body: `${PARAGRAPH}${PARAGRAPH_2}`,
    style: ':root { color-scheme: dark; } body { background: #121212; color: #e6e6e6; }',
  }),
  colorScheme: 'dark',
  expect: [...PARAGRAPH_TERMS, ...PARAGRAPH_2_TERMS],
  popover: 'heliotrope rash',
};

export const STYLING_FIXTURES = [allUnset, allUnsetTiny, rootFont10, rootFont24, stickyHeader, modalDialog, darkMode];
