import * as v from 'valibot';
import { nameKeys } from '../matching/tokenise';
import { countWords, readingGrade } from './reading-grade';
import type { GlossaryProblem } from './rules';
import { type GlossaryEntry, TermEntrySchema } from './schema';

/** One glossary file as read from disk: its name and its parsed YAML. */
export interface GlossaryFile {
  file: string;
  content: unknown;
}

export interface GlossaryContext {
  /** Category keys from glossary/categories.yaml. */
  categories: readonly string[];
  /** Hosts from glossary/sources.yaml; a source may be on one of them or a subdomain. */
  sourceHosts: readonly string[];
}

export interface ValidationResult {
  entries: GlossaryEntry[];
  problems: GlossaryProblem[];
  /** Reading grade of each valid entry's `short`, for the report. */
  grades: Map<string, number>;
}

export const MAX_SHORT_WORDS = 40;
export const MAX_SHORT_GRADE = 8;

const MARKUP = /<\/?[a-z!][^>]*>|&(?:[a-z]+|#\d+|#x[\da-f]+);|\]\(|\b(?:https?|javascript|data):/i;
// Control characters, bidirectional overrides and isolates, zero-width characters, BOM.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** The file name an entry must have: its term in lower case, accents and apostrophes dropped. */
export function slugOf(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Checks every file on its own, then the glossary as a whole. Never throws: every problem is
 * returned, naming the file, the field and the rule, and only entries without problems are kept.
 */
export function validateGlossary(files: readonly GlossaryFile[], context: GlossaryContext): ValidationResult {
  const problems: GlossaryProblem[] = [];
  const valid: { entry: GlossaryEntry; file: string }[] = [];
  const grades = new Map<string, number>();

  for (const { file, content } of files) {
    const fileProblems = checkFile(file, content, context);
    problems.push(...fileProblems.problems);
    if (fileProblems.entry && fileProblems.problems.length === 0) {
      valid.push({ entry: fileProblems.entry, file });
      grades.set(fileProblems.entry.id, fileProblems.grade);
    }
  }

  // Whole-glossary rules: one owner per name, related ids that exist.
  const owners = new Map<string, string>();
  const rejected = new Set<string>();
  for (const { entry, file } of valid) {
    const claims = [
      ...[entry.term, ...entry.also].map((name) => ({ field: 'also', key: `name:${nameKeys(name).join(' ')}`, name })),
      ...entry.abbr.map((name) => ({ field: 'abbr', key: `abbr:${name}`, name })),
    ];
    for (const claim of claims) {
      const owner = owners.get(claim.key);
      if (owner && owner !== entry.id) {
        problems.push({ file, field: claim.field, rule: 'GLS012', detail: `"${claim.name}" is also claimed by ${owner}` });
        rejected.add(entry.id);
      } else owners.set(claim.key, entry.id);
    }
  }
  // Every file counts as an id here, valid or not, so one broken entry is reported once, not again
  // in every entry that links to it.
  const ids = new Set(files.map((f) => f.file.replace(/^.*\//, '').replace(/\.yaml$/, '')));
  for (const { entry, file } of valid) {
    for (const id of entry.related) {
      if (!ids.has(id)) {
        problems.push({ file, field: 'related', rule: 'GLS013', detail: `no entry "${id}"` });
        rejected.add(entry.id);
      }
    }
  }
  return { entries: valid.filter((e) => !rejected.has(e.entry.id)).map((e) => e.entry), problems, grades };
}

function checkFile(file: string, content: unknown, context: GlossaryContext): { entry?: GlossaryEntry; problems: GlossaryProblem[]; grade: number } {
  const problems: GlossaryProblem[] = [];
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    return { problems: [{ file, field: '(file)', rule: 'GLS001' }], grade: 0 };
  }
  const parsed = v.safeParse(TermEntrySchema, content);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const field = issue.path?.map((p) => String(p.key) || '(empty key)').join('.') ?? '(file)';
      // A missing required key is also reported by strictObject: check for it first.
      const rule = issue.received === 'undefined' ? 'GLS002' : issue.type === 'strict_object' ? 'GLS004' : 'GLS003';
      problems.push({ file, field, rule, detail: issue.message });
    }
    return { problems, grade: 0 };
  }
  const id = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
  const entry: GlossaryEntry = { id, ...parsed.output };

  if (slugOf(entry.term) !== id) problems.push({ file, field: 'term', rule: 'GLS005', detail: `expected ${slugOf(entry.term)}.yaml` });
  if (!context.categories.includes(entry.category)) problems.push({ file, field: 'category', rule: 'GLS006', detail: `"${entry.category}"` });

  for (const [field, text] of textFields(entry)) {
    if (MARKUP.test(text)) problems.push({ file, field, rule: 'GLS010' });
    if (INVISIBLE.test(text) || text !== text.normalize('NFC')) problems.push({ file, field, rule: 'GLS014' });
  }

  const names = [entry.term, ...entry.also, ...entry.abbr];
  const words = countWords(entry.short);
  if (words > MAX_SHORT_WORDS) problems.push({ file, field: 'short', rule: 'GLS007', detail: `${words} words` });
  const grade = readingGrade(entry.short, names);
  if (grade > MAX_SHORT_GRADE) problems.push({ file, field: 'short', rule: 'GLS008', detail: `grade ${grade.toFixed(1)}` });
  const opening = entry.short.toLowerCase();
  const repeated = names.find((n) => opening.startsWith(n.toLowerCase()) && !/\p{L}/u.test(opening.charAt(n.length)));
  if (repeated) problems.push({ file, field: 'short', rule: 'GLS009', detail: `starts with "${repeated}"` });

  entry.sources.forEach((source, i) => {
    if (!isAllowedSource(source, context.sourceHosts)) problems.push({ file, field: `sources.${i}`, rule: 'GLS011', detail: source });
  });
  return { entry, problems, grade };
}

function textFields(entry: GlossaryEntry): [string, string][] {
  const fields: [string, string][] = [
    ['term', entry.term],
    ['short', entry.short],
  ];
  if (entry.say) fields.push(['say', entry.say]);
  if (entry.more) fields.push(['more', entry.more]);
  entry.also.forEach((t, i) => fields.push([`also.${i}`, t]));
  entry.abbr.forEach((t, i) => fields.push([`abbr.${i}`, t]));
  return fields;
}

function isAllowedSource(source: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && !url.username && !url.password && hosts.some((h) => url.hostname === h || url.hostname.endsWith(`.${h}`));
}
