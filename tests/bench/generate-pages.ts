/**
 * Benchmark pages for `tests/bench/browser-bench.ts`: about 100 KB, 1 MB and 5 MB of visible text
 * from the consumer-health texts of the shared corpus, as headings and paragraphs whose text is
 * split every few words by inline elements (b, i, a, span), as on real pages. Deterministic: the
 * files are read in name order and the splits come from a seeded generator, so the same corpus
 * always gives the same pages.
 *
 * Run on its own with `npx tsx tests/bench/generate-pages.ts`; the browser bench calls it too.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const HEALTH_DIR = resolve(import.meta.dirname, '../../../shared/corpus/health');
export const GENERATED_DIR = resolve(import.meta.dirname, 'generated');

export interface GeneratedPage {
  name: string;
  file: string;
  /** Characters of visible text (text node data, not markup). */
  textChars: number;
  htmlBytes: number;
  paragraphs: number;
  textNodes: number;
}

export const PAGE_SIZES: readonly { name: string; chars: number }[] = [
  { name: 'health-100k', chars: 100_000 },
  { name: 'health-1m', chars: 1_000_000 },
  { name: 'health-5m', chars: 5_000_000 },
];

const SEED = 0x4d47_6c73; // "MGls"

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Topic {
  title: string;
  paragraphs: string[];
}

/** Each corpus file without its `source:` line: the topic title, then its paragraphs. */
export function readHealthTopics(dir: string = HEALTH_DIR): Topic[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const lines = readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('source:'))
        .map((line) => line.trim())
        .filter(Boolean);
      const [title = name, ...paragraphs] = lines;
      return { title, paragraphs };
    })
    .filter((topic) => topic.paragraphs.length > 0);
}

const INLINE_TAGS = ['b', 'i', 'a', 'span'] as const;

/**
 * One paragraph as markup: runs of 2 to 6 words alternate between plain text and an inline
 * element, so a text node rarely holds more than a few words and terms often span elements.
 */
function paragraphHtml(text: string, random: () => number, counts: { textNodes: number }): string {
  const words = text.split(/\s+/).filter(Boolean);
  let html = '';
  let wrap = random() < 0.5;
  for (let i = 0; i < words.length;) {
    const take = 2 + Math.floor(random() * 5);
    const run = words.slice(i, i + take).join(' ');
    i += take;
    const space = i < words.length ? ' ' : '';
    if (wrap) {
      const tag = INLINE_TAGS[Math.floor(random() * INLINE_TAGS.length)]!;
      const attrs = tag === 'a' ? ` href="#t${Math.floor(random() * 1000)}"` : tag === 'span' ? ' class="s"' : '';
      // The space after the element is a text node of its own, as markup usually leaves it.
      html += `<${tag}${attrs}>${escapeHtml(run)}</${tag}>${space}`;
      counts.textNodes += space ? 2 : 1;
    } else {
      html += escapeHtml(run) + space;
      counts.textNodes += 1;
    }
    wrap = !wrap;
  }
  return html;
}

/** Builds one page of at least `chars` characters of visible text, cycling through the topics. */
export function buildPage(name: string, chars: number, topics: readonly Topic[]): { html: string; info: Omit<GeneratedPage, 'file'> } {
  const random = seededRandom(SEED ^ chars);
  const counts = { textNodes: 0 };
  const parts: string[] = [];
  let textChars = 0;
  let paragraphs = 0;
  for (let round = 0; textChars < chars; round++) {
    for (const topic of topics) {
      if (textChars >= chars) break;
      const title = round === 0 ? topic.title : `${topic.title} (${round + 1})`;
      parts.push(`<h2>${escapeHtml(title)}</h2>`);
      textChars += title.length;
      counts.textNodes += 1;
      for (const paragraph of topic.paragraphs) {
        if (textChars >= chars) break;
        parts.push(`<p>${paragraphHtml(paragraph, random, counts)}</p>`);
        textChars += paragraph.split(/\s+/).filter(Boolean).join(' ').length;
        paragraphs += 1;
      }
    }
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MedGloss benchmark: ${name}</title>
<style>body { font: 16px/1.5 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #222; } .s { color: #333; }</style></head>
<body><article><h1>MedGloss benchmark page (${name})</h1>
${parts.join('\n')}
</article></body></html>
`;
  return { html, info: { name, textChars, htmlBytes: Buffer.byteLength(html), paragraphs, textNodes: counts.textNodes } };
}

/**
 * A plain-text file of at least `chars` characters (a health leaflet saved as .txt): the topics'
 * titles and paragraphs, a blank line between paragraphs, cycling through the topics. The browser
 * shows it as one `<pre>`, one block container for all its terms.
 */
export function buildPlainText(chars: number, topics: readonly Topic[]): string {
  const parts: string[] = [];
  let length = 0;
  for (let round = 0; length < chars; round++) {
    for (const topic of topics) {
      if (length >= chars) break;
      for (const part of [round === 0 ? topic.title : `${topic.title} (${round + 1})`, ...topic.paragraphs]) {
        parts.push(part);
        length += part.length + 2;
      }
    }
  }
  return parts.join('\n\n') + '\n';
}

/** Writes every benchmark page to `tests/bench/generated/` and describes what it wrote. */
export function generatePages(outDir: string = GENERATED_DIR): GeneratedPage[] {
  const topics = readHealthTopics();
  mkdirSync(outDir, { recursive: true });
  return PAGE_SIZES.map(({ name, chars }) => {
    const { html, info } = buildPage(name, chars, topics);
    const file = join(outDir, `${name}.html`);
    writeFileSync(file, html);
    return { ...info, file };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const page of generatePages()) {
    console.log(
      `${page.name}: ${(page.textChars / 1e6).toFixed(2)} M chars of text, ${(page.htmlBytes / 1e6).toFixed(2)} MB of HTML, ${page.paragraphs} paragraphs, ${page.textNodes} text nodes → ${page.file}`,
    );
  }
}
