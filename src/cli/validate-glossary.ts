/**
 * `npm run validate:glossary`: checks every glossary file, prints each problem with its file,
 * field and rule, and reports the reading level. Exits 1 if any entry is invalid.
 */
import { loadGlossary } from '../glossary/load-glossary';
import { formatProblem } from '../glossary/rules';

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
process.exitCode = glossary.problems.length > 0 ? 1 : 0;
