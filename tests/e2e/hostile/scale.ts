import { type HostileFixture, documentHtml } from './common';

/** Size: a megabyte of text in 20,000 paragraphs, and thousands of inline elements splitting words. */

const SENTENCES = [
  'The clinic reviewed her notes again this morning.',
  'She walked a little further than last week, slowly.',
  'Her sister drove her to the appointment on Tuesday.',
  'They talked about sleep, food and work for a while.',
  'A leaflet explained what to expect from the visit.',
  'The waiting room was quiet and the light was good.',
  'She wrote down three questions to ask next time.',
  'The nurse measured her weight and blood pressure.',
  'Some days are better than others, she told them.',
];

function megabytePage(): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    let text = SENTENCES[i % SENTENCES.length]!;
    if (i % 10 === 0) text = `Paragraph ${i}: methotrexate and lupus were discussed at length today.`;
    if (i >= 9_990 && i < 10_010) text = `Paragraph ${i}: azathioprine was started in the middle.`;
    paragraphs.push(`<p id="p${i}">${text}</p>`);
  }
  return documentHtml({ title: 'A megabyte of text', body: paragraphs.join('\n') });
}

export const oneMegabyte: HostileFixture = {
  name: 'one-megabyte',
  hostile: '1 MB of text in 20,000 paragraphs; the reader jumps to the middle',
  html: megabytePage(),
  expect: ['azathioprine', 'methotrexate', 'lupus'],
  act: async (page) => {
    await page.evaluate(() => document.getElementById('p10000')!.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(800);
  },
};

function splitWordsPage(): string {
  const paragraphs: string[] = [];
  // Six inline elements per paragraph: 834 paragraphs make 5,004 elements.
  for (let i = 0; i < 834; i++) {
    paragraphs.push(
      `<p><b>derm</b>ato<i>myo</i>sitis, metho&shy;trexate, lu<wbr>pus, <span>helio</span><span>trope</span> <em>rash</em>; azathio&#8203;prine.</p>`,
    );
  }
  return documentHtml({ title: 'Split words', body: paragraphs.join('\n') });
}

export const splitWords: HostileFixture = {
  name: 'split-words',
  hostile: '5,000 tiny inline elements splitting words, soft hyphens, <wbr> and zero-width spaces',
  html: splitWordsPage(),
  // Compared without soft hyphens and zero-width spaces: the range spans them.
  expect: ['dermatomyositis', 'methotrexate', 'lupus', 'heliotrope rash', 'azathioprine'],
};

export const SCALE_FIXTURES = [oneMegabyte, splitWords];
