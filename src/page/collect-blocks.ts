/**
 * Walking a page into blocks of text. A block is the text of one paragraph-like element, joined
 * across the inline elements inside it, so that a term split by markup (`<b>heliotrope</b> rash`)
 * is still one run of text. Nothing here changes the page.
 */

/** The tag of our own popover host; its content is never scanned. */
export const HOST_TAG = 'medgloss-popover';

/** The text nodes of a block, and where each one's text starts in the block's joined text. */
export interface BlockNodes {
  nodes: Text[];
  starts: number[];
  /** The length of the block's joined text. */
  length: number;
}

export interface TextBlock {
  /** The nearest non-inline ancestor: observed for visibility, rescanned when it changes. */
  container: Element;
  /**
   * The block's first text node: enough to find the others again (see findBlockNodes). Null when
   * the block is all of its container's text, read in one call without visiting its nodes.
   */
  first: Text | null;
  text: string;
  /** The browser's view of a plain-text file: its lines are its paragraphs (see isPlainTextView). */
  linesAreParagraphs?: true;
  /**
   * A long plain-text file comes in pieces of whole lines, so that the scanner can pause between
   * them: where this piece starts in the file's text, and the whole text's length.
   */
  piece?: { offset: number; of: number };
}

/** About how long a piece of a plain-text file is: some milliseconds of matching. */
const PLAIN_TEXT_PIECE_CHARS = 16_384;

/** Elements whose text flows inline with their neighbours. Anything else ends a block. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'wbr',
]);

/** Elements never scanned: not prose, form controls, code, and embedded documents or graphics. */
const EXCLUDED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'img',
  HOST_TAG,
]);

/** Any element that is not inline, as one selector. */
const NOT_INLINE = `:not(${[...INLINE].join(',')})`;

export function isInlineElement(element: Element): boolean {
  return INLINE.has(element.localName);
}

/** The attributes the exclusion rule reads: a change to one of them can exclude or include content. */
export const EXCLUSION_ATTRIBUTES = ['contenteditable', 'hidden', 'aria-hidden', 'translate', 'lang'];

/**
 * Languages other than English that are written in Latin letters. Their words can fold to the
 * glossary's English names and mean something else ("goût", taste in French, folds to gout;
 * "angina" often means sore tonsils in Spanish). Text marked as one of them is left alone. Text in
 * a language with another script (Arabic, Hebrew, Chinese, Russian…) is read: a Latin word there
 * is an English term, often a medicine's name written as in English.
 */
const LATIN_SCRIPT_LANGUAGES = [
  ...'af az bs ca cs cy da de eo es et eu fi fil fo fr fy ga gd gl ha haw hr ht hu id ig is it jv'.split(' '),
  ...'la lb lt lv mg mi ms mt nb nl nn no ny oc pl pt qu rm ro sk sl sm sn so sq st su sv sw tk'.split(' '),
  ...'tl tr uz vi wa wo xh yo zu'.split(' '),
];

/**
 * A block marked as written in one of those languages, or a page (its root element). Not inline
 * elements: a foreign phrase inside an English sentence (`<i lang="la">in situ</i>`) is part of
 * that sentence. A page that marks no language is read as English.
 */
const FOREIGN_LANGUAGE = `[lang]:is(${LATIN_SCRIPT_LANGUAGES.map((code) => `[lang|="${code}" i]`).join(',')})${NOT_INLINE}`;

/**
 * What is left alone besides the elements above: anything hidden, hidden from assistive technology
 * or marked not to be translated (names, code), anything editable, and blocks in another language.
 * One selector, so checking an element is one call to the browser instead of reading five attributes.
 */
const EXCLUDED_BY_ATTRIBUTE = `[hidden],[aria-hidden="true"],[translate="no"],[contenteditable]:not([contenteditable="false"]),${FOREIGN_LANGUAGE}`;

/**
 * Anything that would end a block or be left out of one: any element that is not inline, or is
 * excluded by an attribute. An element with none of these inside is a block all by itself.
 */
const NOT_IN_ONE_BLOCK = `${NOT_INLINE},${EXCLUDED_BY_ATTRIBUTE}`;

/** The language a document (its root or its body) is marked as written in, when that is not English (see FOREIGN_LANGUAGE). */
export function foreignLanguageOf(doc: Document): string | undefined {
  return [doc.body, doc.documentElement].find((element) => element?.matches(FOREIGN_LANGUAGE))?.lang;
}

