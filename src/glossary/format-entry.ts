import { parse, stringify } from 'yaml';
import { ENTRY_KEYS } from './schema';

/**
 * The canonical text of a glossary file: keys in the schema's order, empty optional lists left
 * out except `also`, `abbr` and `related`, long text folded at 100 columns. Unknown keys are kept
 * (after the known ones) so the validator can still name them.
 */
export function formatEntry(source: string): string {
  const content = parse(source) as Record<string, unknown>;
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return source;
  const ordered: Record<string, unknown> = {};
  for (const key of [...ENTRY_KEYS, ...Object.keys(content).filter((k) => !(ENTRY_KEYS as readonly string[]).includes(k))]) {
    if (!(key in content)) continue;
    const value = content[key];
    if (key === 'ambiguous' && Array.isArray(value) && value.length === 0) continue;
    ordered[key] = value;
  }
  return stringify(ordered, { lineWidth: 100, minContentWidth: 40 });
}
