import Fuse from 'fuse.js';
import type { GlossaryEntry } from '../glossary/schema';

/**
 * Search over terms, other names and abbreviations, tolerant of small typos ("azathioprin",
 * "dermatomiositis"). An empty query lists everything in alphabetical order.
 */
export function createGlossarySearch(entries: readonly GlossaryEntry[]): (query: string) => GlossaryEntry[] {
  const fuse = new Fuse(entries, {
    keys: [
      { name: 'term', weight: 3 },
      { name: 'abbr', weight: 2 },
      { name: 'also', weight: 2 },
    ],
    threshold: 0.3,
    ignoreLocation: true,
  });
  const sorted = [...entries].sort((a, b) => a.term.localeCompare(b.term, 'en'));
  return (query) => {
    const trimmed = query.trim();
    return trimmed ? fuse.search(trimmed).map((result) => result.item) : sorted;
  };
}