/** Whether an element and everything inside it must be left alone. */
export function isExcluded(element: Element, localName: string = element.localName): boolean {
  return (EXCLUDED.has(localName) && !isPlainTextView(element, localName)) || element.matches(EXCLUDED_BY_ATTRIBUTE);
}

/**
 * A browser shows a plain-text file (a health leaflet saved as .txt, a discharge letter) as one
 * `<pre>` of the whole text. That `<pre>` is the document, not code: it is scanned, as one block
 * whose lines are matched as paragraphs (a heading line is a heading, not part of a sentence).
 */
export function isPlainTextView(element: Element, localName: string = element.localName): boolean {
  return localName === 'pre' && element.ownerDocument.contentType === 'text/plain';
}

/** Whether a node sits inside something excluded, checked upwards through shadow roots. */
export function isInsideExcluded(node: Node): boolean {
  const doc = node.ownerDocument;
  if (doc?.designMode === 'on') return true;
  for (let current: Node | null = node; current;) {
    if (current.nodeType === Node.ELEMENT_NODE && isExcluded(current as Element)) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

/** Any character that is not white space (a test, where trim() would copy most text nodes' data). */
const NOT_BLANK = /\S/;

/** How many text parents a walk remembers the container of. */
const RECENT_PARENTS = 64;

/** What a walk reports besides text, for the caller to watch. */
export interface WalkWatchers {
  /** An open shadow root, walked after the light DOM: its later changes must be watched too. */
  shadowRoot?(shadowRoot: ShadowRoot): void;
  /** A custom element not defined yet: once it is, it may attach a shadow root no change reports. */
  undefinedElement?(element: Element): void;
}

/**
 * Yields the text blocks under `root` in reading order, then those of open shadow roots inside
 * it. A generator, so the caller can stop between blocks and let the page run.
 *
 * Written for speed on long pages (measured in `npm run bench`): the walker has no filter callback
 * (a call from the browser into script for every element cost more than the rest of the walk) and
 * skips excluded subtrees itself; each text node's data is read once; containers are looked up
 * once per parent element.
 */
export function* walkBlocks(root: Node, watchers: WalkWatchers = {}): Generator<TextBlock> {
  const doc = root.ownerDocument ?? (root as Document);
  if (doc.designMode === 'on') return;
  // A paragraph a page adds is usually a block of its own, as on the first walk.
  if (root.nodeType === Node.ELEMENT_NODE) {
    const element = root as Element;
    const name = element.localName;
    if (!INLINE.has(name) && !element.shadowRoot && isOneBlock(element)) {
      yield* wholeBlock(element, name);
      return;
    }
  }
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const containers = new Map<Node, Element>();
  const shadowRoots: ShadowRoot[] = [];
  let builder: BlockBuilder | undefined;
  for (let node = walker.nextNode(); node;) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      const parent = text.parentNode!;
      let container = containers.get(parent);
      if (!container) {
        // Only the parents of the last few blocks: keeping every one until a long page's walk ends
        // kept its elements' wrappers alive into the old generation, for the collector to mark.
        if (containers.size >= RECENT_PARENTS) containers.clear();
        containers.set(parent, (container = containerOf(text)));
      }
      if (builder && builder.container !== container) {
        yield builder.finish();
        builder = undefined;
      }
      const data = text.data;
      // Blank text only matters between words of one block (the space in `<b>a</b> <b>b</b>`).
      if (builder || NOT_BLANK.test(data)) {
        builder ??= new BlockBuilder(container);
        builder.add(text, data);
      }
      node = walker.nextNode();
      continue;
    }
    const element = node as Element;
    // Each property read here is a call into the browser: the name is read once.
    const name = element.localName;
    if (isExcluded(element, name)) {
      node = nextOutside(walker);
      continue;
    }
    const inline = INLINE.has(name);
    if (builder && !inline) {
      yield builder.finish();
      builder = undefined;
    }
    const shadowRoot = element.shadowRoot;
    if (shadowRoot) shadowRoots.push(shadowRoot);
    else {
      if (name.includes('-') && !element.matches(':defined')) watchers.undefinedElement?.(element);
      if (!inline && isOneBlock(element)) {
        yield* wholeBlock(element, name);
        node = nextOutside(walker);
        continue;
      }
    }
    node = walker.nextNode();
  }
  if (builder) yield builder.finish();
  for (const shadowRoot of shadowRoots) {
    watchers.shadowRoot?.(shadowRoot);
    yield* walkBlocks(shadowRoot, watchers);
  }
}

