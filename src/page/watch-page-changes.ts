import { EXCLUSION_ATTRIBUTES, containerOf, isInlineElement, isInsideExcluded } from './collect-blocks';

/** How long changes are gathered before they are rescanned: pages often change in bursts. */
const BATCH_MS = 150;

export interface PageChanges {
  /** Subtrees whose text may have changed; to rescan. */
  roots: Node[];
  /** Text nodes that were removed or changed; their old terms must go. */
  staleText: Text[];
  /** Elements that became, or stopped being, excluded (made editable, hidden, not to translate). */
  exclusionChanged: Element[];
  /** The page replaced its whole document (document.open()), which also drops every listener. */
  documentReplaced: boolean;
}

export interface PageWatcher {
  /** Also watches a shadow root: changes inside it do not reach the document's observer. */
  watchShadowRoot(root: ShadowRoot): void;
  stop(): void;
}

/**
 * Watches the page for changes after the first scan and reports them in batches. Our own popover
 * host is ignored, and so are changes inside excluded content (editors, code, form fields).
 */
export function watchPageChanges(doc: Document, isOwnNode: (node: Node) => boolean, onChanges: (changes: PageChanges) => void): PageWatcher {
  let pending: MutationRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const records = pending;
    pending = [];
    onChanges(summarise(records, isOwnNode));
  };
  const observer = new MutationObserver((records) => {
    // Not push(...records): a page can make more changes in one task than a call takes arguments.
    for (const record of records) pending.push(record);
    timer ??= setTimeout(flush, BATCH_MS);
  });
  const options: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: EXCLUSION_ATTRIBUTES };
  observer.observe(doc, options);
  const watched = new WeakSet<ShadowRoot>();
  return {
    watchShadowRoot(root) {
      if (watched.has(root)) return;
      watched.add(root);
      observer.observe(root, options);
    },
    stop() {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      pending = [];
    },
  };
}

function summarise(records: MutationRecord[], isOwnNode: (node: Node) => boolean): PageChanges {
  const roots = new Set<Node>();
  const staleText = new Set<Text>();
  const exclusionChanged = new Set<Element>();
  let documentReplaced = false;
  for (const record of records) {
    if (isOwnNode(record.target)) continue;
    if (record.type === 'attributes') {
      exclusionChanged.add(record.target as Element);
      continue;
    }
    if (record.target.nodeType === Node.DOCUMENT_NODE) documentReplaced = true;
    if (record.type === 'characterData') {
      if (record.target.nodeType === Node.TEXT_NODE) staleText.add(record.target as Text);
      roots.add(containerOf(record.target));
      continue;
    }
    for (const node of record.removedNodes) collectText(node, staleText);
    const touchesInlineText = [...record.addedNodes, ...record.removedNodes].some((n) => n.nodeType === Node.TEXT_NODE || isInline(n));
    if (touchesInlineText) {
      roots.add(record.target.nodeType === Node.ELEMENT_NODE && !isInline(record.target) ? record.target : containerOf(record.target));
    }
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && !isInline(node) && !isOwnNode(node)) roots.add(node);
    }
  }
  return {
    roots: outermost([...roots]).filter((root) => root.isConnected && !isInsideExcluded(root)),
    staleText: [...staleText],
    exclusionChanged: outermost([...exclusionChanged]) as Element[],
    documentReplaced,
  };
}

function isInline(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && isInlineElement(node as Element);
}

function collectText(node: Node, into: Set<Text>): void {
  if (node.nodeType === Node.TEXT_NODE) {
    into.add(node as Text);
    return;
  }
  const walker = (node.ownerDocument ?? document).createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) into.add(text as Text);
}

/**
 * Drops roots that lie inside another root of the list (in the same tree, as `contains` would).
 * Each root looks up its own ancestors: comparing every pair took seconds for a feed that adds
 * thousands of items in one batch.
 */
function outermost(roots: Node[]): Node[] {
  const all = new Set(roots);
  return roots.filter((root) => {
    for (let parent = root.parentNode; parent; parent = parent.parentNode) if (all.has(parent)) return false;
    return true;
  });
}
