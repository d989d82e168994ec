/**
 * `npm run validate:glossary`: checks every glossary file, prints each problem with its file,
 * field and rule, and reports the reading level. Exits 1 if any entry is invalid.
 */
import { loadGlossary } from '../glossary/load-glossary';
import { formatProblem } from '../glossary/rules';
import { nameVariants } from '../glossary/word-forms';
import { nameKeys } from '../matching/tokenise';
import { everydayWords, medicalWords } from './word-lists';

const glossary = loadGlossary();
for (const problem of glossary.problems) console.error(formatProblem(problem));

const grades = [...glossary.grades.values()].sort((a, b) => a - b);
const median = grades.length ? grades[Math.floor(grades.length / 2)]! : 0;
const hardest = [...glossary.grades].sort((a, b) => b[1] - a[1]).slice(0, 5);
console.log(`${glossary.entries.length} valid entries, ${glossary.problems.length} problem(s).`);
console.log(
  `Reading grade of "short": median ${median.toFixed(1)} (aim: 6 or lower), hardest: ${hardest.map(([id, g]) => `${id} ${g.toFixed(1)}`).join(', ')}`,
);
const byCategory = new Map<string, number>();
for (const entry of glossary.entries) byCategory.set(entry.category, (byCategory.get(entry.category) ?? 0) + 1);
console.log(`By category: ${[...byCategory].map(([c, n]) => `${c} ${n}`).join(', ')}`);

// Definitions should not need a dictionary: medical words in them that are neither everyday English
// nor glossary names themselves (so the reader could look them up) are reported, without failing.
const everyday = everydayWords(20_000);
const medical = new Set(medicalWords().map((w) => w.toLowerCase()));
// With the forms the matcher generates: "fungi" in a definition is the entry "fungus".
const glossaryWords = new Set(glossary.entries.flatMap((e) => [e.term, ...e.also, ...e.abbr].flatMap(nameVariants).flatMap(nameKeys)));
const unexplained = new Map<string, string[]>();
for (const entry of glossary.entries) {
  for (const word of new Set(nameKeys(entry.short))) {
    const singular = word.replace(/s$/, '');
    if (!medical.has(word) || everyday.has(word) || everyday.has(singular) || glossaryWords.has(word) || glossaryWords.has(singular)) continue;
    unexplained.set(word, [...(unexplained.get(word) ?? []), entry.id]);
  }
}
const ranked = [...unexplained].sort((a, b) => b[1].length - a[1].length);
console.log(`Medical words in definitions that are neither everyday words nor glossary entries: ${ranked.length} (aim: none)`);
if (ranked.length > 0)
  console.log(
    `  ${ranked
      .slice(0, 25)
      .map(([word, ids]) => `${word} (${ids.length}: ${ids.slice(0, 3).join(', ')})`)
      .join('; ')}`,
  );
process.exitCode = glossary.problems.length > 0 ? 1 : 0;
