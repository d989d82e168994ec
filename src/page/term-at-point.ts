import type { FoundTerm, PageTerms } from './page-terms';

/**
 * The term under a point of the viewport, or undefined. Caret-from-point finds the text node in
 * constant time, then the term's own boxes confirm the point is on it (a caret position alone
 * also answers for the blank space after the end of a line).
 */
export function termAtPoint(doc: Document, x: number, y: number, terms: PageTerms, isShown: (term: FoundTerm) => boolean): FoundTerm | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  for (const term of terms.termsAt(caret.node as Text)) {
    if (isShown(term) && containsPoint(doc, term.range, x, y)) return term;
  }
  return undefined;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  // Safari and Chromium before 128 only have the older, non-standard name.
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  const range = legacy?.call(doc, x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
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
