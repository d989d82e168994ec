import { WORD_HASH_BITS, nameKeys, nameWords, plainWordHash } from './tokenise';

/** When an ambiguous name may be underlined; see glossary/README.md. */
export const AMBIGUITY_RULES = ['medical-context', 'noun', 'exact-case', 'not-title-start'] as const;
export type AmbiguityRule = (typeof AMBIGUITY_RULES)[number];

/**
 * One way of writing a glossary entry's name, as the build ships it: the words as written (so
 * that the exact case can be checked), the entry it belongs to, whether case must match exactly,
 * and the ambiguity rules that must hold.
 */
export interface NameForm {
  text: string;
  entry: number;
  exactCase: boolean;
  rules: readonly AmbiguityRule[];
}

/** What a trie node keeps of a form: its entry, its rules, and for exact case the words as written. */
export interface CompiledForm {
  entry: number;
  rules: readonly AmbiguityRule[];
  exactWords?: readonly string[];
}

/** A name form with its words already split and folded into matching keys (see tokenise.ts). */
export interface KeyedForm extends CompiledForm {
  keys: readonly string[];
}

export interface TrieNode {
  /** The words that continue a longer name; none on most nodes (a Map each cost a page 1 MB). */
  next: Map<string, TrieNode> | undefined;
  forms: CompiledForm[];
}

/**
 * A name form as the build ships it, filed under its first word's key: the keys of its other words
 * joined by spaces ("" for one word), its entry, its rules, and its words as written when its case
 * must match. Arrays rather than objects: about half the size, on every page.
 */
export type ShippedForm = [otherKeys: string, entry: number, rules?: AmbiguityRule[], written?: string];

/** What the content script gets: every form by its first word's key, as JSON. */
export interface ShippedMatcher {
  formsByFirstKey: Record<string, ShippedForm[]>;
  longestName: number;
}

/**
 * A word trie: the root maps a word key to the names that start with that word. A page builds
 * only the branches its words reach: building all 8,000 names took every page 25 ms in Chromium
 * before it could scan (the code is cold on each page), though a page's words reach a few hundred.
 */
export interface Matcher {
  /** Branches built so far, and (as null) words known to start no name. Read through `rootNode`. */
  root: Map<string, TrieNode | null>;
  /** Forms not in the trie yet, by first word key, as shipped; each branch is built on first use. */
  pending: Readonly<Record<string, readonly ShippedForm[]>>;
  /** The most words in any name, so a walk never looks further ahead than it can match. */
  longestName: number;
  /**
   * A bit set at the `plainWordHash` of every first word of a name: a plain word whose bit is clear
   * here starts none. (A plain word is its own key, so it can only be a plain first word.)
   */
  firstWordHashes: Uint32Array;
  /**
   * In a fork (see forkMatcher), the first words whose branches are still the original matcher's:
   * adding a form there copies the branch first.
   */
  borrowed?: Set<string>;
}

/**
 * A matcher for one page, made from the glossary's: it shares the branches built so far and copies
 * one only when the page adds a name to it (an abbreviation the page defines), so that what one
 * page defines never reaches another. Branches built after the fork are its own.
 */
export function forkMatcher(matcher: Matcher): Matcher {
  return {
    root: new Map(matcher.root),
    pending: matcher.pending,
    longestName: matcher.longestName,
    firstWordHashes: matcher.firstWordHashes.slice(),
    borrowed: new Set(matcher.root.keys()),
  };
}

function copyBranch(node: TrieNode): TrieNode {
  const next = node.next && new Map([...node.next].map(([key, child]) => [key, copyBranch(child)]));
  return { next, forms: [...node.forms] };
}

/** Splits a name form into matching keys, and keeps its words as written if its case must match. */
export function keyedForm(form: NameForm): KeyedForm {
  const keyed: KeyedForm = { keys: nameKeys(form.text), entry: form.entry, rules: form.rules };
  if (form.exactCase || form.rules.includes('exact-case')) keyed.exactWords = nameWords(form.text);
  return keyed;
}

/** Builds the whole word trie from name forms as written (tools and tests). */
export function compileMatcher(forms: readonly NameForm[]): Matcher {
  const matcher = emptyMatcher({}, 0);
  for (const form of forms) addForm(matcher, keyedForm(form));
  return matcher;
}

