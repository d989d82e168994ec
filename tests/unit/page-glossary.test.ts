import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/glossary/compile-glossary';
import { loadValidGlossary } from '../../src/glossary/load-glossary';
import { PageGlossary, shipPageGlossary } from '../../src/glossary/page-glossary';

function unpacked(glossary: PageGlossary, count: number) {
  return Array.from({ length: count }, (_, entry) => ({ id: glossary.idOf(entry), category: glossary.categoryOf(entry), level: glossary.levelOf(entry) }));
}

const CATEGORIES = { condition: 'Condition', drug: 'Medicine', test: 'Test' };
const { entries, categories } = compileGlossary(loadValidGlossary());

describe('the page glossary the content script ships', () => {
  it('unpacks to every entry of the real glossary, in order, with its id, category and level', () => {
    const shipped = shipPageGlossary(entries, categories);
    const glossary = new PageGlossary(JSON.parse(JSON.stringify(shipped)));
    expect(glossary.categories).toEqual(categories);
    expect(unpacked(glossary, entries.length)).toEqual(entries.map(({ id, category, level }) => ({ id, category, level })));
    // What it is for: much smaller than the objects it replaced.
    const asObjects = JSON.stringify(entries.map(({ id, category, level }) => ({ id, category, level })));
    expect(JSON.stringify(shipped).length).toBeLessThan(asObjects.length / 2);
  });

  it('keeps each entry its own category and level', () => {
    const three = [
      { id: 'gout', category: 'condition', level: 'everyday' },
      { id: 'ivig', category: 'drug', level: 'specialist' },
      { id: 'creatine-kinase', category: 'test', level: 'some' },
    ] as const;
    expect(unpacked(new PageGlossary(shipPageGlossary(three, CATEGORIES)), three.length)).toEqual(three);
  });

  it('fails the build, naming the entry, rather than ship what would unpack wrong', () => {
    expect(() => shipPageGlossary([{ id: 'gout', category: 'disease', level: 'some' }], CATEGORIES)).toThrow('Entry "gout": unknown category');
    expect(() => shipPageGlossary([{ id: 'gout', category: 'condition', level: 'rare' as 'some' }], CATEGORIES)).toThrow('Entry "gout": unknown level');
    expect(() => shipPageGlossary([{ id: 'two words', category: 'condition', level: 'some' }], CATEGORIES)).toThrow('"two words"');
    const many = Object.fromEntries(Array.from({ length: 37 }, (_, i) => [`c${i}`, `C${i}`]));
    expect(() => shipPageGlossary([], many)).toThrow('At most 36 categories');
  });
});
