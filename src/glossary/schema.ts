import * as v from 'valibot';
import { AMBIGUITY_RULES } from '../matching/compile-matcher';
import { LEVELS } from '../settings/settings';

/**
 * The shape of one glossary file, `glossary/terms/<id>.yaml`: the single source of truth for the
 * entry type, the validator and the build. Rules that need the whole glossary (unique names,
 * related ids, categories, sources, reading level) live in validate-glossary.ts.
 */

/** Keys in the order every file writes them; the formatter and the canonical-form test use it. */
export const ENTRY_KEYS = ['term', 'say', 'also', 'abbr', 'category', 'level', 'ambiguous', 'short', 'more', 'related', 'sources'] as const;

const Text = v.pipe(v.string('must be text'), v.trim(), v.nonEmpty('must not be empty'));
const TextList = v.array(Text, 'must be a list of text');

export const TermEntrySchema = v.strictObject(
  {
    term: Text,
    say: v.optional(Text),
    also: v.optional(TextList, []),
    abbr: v.optional(TextList, []),
    category: Text,
    level: v.picklist(LEVELS, `must be one of ${LEVELS.join(', ')}`),
    ambiguous: v.optional(v.array(v.picklist(AMBIGUITY_RULES, `each rule must be one of ${AMBIGUITY_RULES.join(', ')}`)), []),
    short: Text,
    more: v.optional(Text),
    related: v.optional(TextList, []),
    sources: v.pipe(TextList, v.minLength(1, 'must list at least one source')),
  },
  'is not a known field',
);

export type TermEntry = v.InferOutput<typeof TermEntrySchema>;

/** An entry with the id its file name gives it. */
export interface GlossaryEntry extends TermEntry {
  id: string;
}
