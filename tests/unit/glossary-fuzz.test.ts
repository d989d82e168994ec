import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/glossary/compile-glossary';
import type { RuleCode } from '../../src/glossary/rules';
import { ENTRY_KEYS } from '../../src/glossary/schema';
import { type GlossaryFile, slugOf, validateGlossary } from '../../src/glossary/validate-glossary';
import { AMBIGUITY_RULES, type ShippedMatcher, compileMatcher, loadMatcher, shipMatcher } from '../../src/matching/compile-matcher';
import { findMatches } from '../../src/matching/find-matches';
import { LEVELS } from '../../src/settings/settings';
import { validEntry } from '../fixtures/valid-entry';

/**
 * A mutation fuzzer for the glossary validator: valid entries, corrupted one way at a time, must each
 * be rejected with a problem naming the file, the field and the rule, while the untouched entries
 * validated alongside are all accepted. The seed is fixed so that every run checks the same cases;
 * on a failure fast-check prints the smallest corruption it found.
 */
const SEED = 0x6d6564;
const RUNS_PER_KIND = 50;

const CATEGORIES = ['condition', 'symptom-or-sign', 'drug', 'general'];
const CONTEXT = { categories: CATEGORIES, sourceHosts: ['medlineplus.gov', 'nhs.uk', 'nih.gov'] };

type Entry = Record<string, unknown>;

/** The valid entries every corruption starts from: the one validate-glossary.test.ts uses, and real-looking ones. */
const VALID: { file: string; entry: () => Entry }[] = [
  {
    file: 'glossary/terms/heliotrope-rash.yaml',
    entry: validEntry,
  },
  {
    file: 'glossary/terms/anemia.yaml',
    entry: () => ({
      term: 'Anemia',
      say: 'uh-NEE-mee-uh',
      also: [],
      abbr: [],
      category: 'condition',
      level: 'some',
      short: 'A condition in which the blood has fewer healthy red blood cells than normal, so the body gets less oxygen. It can make you feel tired and weak.',
      more: 'Common causes include too little iron and blood loss. A blood test can show it.',
      related: ['myocardial-infarction'],
      sources: ['https://medlineplus.gov/anemia.html'],
    }),
  },
  {
    file: 'glossary/terms/myocardial-infarction.yaml',
    entry: () => ({
      term: 'Myocardial infarction',
      also: ['heart attack'],
      abbr: ['MI'],
      category: 'condition',
      level: 'some',
      ambiguous: ['exact-case'],
      short: 'Damage to part of the heart muscle when its blood supply is suddenly blocked. It is an emergency: call for help at once.',
      more: 'Chest pain that spreads to the arm, jaw or back is a common sign.',
      related: ['anemia'],
      sources: ['https://www.nhs.uk/conditions/heart-attack/', 'https://www.nhlbi.nih.gov/health/heart-attack'],
    }),
  },
  {
    // Only the required fields.
    file: 'glossary/terms/ibuprofen.yaml',
    entry: () => ({
      term: 'Ibuprofen',
      category: 'drug',
      level: 'everyday',
      short: 'A medicine that eases pain, swelling and fever. You can buy it without a prescription.',
      sources: ['https://www.nhs.uk/medicines/ibuprofen-for-adults/'],
    }),
  },
  {
    // Accents and a curly apostrophe, in NFC.
    file: 'glossary/terms/sjogrens-syndrome.yaml',
    entry: () => ({
      term: 'Sjögren’s syndrome',
      also: ["Sjogren's syndrome"],
      category: 'condition',
      level: 'specialist',
      short: 'A long-term illness in which the immune system attacks the glands that make tears and spit, so the eyes and mouth feel dry.',
      sources: ['https://medlineplus.gov/sjogrenssyndrome.html'],
    }),
  },
];

