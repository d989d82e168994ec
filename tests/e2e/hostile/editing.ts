import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type HostileFixture, PARAGRAPH, PARAGRAPH_2, PARAGRAPH_2_TERMS, PARAGRAPH_TERMS, documentHtml } from './common';

/** Pages where the reader writes: form fields, editors, designMode, and regions that become editable. */

/** Puts the caret at the end of an element's content (the same way in both browsers). */
async function caretAtEnd(page: Page, selector: string): Promise<void> {
  await page.focus(selector);
  await page.evaluate((sel) => {
    const element = document.querySelector(sel)!;
    const range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, selector);
}

export const formFields: HostileFixture = {
  name: 'form-fields',
  hostile: 'terms in input, textarea, select, option, button and placeholder; the reader types more',
  html: documentHtml({
    title: 'Form',
    body: `${PARAGRAPH}
<form>
  <p><label>Diagnosis <input id="dx" name="dx" value="dermatomyositis with a heliotrope rash"></label></p>
  <p><input type="search" placeholder="Search methotrexate, lupus"></p>
  <p><textarea id="notes" name="notes" rows="3" cols="60">Started methotrexate for lupus. Heliotrope rash improving.</textarea></p>
  <p><select name="drug"><option>methotrexate</option><option selected>azathioprine</option><optgroup label="Lupus"><option>hydroxychloroquine</option></optgroup></select></p>
  <p><button type="button">Lupus and methotrexate</button> <input type="submit" value="Send azathioprine"></p>
</form>`,
  }),
  expect: PARAGRAPH_TERMS,
  act: async (page) => {
    await page.focus('#notes');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Also prednisone for dermatomyositis.');
    await page.focus('#dx');
    await page.keyboard.press('End');
    await page.keyboard.type(' and lupus');
    await page.waitForTimeout(400);
  },
  checks: {
    'keeps what the reader typed in the fields': async (page) => {
      await expect(page.inputValue('#notes')).resolves.toBe('Started methotrexate for lupus. Heliotrope rash improving. Also prednisone for dermatomyositis.');
      await expect(page.inputValue('#dx')).resolves.toBe('dermatomyositis with a heliotrope rash and lupus');
    },
  },
};

export const contentEditable: HostileFixture = {
  name: 'contenteditable',
  hostile: 'contenteditable regions (true, "", plaintext-only, with a non-editable chip); the reader types',
  html: documentHtml({
    title: 'Editable',
    body: `${PARAGRAPH}
<div id="editor" contenteditable="true"><p>Methotrexate weekly; heliotrope rash noted.</p><p>Lupus ruled out.</p></div>
<div contenteditable="plaintext-only">Azathioprine and dermatomyositis notes</div>
<div contenteditable="">Empty-attribute editor: lupus</div>
<div contenteditable="true"><p>Outer editor with <span contenteditable="false">a chip: methotrexate</span> inside.</p></div>`,
  }),
  expect: PARAGRAPH_TERMS,
  act: async (page) => {
    await caretAtEnd(page, '#editor p:last-child');
    await page.keyboard.type(' Added azathioprine for dermatomyositis and lupus.');
    await page.waitForTimeout(400);
  },
};

export const designModeIframe: HostileFixture = {
  name: 'designmode-iframe',
  hostile: 'a srcdoc iframe in designMode, typed into',
  html: documentHtml({
    title: 'designMode frame',
    body: `${PARAGRAPH}
<iframe id="frame" style="width:40em;height:8em" srcdoc="${`<p>Methotrexate and lupus in a designMode document.</p><script>document.designMode = 'on';</script>`.replace(/"/g, '&quot;')}"></iframe>`,
  }),
  expect: PARAGRAPH_TERMS,
  act: async (page) => {
    const frame = page.frameLocator('#frame');
    await frame.locator('p').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Dermatomyositis too.');
    await page.waitForTimeout(400);
  },
  checks: {
    'registers no underline in the designMode document': async (page) => {
      const frame = page.frame({ url: 'about:srcdoc' })!;
      await expect(frame.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('medgloss-')))).resolves.toEqual([]);
    },
  },
};

export const modelEditor: HostileFixture = {
  name: 'model-editor',
  hostile: 'an editor that rebuilds its DOM from a model on every input and reports any foreign change',
  html: documentHtml({
    title: 'Model editor',
    body: `${PARAGRAPH}<div id="ed" contenteditable="true" style="border:1px solid #888;min-height:3em"></div>`,
    script: `
const ed = document.getElementById('ed');
const model = ['Dermatomyositis notes: '];
function render() {
  ed.replaceChildren(...model.map((line) => { const p = document.createElement('p'); p.textContent = line; return p; }));
  const range = document.createRange();
  range.selectNodeContents(ed.lastChild);
  range.collapse(false);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
}
ed.addEventListener('beforeinput', (event) => {
  event.preventDefault();
  if (event.inputType === 'insertText') model[model.length - 1] += event.data;
  else if (event.inputType === 'insertParagraph') model.push('');
  else if (event.inputType === 'deleteContentBackward') model[model.length - 1] = model[model.length - 1].slice(0, -1);
  render();
});
new MutationObserver(() => {
  if (ed.textContent !== model.join('')) console.error('editor DOM out of sync with its model');
}).observe(ed, { childList: true, subtree: true, characterData: true, attributes: true });
render();`,
  }),
  expect: PARAGRAPH_TERMS,
  act: async (page) => {
    await page.click('#ed');
    await page.keyboard.type('methotrexate for lupus, heliotrope rash.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Azathioprine next; check creatine kinase.');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(400);
  },
  checks: {
    'the editor’s model holds exactly what was typed': async (page) => {
      await expect(page.evaluate(() => document.getElementById('ed')!.innerText)).resolves.toBe(
        'Dermatomyositis notes: methotrexate for lupus, heliotrope rash.\n\nAzathioprine next; check creatine kinase',
      );
    },
  },
};

export const contentEditableLater: HostileFixture = {
  name: 'contenteditable-later',
  hostile: 'an article that becomes contenteditable (an "Edit" button) after it was scanned',
  html: documentHtml({
    title: 'Edit later',
    body: `<article id="note">${PARAGRAPH}</article>${PARAGRAPH_2}<button id="edit" type="button">Edit</button>`,
    script: `document.getElementById('edit').addEventListener('click', () => document.getElementById('note').setAttribute('contenteditable', 'true'));`,
  }),
  expect: PARAGRAPH_2_TERMS,
  act: async (page) => {
    await page.click('#edit');
    await page.waitForTimeout(600);
  },
};

export const designModeLater: HostileFixture = {
  name: 'designmode-later',
  hostile: 'the top document switches to designMode after it was scanned',
  html: documentHtml({
    title: 'designMode later',
    body: `${PARAGRAPH}${PARAGRAPH_2}<button id="edit" type="button">Edit page</button>`,
    script: `document.getElementById('edit').addEventListener('click', () => { document.designMode = 'on'; });`,
  }),
  expect: [],
  act: async (page) => {
    // The first scan must have run before the page becomes editable.
    await page.waitForTimeout(800);
    await page.click('#edit');
    await page.waitForTimeout(600);
  },
};

export const EDITING_FIXTURES = [formFields, contentEditable, designModeIframe, modelEditor, contentEditableLater, designModeLater];
