import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatEntry } from '../../src/glossary/format-entry';
import { GLOSSARY_DIR, loadGlossary } from '../../src/glossary/load-glossary';

const ROOT = resolve(import.meta.dirname, '../..');
const TERMS = join(GLOSSARY_DIR, 'terms');
const termFiles = readdirSync(TERMS).filter((f) => f.endsWith('.yaml'));

describe('the project itself', () => {
  it('keeps every glossary file in canonical form (npm run fix writes it)', () => {
    const notCanonical = termFiles.filter((f) => {
      const source = readFileSync(join(TERMS, f), 'utf8');
      return formatEntry(source) !== source;
    });
    expect(notCanonical).toEqual([]);
  });

  it('formats an entry without changing any value', () => {
    const source = 'short: A rash.\nterm: Heliotrope rash\nambiguous: []\nalso: [heliotrope sign]\n';
    expect(parse(formatEntry(source))).toEqual({ term: 'Heliotrope rash', also: ['heliotrope sign'], short: 'A rash.' });
    expect(Object.keys(parse(formatEntry(source)) as object)).toEqual(['term', 'also', 'short']);
  });

  it('uses every category', () => {
    const { entries, categories } = loadGlossary();
    const used = new Set(entries.map((e) => e.category));
    expect(Object.keys(categories).filter((c) => !used.has(c))).toEqual([]);
  });

  it('keeps entrypoints thin: wiring only, the logic lives in src/', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk(join(ROOT, 'entrypoints'));
    const heavy = files.filter((f) => {
      const code = readFileSync(f, 'utf8');
      return code.split('\n').length > 60 || /\b(class|function)\s+\w+/.test(code);
    });
    expect(heavy.map((f) => f.slice(ROOT.length + 1))).toEqual([]);
  });
});
