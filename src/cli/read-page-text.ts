import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { plainTextParagraphs } from '../matching/find-matches';
import { isInsideExcluded, walkBlocks } from '../page/collect-blocks';

/**
 * The text blocks of a file as the content script would see them: an HTML file is parsed and
 * walked with the extension's own block walker (scripts are not run); a text file gives one
 * block per paragraph, read as the extension reads a text file the browser shows.
 */
export function readPageBlocks(path: string): string[] {
  const content = readFileSync(path, 'utf8');
  if (!/\.html?$/i.test(path)) return plainTextParagraphs(content.replaceAll('\r\n', '\n')).flatMap(({ text }) => (text.trim() === '' ? [] : [text]));
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const globals = globalThis as Record<string, unknown>;
  // The walker uses the DOM's constants; in node they come from this window.
  globals.Node ??= window.Node;
  globals.NodeFilter ??= window.NodeFilter;
  globals.ShadowRoot ??= window.ShadowRoot;
  const document = new window.DOMParser().parseFromString(content, 'text/html');
  // happy-dom's node types are its own; at run time they are the DOM the walker expects.
  const root = (document.body ?? document.documentElement) as unknown as Node;
  // A page marked as written in another language is left alone, as the content script leaves it.
  const blocks = isInsideExcluded(root) ? [] : [...walkBlocks(root)].map((block) => block.text);
  void window.happyDOM.close();
  return blocks;
}
