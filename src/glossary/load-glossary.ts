import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { GlossaryError } from './rules';
import { type GlossaryFile, type ValidationResult, validateGlossary } from './validate-glossary';

/**
 * The glossary folder: this repository's, or another given in MEDGLOSS_GLOSSARY_DIR (the tests use
 * it to build with a broken glossary and check the build fails naming the file and field).
 */
export const GLOSSARY_DIR = process.env.MEDGLOSS_GLOSSARY_DIR ?? join(import.meta.dirname, '../../glossary');

export interface LoadedGlossary extends ValidationResult {
  categories: Record<string, string>;
}

/**
 * Reads and validates every file of a glossary folder. Problems are returned, not thrown, so the
 * validator can print them all; `loadValidGlossary` is the build's strict version.
 */
export function loadGlossary(dir: string = GLOSSARY_DIR): LoadedGlossary {
  const categories = parse(readFileSync(join(dir, 'categories.yaml'), 'utf8')) as Record<string, string>;
  const sourceHosts = parse(readFileSync(join(dir, 'sources.yaml'), 'utf8')) as string[];
  const termsDir = join(dir, 'terms');
  const files: GlossaryFile[] = [];
  const parseProblems: GlossaryError['problems'] = [];
  for (const name of readdirSync(termsDir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const file = relative(join(dir, '..'), join(termsDir, name));
    try {
      files.push({ file, content: parse(readFileSync(join(termsDir, name), 'utf8'), { uniqueKeys: true }) });
    } catch (error) {
      parseProblems.push({ file, field: '(file)', rule: 'GLS001', detail: (error as Error).message.split('\n')[0] });
    }
  }
  const result = validateGlossary(files, { categories: Object.keys(categories), sourceHosts });
  return { ...result, problems: [...parseProblems, ...result.problems], categories };
}

/** Loads the glossary and throws a GlossaryError listing every problem if there is any. */
export function loadValidGlossary(dir: string = GLOSSARY_DIR): LoadedGlossary {
  const glossary = loadGlossary(dir);
  if (glossary.problems.length > 0) throw new GlossaryError(glossary.problems);
  return glossary;
}
