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

/** A name form ready for matching: with exact case, the words it must show as written. */
export interface CompiledForm extends NameForm {
  exactWords?: string[];
}

export interface TrieNode {
  /** The words that continue a longer name; none on most nodes (a Map each cost a page 1 MB). */
  next: Map<string, TrieNode> | undefined;
  forms: CompiledForm[];
}

/** A compiled word trie: the root maps a word key to the names that start with that word. */
export interface Matcher {
  root: Map<string, TrieNode>;
  /** The most words in any name, so a walk never looks further ahead than it can match. */
  longestName: number;
  /**
   * A bit set at the `plainWordHash` of every first word of a name: a plain word whose bit is clear
   * here starts none. (A plain word is its own key, so it can only be a plain first word.)
   */
  firstWordHashes: Uint32Array;
}

/** Builds the word trie from every name form; cost is linear in the total length of the names. */
export function compileMatcher(forms: readonly NameForm[]): Matcher {
  const matcher: Matcher = { root: new Map(), longestName: 0, firstWordHashes: new Uint32Array(WORD_HASH_BITS / 32) };
  for (const form of forms) addForm(matcher, form);
  return matcher;
}

/**
 * Adds one name form. With `first`, it takes precedence over forms already at the same words:
 * an abbreviation a page defines for itself ("prothrombin time (PT)") wins over the glossary's.
 */
export function addForm(matcher: Matcher, form: NameForm, first = false): void {
  const keys = nameKeys(form.text);
  if (keys.length === 0) return;
  matcher.longestName = Math.max(matcher.longestName, keys.length);
  const hash = plainWordHash(keys[0]!, 0, keys[0]!.length);
  if (hash >= 0) matcher.firstWordHashes[hash >>> 5]! |= 1 << (hash & 31);
  let node = levelNode(matcher.root, keys[0]!);
  for (const key of keys.slice(1)) node = levelNode((node.next ??= new Map()), key);
  const exact = form.exactCase || form.rules.includes('exact-case');
  const compiled = exact ? { ...form, exactWords: nameWords(form.text) } : form;
  if (first) node.forms.unshift(compiled);
  else node.forms.push(compiled);
}

function levelNode(level: Map<string, TrieNode>, key: string): TrieNode {
  let node = level.get(key);
  if (!node) level.set(key, (node = { next: undefined, forms: [] }));
  return node;
}
