/**
 * The numbered validation rules. glossary/README.md lists each with a good and a bad example;
 * keep the two in step.
 */
export const RULES = {
  GLS001: 'the file must be a YAML mapping',
  GLS002: 'a required field is missing',
  GLS003: 'the field has the wrong type or is empty',
  GLS004: 'the field is not a known field',
  GLS005: 'the file name must be the slug of the term',
  GLS006: 'the category must be one listed in glossary/categories.yaml',
  GLS007: 'short must be at most 40 words',
  GLS008: 'short must read at grade 8 or below (Flesch–Kincaid)',
  GLS009: 'short must not start by repeating the term',
  GLS010: 'text must be plain: no markup, entities or links',
  GLS011: 'a source must be an https page on a site in glossary/sources.yaml',
  GLS012: 'a name or abbreviation may belong to one entry only',
  GLS013: 'related must name existing entries',
  GLS014: 'text must not hold control, bidi or zero-width characters and must be in Unicode NFC',
} as const;

export type RuleCode = keyof typeof RULES;

/** One problem in one file: enough to find and fix it without reading code. */
export interface GlossaryProblem {
  file: string;
  field: string;
  rule: RuleCode;
  detail?: string;
}

export function formatProblem(p: GlossaryProblem): string {
  return `${p.file}: field "${p.field}": ${p.rule} ${RULES[p.rule]}${p.detail ? ` (${p.detail})` : ''}`;
}

export class GlossaryError extends Error {
  constructor(readonly problems: GlossaryProblem[]) {
    super(`The glossary has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'GlossaryError';
  }
}
