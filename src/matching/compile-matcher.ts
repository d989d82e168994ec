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

/** Splits a name form into matching keys, and keeps its words as written if its case must match. */
export function keyedForm(form: NameForm): KeyedForm {
  const keyed: KeyedForm = { keys: nameKeys(form.text), entry: form.entry, rules: form.rules };
  if (form.exactCase || form.rules.includes('exact-case')) keyed.exactWords = nameWords(form.text);
  return keyed;
}

/** Builds the word trie from name forms as written (tools and tests; the build ships keyed forms). */
export function compileMatcher(forms: readonly NameForm[]): Matcher {
  return compileKeyedMatcher(forms.map(keyedForm));
}

/** Builds the word trie from keyed forms; cost is linear in the total length of the names. */
export function compileKeyedMatcher(forms: readonly KeyedForm[]): Matcher {
  const matcher: Matcher = { root: new Map(), longestName: 0, firstWordHashes: new Uint32Array(WORD_HASH_BITS / 32) };
  for (const form of forms) addForm(matcher, form);
  return matcher;
}

/**
 * Adds one name form. With `first`, it takes precedence over forms already at the same words:
 * an abbreviation a page defines for itself ("prothrombin time (PT)") wins over the glossary's.
 */
export function addForm(matcher: Matcher, form: KeyedForm, first = false): void {
  const keys = form.keys;
  if (keys.length === 0) return;
  // An object literal, not `{ keys, ...compiled } = form`: copying by rest took far longer in code
  // that runs once per page, before the engine has optimised it.
  const compiled: CompiledForm = form.exactWords
    ? { entry: form.entry, rules: form.rules, exactWords: form.exactWords }
    : { entry: form.entry, rules: form.rules };
  matcher.longestName = Math.max(matcher.longestName, keys.length);
  const hash = plainWordHash(keys[0]!, 0, keys[0]!.length);
  if (hash >= 0) matcher.firstWordHashes[hash >>> 5]! |= 1 << (hash & 31);
  let node = levelNode(matcher.root, keys[0]!);
  for (let i = 1; i < keys.length; i++) node = levelNode((node.next ??= new Map()), keys[i]!);
  if (first) node.forms.unshift(compiled);
  else node.forms.push(compiled);
}

function levelNode(level: Map<string, TrieNode>, key: string): TrieNode {
  let node = level.get(key);
  if (!node) level.set(key, (node = { next: undefined, forms: [] }));
  return node;
}
