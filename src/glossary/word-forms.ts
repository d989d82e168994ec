import nlp from 'compromise';

/**
 * The ways a name is written in running text, generated at build time so that entries list each
 * name once: the plural (compromise knows Latin and Greek plurals: metastasis → metastases), the
 * possessive with and without its apostrophe (Gottron's, Gottron, Gottrons papules) and the closed
 * form of a hyphenated name (anti-inflammatory → antiinflammatory), and a few derived forms (see
 * `derivedForms`). Spacing, case, accents and
 * British spellings are folded at match time instead (see matching/tokenise.ts).
 */
export function nameVariants(name: string): string[] {
  const variants = new Set<string>();
  for (const written of possessiveVariants(name)) {
    variants.add(written);
    // compromise mangles names with other punctuation ("Hand, foot and mouth disease").
    if (/[^\p{L}\p{N}\s'\u2019-]/u.test(written)) continue;
    const plural = isAbbreviation(written) ? abbreviationVariants(written)[1] : pluralOf(written);
    if (plural) variants.add(plural);
  }
  for (const derived of derivedForms(name)) variants.add(derived);
  for (const written of [...variants]) {
    // Closed forms only for lower-case compounds (antiinflammatory), not names (Guillain-Barré).
    if (/\p{Ll}-\p{Ll}/u.test(written)) variants.add(written.replace(/(\p{Ll})-(?=\p{Ll})/gu, '$1'));
  }
  return [...variants];
}

/**
 * Other forms patient texts use for the same thing: the activity of a test ("pulmonary function
 * testing"), the procedure of a transplant ("kidney transplantation"), and the adverb of a
 * one-word adjective ("intravenously", "sporadically").
 */
function derivedForms(name: string): string[] {
  if (/\btest$/i.test(name)) return [`${name}ing`];
  if (/\btransplant$/i.test(name)) return [`${name}ation`];
  if (/\s/.test(name) || !nlp(name).has('#Adjective')) return [];
  if (/ic$/i.test(name)) return [`${name}ally`];
  return /(ous|al|ent|ant|ive)$/i.test(name) ? [`${name}ly`] : [];
}

/** Abbreviations keep their exact case; their plural adds a lower-case "s" (NSAIDs). */
export function abbreviationVariants(abbreviation: string): string[] {
  return /[sS]$|\d$/.test(abbreviation) ? [abbreviation] : [abbreviation, `${abbreviation}s`];
}

/** A name written like an abbreviation (NSAID, COVID-19): compromise leaves these unchanged. */
function isAbbreviation(name: string): boolean {
  return /^[A-Z][A-Z0-9-]+$/.test(name);
}

function possessiveVariants(name: string): string[] {
  const match = /(\p{L}+)['\u2019]s\b/u.exec(name);
  if (!match) return [name];
  const before = name.slice(0, match.index);
  const after = name.slice(match.index + match[0].length);
  return possessiveVariants(after).flatMap((rest) => [`${match[1]}'s`, match[1], `${match[1]}s`].map((word) => before + word + rest));
}

/** A name with a phrase after its noun ("spot on the lung"): only the part before it takes a plural. */
const TRAILING_PHRASE = /^(.+?)(\s+(?:of|in|on|at|to|for|from|with|around|by|under|over|within|into|after|during)\s.+)$/i;

/**
 * Plurals compromise gets wrong, by how the name ends: it reads a name tagged as a noun in "-virus"
 * as Latin (virus → viri, coronavirus → coronaviri), and does not know the Latin plurals that
 * medical texts use for these words (thrombi, emboli, staphylococci, alveoli).
 */
const PLURAL_ENDINGS: [ending: RegExp, plural: (name: string) => string][] = [
  [/virus$/i, (name) => `${name}es`],
  [/(?:coccus|thrombus|embolus|alveolus|glomerulus|bronchus|villus|nevus|naevus|calculus|meniscus)$/i, (name) => `${name.slice(0, -2)}i`],
];

function pluralOf(name: string): string | undefined {
  const known = PLURAL_ENDINGS.find(([ending]) => ending.test(name));
  if (known) return known[1](name);
  const phrase = TRAILING_PHRASE.exec(name);
  if (phrase) {
    // Tagged whole, every word became a noun: "spot ons the lungsspot ons the lungs".
    const head = pluralOf(phrase[1]!);
    return head && head + phrase[2];
  }
  // A name read as a verb ("biopsy", "flare") has no noun to pluralise until it is tagged as one.
  const doc = nlp(name);
  doc.tag('Noun');
  const plural = doc.nouns().toPlural().text();
  if (plural && plural !== name) return plural;
  // compromise reads "-ia" as a Latin plural already (bacteria), but names of conditions in "-ia"
  // are singular and take an "s": thalassemias, anemias, arrhythmias.
  return /\p{Ll}ia$/u.test(name) ? `${name}s` : undefined;
}
