import { describe, expect, it } from 'vitest';
import { highlightName } from '../../src/page/term-highlighter';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const firefox = (version: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${version}.0) Gecko/20100101 Firefox/${version}.0`;

describe('highlightName', () => {
  it.each([
    ['Chromium', CHROME, 'dotted', 'medgloss-term-dotted'],
    ['Firefox 153', firefox(153), 'wavy', 'medgloss-term-wavy'],
    ['Firefox 140, which draws no underline in ::highlight()', firefox(140), 'dotted', 'medgloss-term-tint'],
    ['Firefox 140 with the tint chosen', firefox(140), 'tint', 'medgloss-term-tint'],
  ] as const)('gives %s the right highlight', (_browser, userAgent, style, name) => {
    expect(highlightName(style, userAgent)).toBe(name);
  });
});
