import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export const SHARED_DIR = resolve(import.meta.dirname, '../../../shared');
export const SEED_FILE = resolve(SHARED_DIR, 'seed/dermatomyositis.txt');

export interface FixturePage {
  body: string;
  headers?: Record<string, string>;
}

export interface FixtureServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves fixture pages on 127.0.0.1 (content scripts do not run on data: URLs). */
export async function serveFixtures(pages: Record<string, FixturePage>): Promise<FixtureServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const page = pages[path];
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers });
    response.end(page.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The seed page as a patient would meet it: its title as a heading, each line a paragraph, and
 * some terms split across inline elements, so that matching across element boundaries is tested.
 */
export function seedPageHtml(): string {
  const [title, ...lines] = readFileSync(SEED_FILE, 'utf8').trim().split('\n');
  const paragraphs = lines.map((line) =>
    escapeHtml(line)
      .replace('a heliotrope rash', 'a <b>heliotrope</b> rash')
      .replace('(Gottron’s papules)', '(<a href="#gottron">Gottron’s</a> papules)')
      .replace('steroids, IVIG,', 'steroids, <b>IVIG</b>,')
      .replace('juvenile dermatomyositis', '<em>juvenile dermatomyositis</em>'),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title!)}</title>
<style>body { font: 16px/1.5 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #222; }</style></head>
<body><article><h1>${escapeHtml(title!)}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></body></html>`;
}