const idOf = (file: string) => file.replace(/^.*\//, '').replace(/\.yaml$/, '');

// ---- Corruptions ---------------------------------------------------------------------------------

/** One corrupted version of one valid entry, and what the validator must say about it. */
interface Corruption {
  /** Index in VALID of the entry whose file now holds `content`. */
  target: number;
  content: unknown;
  /** A problem for the file must name one of these fields (or an item of it: "also" covers "also.1")… */
  fields: string[];
  /** …with one of these rules, or with any rule when left out. */
  rules?: RuleCode[];
}

const REQUIRED = ['term', 'category', 'level', 'short', 'sources'];
const TEXT_FIELDS = ['term', 'say', 'short', 'more', 'also', 'abbr'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const FILLER: Record<string, string> = { say: 'hee-lee-oh-trope', more: 'It can come and go. A doctor can check it.' };

const target = fc.nat({ max: VALID.length - 1 });
const textField = fc.constantFrom(...TEXT_FIELDS);
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** Changes the text of a field, or its first item; a field the entry lacks is given some text first. */
function changeText(entry: Entry, field: TextField, change: (text: string) => string): { content: Entry; field: string } {
  if (field === 'also' || field === 'abbr') {
    const list = [...((entry[field] as string[] | undefined) ?? [])];
    if (list.length === 0) list.push(field === 'abbr' ? 'HRX' : 'purple eyelids');
    list[0] = change(list[0]!);
    return { content: { ...entry, [field]: list }, field };
  }
  return { content: { ...entry, [field]: change((entry[field] as string | undefined) ?? FILLER[field]!) }, field };
}

/** Inserts `snippet` at a position anywhere in the text (`at` in [0, 1)). */
const insertAnywhere = (snippet: string, at: number) => (text: string) => {
  const i = Math.floor(at * (text.length + 1));
  return text.slice(0, i) + snippet + text.slice(i);
};
/** Inserts `snippet` strictly inside the text, where trimming cannot remove it. */
const insertInside = (snippet: string, at: number) => (text: string) => {
  const i = 1 + Math.floor(at * (text.length - 1));
  return text.slice(0, i) + snippet + text.slice(i);
};

/** Inserts one of `snippets` into a text field of a valid entry. */
function textCorruption(snippets: fc.Arbitrary<string>, where: typeof insertAnywhere, rules: RuleCode[]): fc.Arbitrary<Corruption> {
  return fc.tuple(target, textField, snippets, fraction).map(([t, field, snippet, at]) => {
    const changed = changeText(VALID[t]!.entry(), field, where(snippet, at));
    return { target: t, content: changed.content, fields: [changed.field], rules };
  });
}

const anything = fc.anything({
  maxDepth: 2,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Whether the schema accepts a value for a field (what a "wrong type" must not be). */
function isWellTyped(key: string, value: unknown): boolean {
  const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const isTextList = (v: unknown) => Array.isArray(v) && v.every(isText);
  if (value === undefined) return !REQUIRED.includes(key);
  switch (key) {
    case 'level':
      return (LEVELS as readonly unknown[]).includes(value);
    case 'ambiguous':
      return Array.isArray(value) && value.every((v) => (AMBIGUITY_RULES as readonly unknown[]).includes(v));
    case 'also':
    case 'abbr':
    case 'related':
      return isTextList(value);
    case 'sources':
      return isTextList(value) && (value as unknown[]).length > 0;
    default:
      return isText(value);
  }
}

const WRONG_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  NaN,
  Infinity,
  true,
  false,
  '',
  '   ',
  {},
  { term: 'x' },
  [],
  [null],
  [1],
  [''],
  [[]],
  [{}],
  ['x', 2],
  'a text',
];

const MARKUP = [
  '<b>',
  '</i>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="https://example.com">here</a>',
  '<!-- note -->',
  '&amp;',
  '&nbsp;',
  '&#60;',
  '&#x3C;',
  '[a link](https://example.com)',
  // Links start a word: the validator matches them at a word boundary only.
  ' javascript:alert(1) ',
  ' data:text/html;base64,PHNjcmlwdD4= ',
  ' http://example.com/rash ',
  ' https://www.nhs.uk/ ',
];
const CONTROL = [...range(0x00, 0x08), 0x0b, 0x0c, ...range(0x0e, 0x1f), 0x7f].map((c) => String.fromCharCode(c));
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F'];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const DECOMPOSED = ['e\u0301', 'o\u0308', 'n\u0303', 'a\u030A', 'c\u0327', 'Cafe\u0301', 'Sjo\u0308gren'];
const BAD_SOURCES = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  'jav\tascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'http://www.nhs.uk/conditions/anaemia/',
  'HTTP://medlineplus.gov/anemia.html',
  'ftp://medlineplus.gov/anemia.html',
  'file:///etc/passwd',
  'blob:https://www.nhs.uk/0b1d',
  '//www.nhs.uk/conditions/',
  '/conditions/anaemia/',
  'www.nhs.uk/conditions/anaemia/',
  'https://example.com/rash',
  'https://nhs.uk.example.com/x',
  'https://evilnhs.uk/x',
  'https://www.nhs.uk@evil.example/x',
  'https://user:secret@www.nhs.uk/x',
  'not a url at all',
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Writes a name another way that the matcher treats as the same name. */
const SAME_NAME: ((name: string) => string)[] = [
  (n) => n,
  (n) => n.toUpperCase(),
  (n) => n.toLowerCase(),
  (n) => n.replace(/ /g, '-'),
  (n) => n.replace(/ /g, '  '),
  (n) => n.replace(/e/, 'ae'),
];

function without(entry: Entry, key: string): Entry {
  const copy = { ...entry };
  delete copy[key];
  return copy;
}

/** An object with an own `__proto__` key, made the way JSON.parse makes one (an object literal would set the prototype). */
function withOwnProto(entry: Entry, value: unknown): Entry {
  return JSON.parse(`{"__proto__":${JSON.stringify(value)},${JSON.stringify(entry).slice(1)}`) as Entry;
}

const KINDS: { name: string; corruption: fc.Arbitrary<Corruption> }[] = [
  {
    // Any rule: that it should be GLS002 is the property marked as failing below.
    name: 'a required field missing',
    corruption: fc.tuple(target, fc.constantFrom(...REQUIRED)).map(([t, key]) => ({ target: t, content: without(VALID[t]!.entry(), key), fields: [key] })),
  },
  {
    name: 'a field of the wrong type (numbers, objects, arrays, null…)',
    corruption: fc.tuple(target, fc.constantFrom(...ENTRY_KEYS)).chain(([t, key]) =>
      fc
        .oneof(fc.constantFrom(...WRONG_VALUES), anything)
        .filter((value) => !isWellTyped(key, value))
        .map((value) => ({
          target: t,
          content: { ...VALID[t]!.entry(), [key]: value },
          fields: [key],
          rules: ['GLS002', 'GLS003'] as RuleCode[],
        })),
    ),
  },
  { name: 'HTML tags, entities or links in a text field', corruption: textCorruption(fc.constantFrom(...MARKUP), insertAnywhere, ['GLS010']) },
  { name: 'a control character in a text field', corruption: textCorruption(fc.constantFrom(...CONTROL), insertInside, ['GLS014']) },
  { name: 'a bidi override or isolate (U+202E…) in a text field', corruption: textCorruption(fc.constantFrom(...BIDI), insertAnywhere, ['GLS014']) },
  { name: 'a zero-width character (U+200B…) in a text field', corruption: textCorruption(fc.constantFrom(...ZERO_WIDTH), insertInside, ['GLS014']) },
  { name: 'text not in NFC (decomposed accents) in a text field', corruption: textCorruption(fc.constantFrom(...DECOMPOSED), insertAnywhere, ['GLS014']) },
  {
    name: 'a javascript:, data:, http or off-list source',
    corruption: fc.tuple(target, fc.constantFrom(...BAD_SOURCES), fc.nat(), fc.boolean()).map(([t, bad, at, replace]) => {
      const entry = VALID[t]!.entry();
      const sources = [...(entry.sources as string[])];
      if (replace) sources[at % sources.length] = bad;
      else sources.splice(at % (sources.length + 1), 0, bad);
      return { target: t, content: { ...entry, sources }, fields: ['sources'], rules: ['GLS011'] };
    }),
  },
  {
    name: 'a name or abbreviation of another entry, or a copy of another entry',
    corruption: fc
      .tuple(target, fc.nat(), fc.nat(), fc.constantFrom(...SAME_NAME), fc.constantFrom('name', 'abbreviation', 'copy'))
      .map(([t, o, n, write, how]) => {
        const other = VALID[(t + 1 + (o % (VALID.length - 1))) % VALID.length]!.entry();
        const entry = VALID[t]!.entry();
        if (how === 'copy') return { target: t, content: other, fields: ['term'], rules: ['GLS005'] };
        const otherAbbr = other.abbr as string[] | undefined;
        if (how === 'abbreviation' && otherAbbr?.length) {
          return {
            target: t,
            content: { ...entry, abbr: [...((entry.abbr as string[]) ?? []), otherAbbr[n % otherAbbr.length]!] },
            fields: ['abbr'],
            rules: ['GLS012'],
          };
        }
        const names = [other.term as string, ...((other.also as string[]) ?? [])];
        const name = write(names[n % names.length]!);
        return { target: t, content: { ...entry, also: [...((entry.also as string[]) ?? []), name] }, fields: ['also'], rules: ['GLS012'] };
      }),
  },
  {
    name: 'a definition of more than 40 words',
    corruption: fc.tuple(target, fc.integer({ min: 41, max: 120 })).map(([t, words]) => {
      const entry = VALID[t]!.entry();
      const short = `${entry.short as string} ${'It may itch. '.repeat(Math.ceil(words / 3))}`.trim();
      return { target: t, content: { ...entry, short }, fields: ['short'], rules: ['GLS007'] };
    }),
  },
  {
    name: 'an unknown field',
    corruption: fc
      .tuple(
        target,
        fc.oneof(
          fc.constantFrom('colour', 'Term', 'terms', 'id', 'notes', 'short ', 'constructor', 'toString', 'hasOwnProperty', 'prototype'),
          fc.string({ minLength: 1 }),
        ),
        fc.jsonValue({ maxDepth: 1 }),
      )
      .filter(([, key]) => !(ENTRY_KEYS as readonly string[]).includes(key) && key !== '__proto__')
      .map(([t, key, value]) => {
        const content = VALID[t]!.entry();
        Object.defineProperty(content, key, { value, enumerable: true, writable: true, configurable: true });
        return { target: t, content, fields: [key], rules: ['GLS004'] };
      }),
  },
  {
    name: 'a __proto__ key (from JSON.parse)',
    corruption: fc.tuple(target, fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('extra', 'whole entry', 'moved field', 'in a list')).map(([t, value, how]) => {
      const entry = VALID[t]!.entry();
      if (how === 'whole entry') return { target: t, content: JSON.parse(`{"__proto__":${JSON.stringify(entry)}}`), fields: ['__proto__'], rules: ['GLS004'] };
      if (how === 'moved field') {
        // A required field hidden under __proto__ must not be read from there. (Any rule, as above.)
        return { target: t, content: withOwnProto(without(entry, 'category'), { category: entry.category }), fields: ['category'] };
      }
      if (how === 'in a list') {
        return { target: t, content: { ...entry, also: [JSON.parse(`{"__proto__":${JSON.stringify(value)}}`)] }, fields: ['also'], rules: ['GLS003'] };
      }
      return { target: t, content: withOwnProto(entry, value), fields: ['__proto__'], rules: ['GLS004'] };
    }),
  },
  {
    name: 'a file that is not a mapping',
    corruption: fc
      .tuple(target, fc.oneof(fc.constantFrom(null, undefined, 0, NaN, '', 'term: Anemia', true, []), anything, fc.constant('as a list')))
      .filter(([, value]) => typeof value !== 'object' || value === null || Array.isArray(value))
      .map(([t, value]) => ({ target: t, content: value === 'as a list' ? [VALID[t]!.entry()] : value, fields: ['(file)'], rules: ['GLS001'] })),
  },
  {
    name: 'an unknown category or related id',
    corruption: fc
      .tuple(
        target,
        fc.oneof(fc.constantFrom('disease', 'Condition', 'drugs', 'anaemia', 'constructor', '__proto__'), fc.string({ minLength: 1 })),
        fc.boolean(),
      )
      .filter(([, name]) => name.trim() !== '' && !CATEGORIES.includes(name.trim()) && !VALID.some((v) => idOf(v.file) === name.trim()))
      .map(([t, name, inCategory]): Corruption => {
        const entry = VALID[t]!.entry();
        return inCategory
          ? { target: t, content: { ...entry, category: name }, fields: ['category'], rules: ['GLS006'] }
          : { target: t, content: { ...entry, related: [...((entry.related as string[]) ?? []), name] }, fields: ['related'], rules: ['GLS013'] };
      }),
  },
];

/** Validates every valid entry plus the corrupted one (last, so that a name it copies belongs to the other entry). */
function validateWith({ target: t, content }: Corruption) {
  const files: GlossaryFile[] = VALID.filter((_, i) => i !== t).map((v) => ({ file: v.file, content: v.entry() }));
  files.push({ file: VALID[t]!.file, content });
  return validateGlossary(files, CONTEXT);
}

/** The checks every corruption must pass; throws (failing the property) with the reason. */
function expectRejected(corruption: Corruption): void {
  const file = VALID[corruption.target]!.file;
  const result = validateWith(corruption);
  // Every problem names the corrupted file (no valid entry got one), a field and a rule.
  for (const problem of result.problems) {
    expect(problem).toMatchObject({ file, field: expect.stringMatching(/^[\s\S]+$/), rule: expect.stringMatching(/^GLS\d{3}$/) });
  }
  const names = (field: string) => (p: { field: string }) => p.field === field || p.field.startsWith(`${field}.`);
  const { fields, rules } = corruption;
  expect(result.problems.filter((p) => fields.some((f) => names(f)(p)) && (!rules || rules.includes(p.rule)))).not.toEqual([]);
  // Rejected, and no valid entry rejected with it.
  expect(result.entries.map((e) => e.id).sort()).toEqual(
    VALID.filter((_, i) => i !== corruption.target)
      .map((v) => idOf(v.file))
      .sort(),
  );
}

const TOTAL = RUNS_PER_KIND * KINDS.length;

describe(`validateGlossary under a mutation fuzzer: ${TOTAL} corruptions of ${VALID.length} valid entries`, () => {
  it(`accepts the ${VALID.length} valid entries, together and each on its own`, () => {
    const all = validateGlossary(
      VALID.map((v) => ({ file: v.file, content: v.entry() })),
      CONTEXT,
    );
    expect(all.problems).toEqual([]);
    expect(all.entries).toHaveLength(VALID.length);
    for (const v of VALID) {
      const entry = { ...v.entry(), related: [] };
      expect(validateGlossary([{ file: v.file, content: entry }], CONTEXT).problems).toEqual([]);
    }
  });

  it.each(KINDS.map((kind, i) => [kind.name, kind.corruption, i] as const))(
    `rejects ${RUNS_PER_KIND} entries with %s, each with file, field and rule, and accepts the untouched ones`,
    (_name, corruption, i) => {
      fc.assert(fc.property(corruption, expectRejected), { seed: SEED + i, numRuns: RUNS_PER_KIND });
    },
  );

  it(`reports each of ${REQUIRED.length * VALID.length} absent required fields as GLS002`, () => {
    for (const [t, v] of VALID.entries()) {
      for (const key of REQUIRED) {
        const { problems } = validateWith({ target: t, content: without(v.entry(), key), fields: [key] });
        expect(problems.map((p) => `${p.field} ${p.rule}`)).toContain(`${key} GLS002`);
      }
    }
  });

  const controls = range(0, 0xffff)
    .map((c) => String.fromCharCode(c))
    .filter((c) => /[\p{Cc}\p{Bidi_Control}]/u.test(c) && !'\t\n\r'.includes(c));
  it(`rejects each of the ${controls.length} control and bidi control characters Unicode lists`, () => {
    const missed = controls.filter((c) => {
      const { content } = changeText(VALID[0]!.entry(), 'short', insertInside(c, 0.5));
      return !validateWith({ target: 0, content, fields: ['short'], rules: ['GLS014'] }).problems.some((p) => p.rule === 'GLS014');
    });
    expect(missed.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)).toEqual([]);
  });

  it('names the field of an unknown empty key', () => {
    expectRejected({ target: 0, content: { ...VALID[0]!.entry(), '': 'x' }, fields: ['(empty key)'], rules: ['GLS004'] });
  });
});

describe('names that are also names of Object.prototype members', () => {
  const TRICKY = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];
  const plainEntry = (term: string, also: string[] = []): Entry => ({
    term,
    also,
    category: 'general',
    level: 'specialist',
    short: 'A word used here only to test odd names. It means nothing at all.',
    sources: ['https://medlineplus.gov/'],
  });
  const cases = TRICKY.flatMap((name) => [
    { name, as: 'term', file: `glossary/terms/${slugOf(name)}.yaml`, content: plainEntry(name) },
    { name, as: 'also name', file: 'glossary/terms/odd-word.yaml', content: plainEntry('Odd word', [name]) },
  ]);

  it.each(cases)('accepts $name as the $as of an entry, then finds that entry in running text', ({ name, file, content }) => {
    const files = [...VALID.map((v) => ({ file: v.file, content: v.entry() })), { file, content }];
    const validated = validateGlossary(files, CONTEXT);
    expect(validated.problems).toEqual([]);
    const glossary = compileGlossary({ entries: validated.entries, categories: Object.fromEntries(CATEGORIES.map((c) => [c, c])) });
    const text = `the ${name} of it`;
    // The shipped path as well: the compact forms expanded again in the background.
    for (const matcher of [compileMatcher(glossary.forms), loadMatcher(JSON.parse(JSON.stringify(shipMatcher(glossary.forms))) as ShippedMatcher)]) {
      const matches = findMatches(text, matcher);
      expect(matches).toHaveLength(1);
      expect(glossary.entries[matches[0]!.entry]!.id).toBe(idOf(file));
      // Underscores are not part of words: "__proto__" is found as the word "proto".
      expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe(name.replace(/_/g, ''));
    }
  });

  it('finds nothing, and crashes nothing, for those names in a glossary that lacks them', () => {
    const validated = validateGlossary(
      VALID.map((v) => ({ file: v.file, content: v.entry() })),
      CONTEXT,
    );
    const matcher = compileMatcher(compileGlossary({ entries: validated.entries, categories: {} }).forms);
    for (const text of [...TRICKY, 'valueOf', 'toString()', TRICKY.join(' '), `${TRICKY.join(' ')} heart attack`]) {
      expect(findMatches(text, matcher).length).toBe(text.includes('heart attack') ? 1 : 0);
    }
  });

  it('treats related ids named after Object.prototype members as unknown when no such file exists', () => {
    const related = [...TRICKY, 'valueOf'];
    const { problems } = validateGlossary([{ file: VALID[3]!.file, content: { ...VALID[3]!.entry(), related } }], CONTEXT);
    expect(problems.map((p) => `${p.field} ${p.rule} ${p.detail}`)).toEqual(related.map((id) => `related GLS013 no entry "${id}"`));
  });
});
