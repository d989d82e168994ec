import { containerOf, findBlockNodes, isInlineElement, isPlainTextView } from './collect-blocks';
import type { FoundTerm, PageTerms } from './page-terms';
import { firstEndingAfter, textOffsetAt } from './text-file-view';

/**
 * The term under a point of the viewport, given the node the browser found there (the target of
 * the pointer event: the browser has already hit-tested it to dispatch the event). Only the terms
 * of that node's block are tested against the point, by their own boxes: the cost is a handful of
 * rectangles whatever the size of the page (`caretPositionFromPoint`, used before, took over a
 * millisecond on a 5 MB page).
 */
export function termAtPoint(
  doc: Document,
  x: number,
  y: number,
  target: Node | null,
  terms: PageTerms,
  isShown: (term: FoundTerm) => boolean,
): FoundTerm | undefined {
  const element = target?.nodeType === Node.ELEMENT_NODE ? (target as Element) : target?.parentElement;
  if (!element) return undefined;
  const container = isInlineElement(element) ? containerOf(element) : element;
  if (isPlainTextView(container)) return textFileTermAt(doc, x, y, container, terms.termsIn(container), isShown);
  for (const term of terms.termsIn(container)) {
    if (!isShown(term)) continue;
    const range = term.range;
    if (range && containsPoint(doc, range, x, y)) return term;
  }
  return undefined;
}

/**
 * The term under a point of a plain-text file's one `<pre>` (see text-file-view): only the terms
 * at the text offset the browser finds there are tested, not the file's thousands.
 */
function textFileTermAt(
  doc: Document,
  x: number,
  y: number,
  container: Element,
  terms: readonly FoundTerm[],
  isShown: (term: FoundTerm) => boolean,
): FoundTerm | undefined {
  const offset = textOffsetAt(doc, findBlockNodes(null, container), x, y);
  if (offset === undefined) return undefined;
  // The caret falls between two characters: a point on a term's last one can give its end.
  for (let index = firstEndingAfter(terms, offset - 1); index < terms.length && terms[index]!.start <= offset; index++) {
    const term = terms[index]!;
    const range = isShown(term) ? term.range : undefined;
    if (range && containsPoint(doc, range, x, y)) return term;
  }
  return undefined;
}

/** Whether a point lies on one of the boxes of a term's text. */
export function containsPoint(doc: Document, range: StaticRange, x: number, y: number): boolean {
  const live = doc.createRange();
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
  } catch {
    return false; // the text changed since it was scanned
  }
  for (const rect of live.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
