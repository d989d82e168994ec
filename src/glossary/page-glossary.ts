import { LEVELS, type Level } from '../settings/settings';
import type { GlossaryEntry } from './schema';

/**
 * The page glossary as it ships inside the content script: three strings instead of an object per
 * entry. Evaluating the script is most of what starting it costs a page, most of that is compiling
 * it, and the string literal of the objects' JSON (101 KB) was more than half the script. Packed,
 * it is 26 KB; with PageGlossary reading it on demand, evaluating the script took 13–14 ms of CPU
 * time on the seed page against 17–19 (Chromium traces, medians of 10 loads in three rounds,
 * builds taking turns).
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

/**
 * What the content script needs on every page: the little it needs to filter and count the terms
 * it is sent. The names stay in the background, which matches the page's text (see MatchService),
 * and so do the definitions, asked for when a popover opens: the script every page loads stays small.
 *
 * An entry's fields are read from the shipped strings when asked for: an object for each of 1,601
 * entries, made while the script started, took about 2 ms of its start (CPU profile, seed page).
 */
export class PageGlossary {
  readonly categories: Record<string, string>;
  private readonly ids: string[];
  private readonly categoryKeys: string[];

  constructor(private readonly shipped: ShippedPageGlossary) {
    this.categories = shipped.categories;
    this.ids = shipped.ids.split(ID_SEPARATOR);
    this.categoryKeys = Object.keys(shipped.categories);
  }

  idOf(entry: number): string {
    return this.ids[entry]!;
  }

  categoryOf(entry: number): string {
    return this.categoryKeys[parseInt(this.shipped.categoryOf[entry]!, 36)]!;
  }

  levelOf(entry: number): Level {
    return LEVELS[parseInt(this.shipped.levelOf[entry]!, 36)]!;
  }
}
