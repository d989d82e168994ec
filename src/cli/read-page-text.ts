import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import type { Matcher } from '../matching/compile-matcher';
import { type TermMatch, countMedicalTexts, findMatches, plainTextParagraphs } from '../matching/find-matches';
import { isInsideExcluded, walkBlocks } from '../page/collect-blocks';
import { CONTEXT_GROUP_SELECTOR, type ContextGroup, givesMedicalContext, readContextGroup } from '../page/context-group';
import { compromiseIsNoun } from './compromise-is-noun';

/** A block of a page's text, with the table or list around it (see context-group.ts). */
export interface PageBlock {
  text: string;
  context?: ContextGroup;
}

/**
 * The text blocks of a file as the content script would see them: an HTML file is parsed and
 * walked with the extension's own block walker (scripts are not run); a text file gives one
 * block per paragraph, read as the extension reads a text file the browser shows.
 */
export function readPageBlocks(path: string): PageBlock[] {
  const content = readFileSync(path, 'utf8');
  if (!/\.html?$/i.test(path)) return plainTextParagraphs(content.replaceAll('\r\n', '\n')).flatMap(({ text }) => (text.trim() === '' ? [] : [{ text }]));
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
  const groups = new Map<Element, ContextGroup>();
  const groupOf = (element: Element) => groups.get(element) ?? groups.set(element, readContextGroup(element)).get(element)!;
  const blocks = isInsideExcluded(root)
    ? []
    : [...walkBlocks(root)].map(({ text, container }): PageBlock => {
        const group = container.closest(CONTEXT_GROUP_SELECTOR);
        return group ? { text, context: groupOf(group) } : { text };
      });
  void window.happyDOM.close();
  return blocks;
}

/**
 * A block's matches as the extension finds them, with compromise deciding the `noun` rule: a name
 * that needs medical context may take it from the block's table or list, as in the content script.
 */
export function findInPageBlock(block: PageBlock, matcher: Matcher): TermMatch[] {
  const { context } = block;
  return findMatches(block.text, matcher, {
    isNoun: compromiseIsNoun,
    hasContextAround: () => context !== undefined && givesMedicalContext(context, countMedicalTexts(context.texts, matcher)),
  });
}