/**
 * Whether everything inside an element is inline and scanned: then it is a block all by itself.
 * Most paragraphs, list items and cells are; their text is read in one call and their nodes are
 * not visited. Each node a walk visits needs a wrapper of the content script's own world, which
 * cost more than the rest of the walk and then had to be collected (1 MB bench page: scanning
 * 242 → 158 ms). One blind spot: a shadow root attached to a <span> inside such an element (the
 * only inline element that can host one) is not looked for.
 */
function isOneBlock(element: Element): boolean {
  return element.querySelector(NOT_IN_ONE_BLOCK) === null;
}

/** The block an element is on its own (see isOneBlock), unless it is blank. */
function* wholeBlock(element: Element, localName: string): Generator<TextBlock> {
  const text = element.textContent!;
  if (!NOT_BLANK.test(text)) return;
  // The name the walk already read: another read is another call into the browser, per block.
  if (!isPlainTextView(element, localName)) {
    yield { container: element, first: null, text };
    return;
  }
  if (text.length <= PLAIN_TEXT_PIECE_CHARS) {
    yield { container: element, first: null, text, linesAreParagraphs: true };
    return;
  }
  for (let offset = 0; offset < text.length;) {
    const end = pieceEnd(text, offset + PLAIN_TEXT_PIECE_CHARS);
    yield { container: element, first: null, text: text.slice(offset, end), linesAreParagraphs: true, piece: { offset, of: text.length } };
    offset = end;
  }
}

/**
 * Where a piece of a plain-text file that reaches `from` ends: after the next blank line if one
 * comes soon, for a hard-wrapped paragraph is matched as one (see findMatchesByLine); else after
 * the next line.
 */
function pieceEnd(text: string, from: number): number {
  // Looked for within a piece's length only: a file with no blank line is not searched to its end
  // for each piece.
  const blankLine = text.slice(from, from + PLAIN_TEXT_PIECE_CHARS).indexOf('\n\n');
  if (blankLine >= 0) return from + blankLine + 2;
  const lineEnd = text.indexOf('\n', from);
  return lineEnd < 0 ? text.length : lineEnd + 1;
}

/** Moves the walker past the subtree of its current node; returns the node after it, if any. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/** The nearest ancestor that is not an inline element (the shadow host for a shadow root's text). */
export function containerOf(node: Node): Element {
  let parent = node.parentNode;
  while (parent) {
    if (parent.nodeType === Node.ELEMENT_NODE) {
      if (!INLINE.has((parent as Element).localName)) return parent as Element;
    } else if (parent instanceof ShadowRoot) {
      return parent.host;
    } else break;
    parent = parent.parentNode;
  }
  return (node.ownerDocument ?? document).documentElement;
}

class BlockBuilder {
  private first: Text | undefined;
  private readonly parts: string[] = [];

  constructor(readonly container: Element) {}

  add(text: Text, data: string): void {
    this.first ??= text;
    this.parts.push(data);
  }

  finish(): TextBlock {
    return { container: this.container, first: this.first!, text: this.parts.join('') };
  }
}

/**
 * Finds a block's text nodes again from its first one, by the rules of walkBlocks. The scan keeps
 * no node lists: a long page's lists held a wrapper object for every text node, which the garbage
 * collector then had to walk during the scan (the heap and the longest slices both grew with them,
 * measured in `npm run bench`). Only blocks near the viewport, or pointed at, need their nodes.
 */
export function findBlockNodes(firstOrNull: Text | null, container: Element): BlockNodes {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  const first = firstOrNull ?? firstTextIn(container);
  if (!first) return { nodes, starts, length };
  const doc = first.ownerDocument;
  const walker = doc.createTreeWalker(first.getRootNode(), NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  walker.currentNode = first;
  for (let node: Node | null = first; node;) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      if (containerOf(text) !== container) break;
      nodes.push(text);
      starts.push(length);
      length += text.data.length;
      node = walker.nextNode();
      continue;
    }
    const element = node as Element;
    if (isExcluded(element)) {
      node = nextOutside(walker);
      continue;
    }
    if (!INLINE.has(element.localName)) break;
    node = walker.nextNode();
  }
  return { nodes, starts, length };
}

function firstTextIn(container: Element): Text | null {
  return container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT).nextNode() as Text | null;
}

/** The node holding a text offset and the offset inside it; `end` picks the node a range ends in. */
export function locateOffset(block: BlockNodes, offset: number, end: boolean): { index: number; node: Text; offset: number } {
  let low = 0;
  let high = block.nodes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = block.starts[mid]!;
    if (start < offset || (!end && start === offset)) low = mid;
    else high = mid - 1;
  }
  return { index: low, node: block.nodes[low]!, offset: offset - block.starts[low]! };
}