/** The forms the build ships: split and folded there, once, instead of on every page. */
export function shipMatcher(forms: readonly NameForm[]): ShippedMatcher {
  const formsByFirstKey: Record<string, ShippedForm[]> = {};
  let longestName = 0;
  for (const { keys, entry, rules, exactWords } of forms.map(keyedForm)) {
    if (keys.length === 0) continue;
    longestName = Math.max(longestName, keys.length);
    const shipped: ShippedForm = [keys.slice(1).join(' '), entry];
    if (rules.length > 0 || exactWords) shipped.push([...rules]);
    if (exactWords) shipped.push(exactWords.join(' '));
    if (!Object.hasOwn(formsByFirstKey, keys[0]!)) formsByFirstKey[keys[0]!] = [];
    formsByFirstKey[keys[0]!]!.push(shipped);
  }
  return { formsByFirstKey, longestName };
}

/** The matcher a page starts with: nothing built yet but the table of first words. */
export function loadMatcher(shipped: ShippedMatcher): Matcher {
  const matcher = emptyMatcher(shipped.formsByFirstKey, shipped.longestName);
  for (const key of Object.keys(shipped.formsByFirstKey)) markFirstWord(matcher, key);
  return matcher;
}

function emptyMatcher(pending: Record<string, readonly ShippedForm[]>, longestName: number): Matcher {
  return { root: new Map(), pending, longestName, firstWordHashes: new Uint32Array(WORD_HASH_BITS / 32) };
}

function markFirstWord(matcher: Matcher, key: string): void {
  const hash = plainWordHash(key, 0, key.length);
  if (hash >= 0) matcher.firstWordHashes[hash >>> 5]! |= 1 << (hash & 31);
}

/** The branch of the names that start with a word key, built from the shipped forms on first use. */
export function rootNode(matcher: Matcher, key: string): TrieNode | undefined {
  const known = matcher.root.get(key);
  if (known !== undefined) return known ?? undefined;
  let node: TrieNode | null = null;
  if (Object.hasOwn(matcher.pending, key)) {
    node = { next: undefined, forms: [] };
    for (const [otherKeys, entry, rules, written] of matcher.pending[key]!) {
      const compiled: CompiledForm =
        written === undefined ? { entry, rules: rules ?? NO_RULES } : { entry, rules: rules ?? NO_RULES, exactWords: written.split(' ') };
      addToBranch(node, otherKeys === '' ? NO_KEYS : otherKeys.split(' '), 0, compiled, false);
    }
  }
  matcher.root.set(key, node);
  return node ?? undefined;
}

const NO_RULES: readonly AmbiguityRule[] = [];
const NO_KEYS: readonly string[] = [];

/**
 * Adds one name form. With `first`, it takes precedence over forms already at the same words:
 * an abbreviation a page defines for itself ("prothrombin time (PT)") wins over the glossary's.
 */
export function addForm(matcher: Matcher, form: KeyedForm, first = false): void {
  const keys = form.keys;
  if (keys.length === 0) return;
  matcher.longestName = Math.max(matcher.longestName, keys.length);
  markFirstWord(matcher, keys[0]!);
  const borrowedNode = matcher.borrowed?.delete(keys[0]!) ? matcher.root.get(keys[0]!) : undefined;
  if (borrowedNode) matcher.root.set(keys[0]!, copyBranch(borrowedNode));
  let node = rootNode(matcher, keys[0]!);
  if (!node) matcher.root.set(keys[0]!, (node = { next: undefined, forms: [] }));
  const compiled: CompiledForm = form.exactWords
    ? { entry: form.entry, rules: form.rules, exactWords: form.exactWords }
    : { entry: form.entry, rules: form.rules };
  addToBranch(node, keys, 1, compiled, first);
}

function addToBranch(node: TrieNode, keys: readonly string[], from: number, form: CompiledForm, first: boolean): void {
  for (let i = from; i < keys.length; i++) {
    const level = (node.next ??= new Map());
    let next = level.get(keys[i]!);
    if (!next) level.set(keys[i]!, (next = { next: undefined, forms: [] }));
    node = next;
  }
  if (first) node.forms.unshift(form);
  else node.forms.push(form);
}
