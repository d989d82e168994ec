import { type BlockNodes, findBlockNodes } from './collect-blocks';
import type { FoundTerm } from './page-terms';

/**
 * A plain-text file the browser shows is one `<pre>`: one block container for all its terms (a
 * 1 MB file has 16,000). What works per container elsewhere (all its ranges registered when it is
 * near, all its terms tested against the pointer) works per term here: on such a file every
 * pointer move took 3–5 s of the main thread, and registering the whole file's ranges a task of
 * 50–115 ms. Here, offsets in the file's text stand in for elements: the browser gives the one
 * under a point, and the container's terms are in text order, so a binary search finds the rest.
 */

/** How far beyond the viewport underlines are kept ready, in characters, at the least (see nearWindow). */
const MIN_MARGIN_CHARS = 4_000;

/** Where `x, y` falls in a container's text (its `findBlockNodes`), as an offset into its joined text. */
export function textOffsetAt(doc: Document, { nodes, starts }: BlockNodes, x: number, y: number): number | undefined {
  const position = doc.caretPositionFromPoint?.(x, y);
  if (!position) return undefined;
  const index = nodes.indexOf(position.offsetNode as Text);
  return index < 0 ? undefined : starts[index]! + position.offset;
}

/**
 * The stretch of the container's text within a screen above and below the viewport, as offsets:
 * the offsets at the viewport's top and bottom edges, widened by as many characters as lie
 * between them (at least MIN_MARGIN_CHARS). Undefined when the container is wholly out of view.
 */
export function nearWindow(doc: Document, container: Element): { from: number; to: number } | undefined {
  const view = doc.defaultView;
  if (!view) return undefined;
  const box = container.getBoundingClientRect();
  if (box.bottom < 0 || box.top > view.innerHeight) return undefined;
  const x = Math.min(Math.max(box.left + 1, 0), view.innerWidth - 1);
  const text = findBlockNodes(null, container);
  const { length } = text;
  // An edge of the viewport above or below the text itself lies at its start or its end.
  const top = box.top > 0 ? 0 : textOffsetAt(doc, text, x, 0);
  const bottom = box.bottom < view.innerHeight - 1 ? length : textOffsetAt(doc, text, x, view.innerHeight - 1);
  if (top === undefined || bottom === undefined) return { from: 0, to: length };
  const margin = Math.max(bottom - top, MIN_MARGIN_CHARS);
  return { from: Math.max(0, top - margin), to: Math.min(length, bottom + margin) };
}

/** The index of the first of `terms` (in text order) that ends after `offset`. */
export function firstEndingAfter(terms: readonly FoundTerm[], offset: number): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (terms[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
