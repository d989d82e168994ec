import { LEVELS } from '../settings/settings';
import type { GlossaryEntry } from './schema';

/**
 * What the content script needs on every page: the little it needs to filter and count the terms
 * it is sent. The names stay in the background, which matches the page's text (see MatchService),
 * and so do the definitions, asked for when a popover opens: the script every page loads stays small.
 */
export interface PageGlossary {
  categories: Record<string, string>;
  entries: Pick<GlossaryEntry, 'id' | 'category' | 'level'>[];
}

/**
 * The page glossary as it ships inside the content script: three strings instead of an object per
 * entry. Evaluating the script is most of what starting it costs a page, most of that is compiling
 * it, and the string literal of the objects' JSON (101 KB) was more than half the script. Packed,
 * it is 26 KB, and evaluating the script took 13–18 ms of CPU time on the seed page against 20–21
 * (Chromium traces, medians of 10 loads in three rounds, builds taking turns).
 */
export interface ShippedPageGlossary {
  categories: Record<string, string>;
  /** The entries' ids, in entry order, separated by spaces. */
  ids: string;
  /** Each entry's category as one base-36 digit: its place among the categories' keys. */
  categoryOf: string;
  /** Each entry's level as one base-36 digit: its place in LEVELS. */
  levelOf: string;
}

const ID_SEPARATOR = ' ';
const CATEGORY_KEYS_LIMIT = 36;

/** Packs the page glossary at build time; throws if it cannot be packed without loss. */
export function shipPageGlossary(
  entries: readonly Pick<GlossaryEntry, 'id' | 'category' | 'level'>[],
  categories: Record<string, string>,
): ShippedPageGlossary {
  const categoryKeys = Object.keys(categories);
  if (categoryKeys.length > CATEGORY_KEYS_LIMIT) throw new Error(`At most ${CATEGORY_KEYS_LIMIT} categories can ship to pages, not ${categoryKeys.length}`);
  const digit = (index: number, what: string, id: string) => {
    if (index < 0) throw new Error(`Entry "${id}": unknown ${what}`);
    return index.toString(36);
  };
  for (const { id } of entries)
    if (id === '' || id.includes(ID_SEPARATOR)) throw new Error(`Entry id "${id}" cannot ship to pages: it is empty or has a space`);
  return {
    categories,
    ids: entries.map(({ id }) => id).join(ID_SEPARATOR),
    categoryOf: entries.map(({ id, category }) => digit(categoryKeys.indexOf(category), 'category', id)).join(''),
    levelOf: entries.map(({ id, level }) => digit(LEVELS.indexOf(level), 'level', id)).join(''),
  };
}

/** Unpacks the shipped page glossary in the content script. */
export function loadPageGlossary(shipped: ShippedPageGlossary): PageGlossary {
  const categoryKeys = Object.keys(shipped.categories);
  const ids = shipped.ids.split(ID_SEPARATOR);
  return {
    categories: shipped.categories,
    entries: ids.map((id, index) => ({
      id,
      category: categoryKeys[parseInt(shipped.categoryOf[index]!, 36)]!,
      level: LEVELS[parseInt(shipped.levelOf[index]!, 36)]!,
    })),
  };
}
