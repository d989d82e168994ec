import { EXCLUSION_ATTRIBUTES, containerOf, isInlineElement, isInsideExcluded } from './collect-blocks';

/** How long changes are gathered before they are rescanned: pages often change in bursts. */
const BATCH_MS = 150;

export interface PageChanges {
  /** Subtrees whose text may have changed; to rescan. */
  roots: Node[];
  /** Block containers whose own text changed: their terms are out of date until they are rescanned. */
  changedContainers: Element[];
  /** Elements taken out of the page: the terms of the containers inside them must go. */
  removed: Element[];
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
  const changedContainers = new Set<Element>();
  const removed = new Set<Element>();
  const exclusionChanged = new Set<Element>();
  let documentReplaced = false;
  for (const record of records) {
    const target = record.target;
    if (isOwnNode(target)) continue;
    if (record.type === 'attributes') {
      exclusionChanged.add(target as Element);
      continue;
    }
    if (target.nodeType === Node.DOCUMENT_NODE) documentReplaced = true;
    if (record.type === 'characterData') {
      const container = containerOf(target);
      changedContainers.add(container);
      roots.add(container);
      continue;
    }
    // Read by index: spreading each NodeList into a new array cost more than the rest of this loop.
    let touchesInlineText = false;
    const removedNodes = record.removedNodes;
    for (let i = 0; i < removedNodes.length; i++) {
      const node = removedNodes[i]!;
      if (node.nodeType === Node.TEXT_NODE) touchesInlineText = true;
      else if (node.nodeType === Node.ELEMENT_NODE) {
        if (isInline(node)) touchesInlineText = true;
        removed.add(node as Element);
      }
    }
    const addedNodes = record.addedNodes;
    for (let i = 0; i < addedNodes.length; i++) {
      const node = addedNodes[i]!;
      if (node.nodeType === Node.TEXT_NODE || isInline(node)) touchesInlineText = true;
      else if (node.nodeType === Node.ELEMENT_NODE && !isOwnNode(node)) roots.add(node);
    }
    if (touchesInlineText) {
      const container = target.nodeType === Node.ELEMENT_NODE && !isInline(target) ? (target as Element) : containerOf(target);
      changedContainers.add(container);
      roots.add(container);
    }
  }
  return {
    roots: outermost([...roots]).filter((root) => root.isConnected && !isInsideExcluded(root)),
    changedContainers: [...changedContainers],
    removed: outermost([...removed]) as Element[],
    exclusionChanged: outermost([...exclusionChanged]) as Element[],
    documentReplaced,
  };
}

function isInline(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && isInlineElement(node as Element);
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
