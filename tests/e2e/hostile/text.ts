import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { centreOfText } from '../browser';
import { type HostileFixture, documentHtml } from './common';

/** Scripts and languages around Latin terms: right-to-left Arabic and Hebrew, Turkish dotted İ. */

const POPOVER_LTR = 'lays the English popover out left to right';

/** Opens the popover of a term and reads the direction its text is laid out in. */
async function popoverDirection(page: Page, term: string): Promise<string> {
  await page.mouse.move(1, 1);
  const { x, y } = await centreOfText(page, term);
  await page.mouse.move(x, y, { steps: 4 });
  const popover = page.locator('medgloss-popover section[role="dialog"]');
  await popover.waitFor({ state: 'visible', timeout: 5000 });
  const direction = await popover.evaluate((element) => getComputedStyle(element).direction);
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  return direction;
}

export const rtlArabic: HostileFixture = {
  name: 'rtl-arabic',
  hostile: 'a right-to-left Arabic page (dir="rtl") with Latin terms inside Arabic sentences',
  html: documentHtml({
    title: 'التهاب الجلد والعضلات',
    lang: 'ar',
    dir: 'rtl',
    body: `<h1>التهاب الجلد والعضلات (dermatomyositis)</h1>
<p>يُعالج التهاب الجلد والعضلات غالباً بدواء methotrexate، وقد يشبه lupus في البداية.</p>
<p>قد يظهر heliotrope rash حول العينين، ويطلب الطبيب فحص creatine kinase.</p>`,
  }),
  expect: ['dermatomyositis', 'methotrexate', 'lupus', 'heliotrope rash', 'creatine kinase'],
  popover: 'methotrexate',
  checks: {
    [POPOVER_LTR]: async (page) => expect(popoverDirection(page, 'methotrexate')).resolves.toBe('ltr'),
  },
};

export const rtlHebrew: HostileFixture = {
  name: 'rtl-hebrew',
  hostile: 'a right-to-left Hebrew page with Latin terms joined by maqaf and prefixes',
  html: documentHtml({
    title: 'דרמטומיוזיטיס',
    lang: 'he',
    dir: 'rtl',
    body: `<p>דרמטומיוזיטיס (dermatomyositis) מטופלת לעיתים ב־methotrexate, ולפעמים נראית כמו lupus.</p>
<p>הרופאה הציעה azathioprine ובדיקת creatine kinase כל חודש.</p>`,
  }),
  expect: ['dermatomyositis', 'methotrexate', 'lupus', 'azathioprine', 'creatine kinase'],
  checks: {
    [POPOVER_LTR]: async (page) => expect(popoverDirection(page, 'azathioprine')).resolves.toBe('ltr'),
  },
};

export const turkishDottedI: HostileFixture = {
  name: 'turkish-dotted-i',
  hostile: 'Turkish text where "İ" lower-cases to two code units, before the terms in the same block',
  html: documentHtml({
    title: 'İlaçlar',
    // Not 'tr': a page marked as written in a Latin-script language other than English is left
    // alone (see FOREIGN_LANGUAGE); the test here is the offsets, which Turkish letters move.
    lang: 'en',
    body: `<p>İLAÇ LİSTESİ: METHOTREXATE, İzmir’de lupus tedavisi; İİİİ heliotrope rash ve İstanbul’da azathioprine.</p>
<p>Dİkkat: <b>İ</b>laç dermatomyositis için.</p>`,
  }),
  // The ranges must cover exactly these texts: an offset drift would shift them by one unit per İ.
  expect: ['METHOTREXATE', 'lupus', 'heliotrope rash', 'azathioprine', 'dermatomyositis'],
};

export const TEXT_FIXTURES = [rtlArabic, rtlHebrew, turkishDottedI];
