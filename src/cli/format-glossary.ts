/** Part of `npm run fix`: rewrites every glossary file in canonical form (see format-entry.ts). */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatEntry } from '../glossary/format-entry';
import { GLOSSARY_DIR } from '../glossary/load-glossary';

let changed = 0;
const dir = join(GLOSSARY_DIR, 'terms');
for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
  const path = join(dir, name);
  const source = readFileSync(path, 'utf8');
  const formatted = formatEntry(source);
  if (formatted !== source) {
    writeFileSync(path, formatted);
    changed++;
  }
}
console.log(`Formatted ${changed} glossary file(s).`);
