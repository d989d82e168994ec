import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/glossary/compile-glossary';
import { loadValidGlossary } from '../../src/glossary/load-glossary';
import { loadPageGlossary, shipPageGlossary } from '../../src/glossary/page-glossary';

const CATEGORIES = { condition: 'Condition', drug: 'Medicine', test: 'Test' };
const { entries, categories } = compileGlossary(loadValidGlossary());

describe('the page glossary the content script ships', () => {
  it('unpacks to every entry of the real glossary, in order, with its id, category and level', () => {
    const shipped = shipPageGlossary(entries, categories);
    expect(loadPageGlossary(JSON.parse(JSON.stringify(shipped)))).toEqual({
      categories,
      entries: entries.map(({ id, category, level }) => ({ id, category, level })),
    });
    // What it is for: much smaller than the objects it replaced.
    const asObjects = JSON.stringify(entries.map(({ id, category, level }) => ({ id, category, level })));
    expect(JSON.stringify(shipped).length).toBeLessThan(asObjects.length / 2);
  });

  it('keeps each entry its own category and level', () => {
    const entries = [
      { id: 'gout', category: 'condition', level: 'everyday' },
      { id: 'ivig', category: 'drug', level: 'specialist' },
      { id: 'creatine-kinase', category: 'test', level: 'some' },
    ] as const;
    expect(loadPageGlossary(shipPageGlossary(entries, CATEGORIES)).entries).toEqual(entries);
  });

  it('fails the build, naming the entry, rather than ship what would unpack wrong', () => {
    expect(() => shipPageGlossary([{ id: 'gout', category: 'disease', level: 'some' }], CATEGORIES)).toThrow('Entry "gout": unknown category');
    expect(() => shipPageGlossary([{ id: 'gout', category: 'condition', level: 'rare' as 'some' }], CATEGORIES)).toThrow('Entry "gout": unknown level');
    expect(() => shipPageGlossary([{ id: 'two words', category: 'condition', level: 'some' }], CATEGORIES)).toThrow('"two words"');
    const many = Object.fromEntries(Array.from({ length: 37 }, (_, i) => [`c${i}`, `C${i}`]));
    expect(() => shipPageGlossary([], many)).toThrow('At most 36 categories');
  });
});
