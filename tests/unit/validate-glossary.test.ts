import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/glossary/load-glossary';
import { formatProblem } from '../../src/glossary/rules';
import { type GlossaryFile, slugOf, validateGlossary } from '../../src/glossary/validate-glossary';
import { validEntry } from '../fixtures/valid-entry';

const CONTEXT = { categories: ['condition', 'symptom-or-sign', 'drug'], sourceHosts: ['medlineplus.gov', 'nhs.uk', 'nih.gov'] };

function check(content: unknown, file = 'glossary/terms/heliotrope-rash.yaml', others: GlossaryFile[] = []) {
  return validateGlossary([{ file, content }, ...others], CONTEXT).problems.map((p) => `${p.field} ${p.rule}`);
}

describe('validateGlossary', () => {
  it('accepts a valid entry', () => {
    const result = validateGlossary([{ file: 'glossary/terms/heliotrope-rash.yaml', content: validEntry() }], CONTEXT);
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => e.id)).toEqual(['heliotrope-rash']);
  });

  it.each<[string, (e: Record<string, unknown>) => unknown, string]>([
    ['a file that is not a mapping', () => ['a list'], '(file) GLS001'],
    ['a missing field', (e) => ({ ...e, short: undefined }), 'short GLS002'],
    ['an empty definition', (e) => ({ ...e, short: '   ' }), 'short GLS003'],
    ['a field of the wrong type', (e) => ({ ...e, also: 'heliotrope sign' }), 'also GLS003'],
    ['an unknown field', (e) => ({ ...e, colour: 'red' }), 'colour GLS004'],
    ['a file name that is not the slug of the term', (e) => ({ ...e, term: 'Heliotrope sign', also: [] }), 'term GLS005'],
    ['an unknown category', (e) => ({ ...e, category: 'disease' }), 'category GLS006'],
    ['a definition over 40 words', (e) => ({ ...e, short: 'A red rash. '.repeat(14) }), 'short GLS007'],
    [
      'a definition above grade 8',
      (e) => ({
        ...e,
        short: 'An inflammatory dermatological manifestation characteristically distributed periorbitally, indicating idiopathic inflammatory myopathy.',
      }),
      'short GLS008',
    ],
    ['a definition that starts with the term', (e) => ({ ...e, short: 'Heliotrope rash is a purple rash on the eyelids.' }), 'short GLS009'],
    ['markup in a definition', (e) => ({ ...e, short: 'A <b>purple</b> rash on the eyelids.' }), 'short GLS010'],
    ['an entity in a definition', (e) => ({ ...e, short: 'A purple&nbsp;rash on the eyelids.' }), 'short GLS010'],
    ['a link in a definition', (e) => ({ ...e, short: 'A rash, see https://example.com for more.' }), 'short GLS010'],
    ['a source that is not https', (e) => ({ ...e, sources: ['http://www.nhs.uk/conditions/polymyositis/'] }), 'sources.0 GLS011'],
    ['a source off the allowlist', (e) => ({ ...e, sources: ['https://example.com/rash'] }), 'sources.0 GLS011'],
    ['a source that only looks like an allowed site', (e) => ({ ...e, sources: ['https://nhs.uk.example.com/x'] }), 'sources.0 GLS011'],
    ['a javascript: source', (e) => ({ ...e, sources: ['javascript:alert(1)'] }), 'sources.0 GLS011'],
    ['an unknown related id', (e) => ({ ...e, related: ['no-such-entry'] }), 'related GLS013'],
    ['a zero-width character', (e) => ({ ...e, short: 'A purple\u200b rash on the eyelids.' }), 'short GLS014'],
    ['a bidi override', (e) => ({ ...e, also: ['helio\u202etrope'] }), 'also.0 GLS014'],
    ['text not in NFC', (e) => ({ ...e, more: 'Cafe\u0301 au lait spots are different.' }), 'more GLS014'],
  ])('rejects %s', (_case, mutate, expected) => {
    expect(check(mutate(validEntry()))).toContain(expected);
  });

  it('rejects a name claimed by two entries, naming both', () => {
    const other: GlossaryFile = {
      file: 'glossary/terms/heliotrope-sign.yaml',
      content: { ...validEntry(), term: 'Heliotrope sign', also: ['Heliotrope rash'] },
    };
    const { problems } = validateGlossary([{ file: 'glossary/terms/heliotrope-rash.yaml', content: { ...validEntry(), also: [] } }, other], CONTEXT);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/heliotrope-(rash|sign)\.yaml: field "also": GLS012 .*claimed by heliotrope-(rash|sign)/),
    ]);
  });

  it('treats names that differ only in case or spelling variant as the same name', () => {
    const other: GlossaryFile = { file: 'glossary/terms/anaemia.yaml', content: { ...validEntry(), term: 'Anaemia', also: [] } };
    const first = { file: 'glossary/terms/anemia.yaml', content: { ...validEntry(), term: 'Anemia', also: [] } };
    expect(validateGlossary([first, other], CONTEXT).problems.map((p) => p.rule)).toEqual(['GLS012']);
  });

  it('names the file, the field and the rule in every message', () => {
    const [problem] = validateGlossary([{ file: 'glossary/terms/heliotrope-rash.yaml', content: { ...validEntry(), category: 'disease' } }], CONTEXT).problems;
    expect(formatProblem(problem!)).toBe(
      'glossary/terms/heliotrope-rash.yaml: field "category": GLS006 the category must be one listed in glossary/categories.yaml ("disease")',
    );
  });

  it.each([
    ["Gottron's papules", 'gottrons-papules'],
    ['Sjögren’s syndrome', 'sjogrens-syndrome'],
    ['COVID-19', 'covid-19'],
    ['E. coli', 'e-coli'],
  ])('slugs %s as %s', (term, slug) => {
    expect(slugOf(term)).toBe(slug);
  });
});

describe('loadGlossary', () => {
  it('reports a file that is not valid YAML with the file named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'medgloss-glossary-'));
    mkdirSync(join(dir, 'terms'));
    writeFileSync(join(dir, 'categories.yaml'), 'condition: Condition\n');
    writeFileSync(join(dir, 'sources.yaml'), '- nhs.uk\n');
    writeFileSync(join(dir, 'terms', 'broken.yaml'), 'term: [unclosed\n');
    const { problems } = loadGlossary(dir);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/\/terms\/broken\.yaml: field "\(file\)": GLS001/)]);
  });

  it('finds no problem in the shipped glossary', () => {
    expect(loadGlossary().problems.map(formatProblem)).toEqual([]);
  });
});
