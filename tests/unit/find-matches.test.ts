import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/glossary/compile-glossary';
import { loadValidGlossary } from '../../src/glossary/load-glossary';
import { nameVariants } from '../../src/glossary/word-forms';
import { findMatches, findMatchesByLine, wrappedLineEnds } from '../../src/matching/find-matches';
import { MINI_GLOSSARY, MINI_MATCHER, idOf } from '../fixtures/mini-glossary';
import { type ShippedMatcher, compileMatcher, loadMatcher, shipMatcher } from '../../src/matching/compile-matcher';
import { learnDefinedAbbreviations } from '../../src/matching/defined-abbreviations';
import { foldWord, plainWordHash, wordSpans } from '../../src/matching/tokenise';

/** The matches of a text as "id:matched text" strings, in order. */
function scan(text: string): string[] {
  return findMatches(text, MINI_MATCHER).map((m) => `${idOf(m.entry)}:${text.slice(m.start, m.end)}`);
}

describe('findMatches', () => {
  it.each([
    ['matches whatever the case of a word', 'DERMATOMYOSITIS and dermatomyositis', ['dermatomyositis:DERMATOMYOSITIS', 'dermatomyositis:dermatomyositis']],
    ['matches abbreviations only in their exact case', 'IVIG, not ivig or Ivig', ['intravenous-immunoglobulin:IVIG']],
    ['never matches an abbreviation inside a longer word', 'RAM and RAID but RA, not in steroids', ['rheumatoid-arthritis:RA', 'corticosteroids:steroids']],
    ['matches whole words only', 'a steroidal and a nonsteroid', []],
    ['prefers the longest name', 'juvenile dermatomyositis', ['juvenile-dermatomyositis:juvenile dermatomyositis']],
    ['generates plurals', 'corticosteroids and steroids', ['corticosteroids:corticosteroids', 'corticosteroids:steroids']],
    ['generates irregular plurals', 'metastases in two vertebrae', ['metastasis:metastases', 'vertebra:vertebrae']],
    ['generates plurals of words read as verbs', 'two biopsies', ['biopsy:biopsies']],
    ['pluralises abbreviations with a lower-case s', 'NSAIDs help', ['nsaid:NSAIDs']],
    [
      'matches curly and straight apostrophes',
      "Gottron’s papules, Gottron's papules",
      ['gottrons-papules:Gottron’s papules', "gottrons-papules:Gottron's papules"],
    ],
    [
      'matches a plural possessive with and without its apostrophe',
      "Graves' disease, Graves’ disease and Graves disease",
      ["graves-disease:Graves' disease", 'graves-disease:Graves’ disease', 'graves-disease:Graves disease'],
    ],
    [
      'matches the possessive without its apostrophe',
      'Gottron papules and Gottrons papules',
      ['gottrons-papules:Gottron papules', 'gottrons-papules:Gottrons papules'],
    ],
    [
      'matches line breaks and non-breaking spaces inside names',
      'heliotrope\nrash, heliotrope\u00a0rash',
      ['heliotrope-rash:heliotrope\nrash', 'heliotrope-rash:heliotrope\u00a0rash'],
    ],
    ['ignores soft hyphens inside words', 'dermato\u00admyositis', ['dermatomyositis:dermato\u00admyositis']],
    [
      'matches hyphen, space and closed forms',
      'anti-inflammatory, anti inflammatory, antiinflammatory, anti\u2011inflammatory',
      [
        'anti-inflammatory:anti-inflammatory',
        'anti-inflammatory:anti inflammatory',
        'anti-inflammatory:antiinflammatory',
        'anti-inflammatory:anti\u2011inflammatory',
      ],
    ],
    [
      'matches names with and without accents',
      'Sjögren’s syndrome or Sjogren syndrome',
      ['sjogrens-syndrome:Sjögren’s syndrome', 'sjogrens-syndrome:Sjogren syndrome'],
    ],
    ['matches British spellings', 'anaemia, oedema and a tumour', ['anemia:anaemia', 'edema:oedema', 'tumor:tumour']],
    ['matches names with an initial', 'E. coli and E coli', ['e-coli:E. coli', 'e-coli:E coli']],
    ['does not join words across punctuation', 'heliotrope, rash', []],
    ['does not join words across a full stop', 'the heliotrope. Rash', []],
    ['keeps an ambiguous name with medical context nearby', 'A flare of dermatomyositis', ['flare:flare', 'dermatomyositis:dermatomyositis']],
    ['drops an ambiguous name without medical context', 'A solar flare lit the sky', []],
    ['drops an ambiguous name used as a verb', 'Tempers will flare over dermatomyositis', ['dermatomyositis:dermatomyositis']],
    ['drops an ambiguous abbreviation without medical context', 'MS Office and MS Word', []],
    [
      'keeps an ambiguous abbreviation with medical context',
      'MS is treated with corticosteroids',
      ['multiple-sclerosis:MS', 'corticosteroids:corticosteroids'],
    ],
  ])('%s', (_rule, text, expected) => {
    expect(scan(text)).toEqual(expected);
  });

  it('returns offsets into the original text', () => {
    const text = 'Before — Gottron’s papules.';
    const [match] = findMatches(text, MINI_MATCHER);
    expect(text.slice(match!.start, match!.end)).toBe('Gottron’s papules');
  });

  it('never returns overlapping matches', () => {
    const matches = findMatches('juvenile dermatomyositis dermatomyositis heliotrope rash rash', MINI_MATCHER);
    for (let i = 1; i < matches.length; i++) expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
  });
});

describe('ambiguity rules', () => {
  it('guard one-word names and abbreviations but not names of several words', () => {
    const text = 'She was told she has multiple sclerosis.';
    expect(scan(text)).toEqual(['multiple-sclerosis:multiple sclerosis']);
  });
});

describe('abbreviations', () => {
  it('need medical context when they have three letters or fewer', () => {
    expect(scan('Fail if the HDL parameters are wrong: RA.')).toEqual([]);
    expect(scan('RA is treated with corticosteroids.')).toEqual(['rheumatoid-arthritis:RA', 'corticosteroids:corticosteroids']);
  });

  it('are pluralised when written as a name in capitals', () => {
    expect(scan('NSAIDs and NSAID')).toEqual(['nsaid:NSAIDs', 'nsaid:NSAID']);
  });
});

describe('word forms generated from a name', () => {
  it.each([
    ['intravenous', ['intravenous', 'intravenously']],
    ['sporadic', ['sporadic', 'sporadically']],
    ['pulmonary function test', ['pulmonary function test', 'pulmonary function tests', 'pulmonary function testing']],
    ['kidney transplant', ['kidney transplant', 'kidney transplants', 'kidney transplantation']],
    ["Gottron's papules", ["Gottron's papules", 'Gottron papules', 'Gottrons papules']],
    ['anti-inflammatory', ['anti-inflammatory', 'anti-inflammatories', 'antiinflammatory', 'antiinflammatories']],
    ['biopsy', ['biopsy', 'biopsies']],
    ['thalassemia', ['thalassemia', 'thalassemias']],
    ['Virus', ['Virus', 'Viruses']],
    ['Coronavirus', ['Coronavirus', 'Coronaviruses']],
    ['West Nile virus', ['West Nile virus', 'West Nile viruses']],
    ['thrombus', ['thrombus', 'thrombi']],
    ['Staphylococcus', ['Staphylococcus', 'Staphylococci']],
    ['glomerulus', ['glomerulus', 'glomeruli']],
  ])('%s', (name, expected) => {
    expect(nameVariants(name)).toEqual(expect.arrayContaining(expected));
  });
});

describe('abbreviations defined on the page', () => {
  it('are learnt from "name (ABBR)" and underlined in later text', () => {
    const matcher = compileMatcher(MINI_GLOSSARY.forms);
    const first = 'Treatment may include heliotrope rash (HR) care.';
    expect(learnDefinedAbbreviations(first, findMatches(first, matcher), matcher)).toBe(1);
    const later = 'HR appears early. HRs fade.';
    expect(findMatches(later, matcher).map((m) => `${idOf(m.entry)}:${later.slice(m.start, m.end)}`)).toEqual(['heliotrope-rash:HR', 'heliotrope-rash:HRs']);
  });

  it.each([
    ['built whole', () => compileMatcher(MINI_GLOSSARY.forms)],
    ['loaded from the shipped forms, branches built on first use', () => loadMatcher(shipMatcher(MINI_GLOSSARY.forms))],
  ])('take the meaning the page gives them over the glossary’s (matcher %s)', (_how, makeMatcher) => {
    const matcher = makeMatcher();
    const first = 'Multiple sclerosis (MS) is not the only meaning; Metastasis (MS) here.';
    learnDefinedAbbreviations(first, findMatches(first, matcher), matcher);
    const later = 'Corticosteroids and MS.';
    expect(findMatches(later, matcher).map((m) => idOf(m.entry))).toEqual(['corticosteroids', 'metastasis']);
  });

  it('are not learnt when the letters do not fit the name', () => {
    const matcher = compileMatcher(MINI_GLOSSARY.forms);
    const text = 'Heliotrope rash (see below) and lupus.';
    expect(learnDefinedAbbreviations(text, findMatches(text, matcher), matcher)).toBe(0);
  });
});

describe('word forms of names with punctuation and proper names', () => {
  it('leaves names with commas as written', () => {
    expect(nameVariants('Hand, foot and mouth disease')).toEqual(['Hand, foot and mouth disease']);
  });

  it('does not close up hyphenated proper names', () => {
    expect(nameVariants('Guillain-Barré syndrome')).not.toContain('GuillainBarré syndrome');
  });

  it('puts a name with a phrase after its noun in the plural before the phrase', () => {
    expect(nameVariants('spot on the lung')).toEqual(['spot on the lung', 'spots on the lung']);
    expect(nameVariants('inflammation of the liver')).toEqual(['inflammation of the liver', 'inflammations of the liver']);
  });
});

describe('proper names', () => {
  it.each([
    ['leaves a term alone inside the name of an organisation', 'Support is offered by the American Dermatomyositis Association and others like it.', []],
    ['leaves a term alone at the start of a longer name', 'Read what the Lupus Foundation of America says about treatment.', []],
    [
      'underlines a capitalised term at the start of a sentence',
      'Many people live well. Lupus can flare in the sun, and dermatomyositis too.',
      ['dermatomyositis:dermatomyositis'],
    ],
    [
      'underlines a term written in capitals in running text',
      'She was told she has Multiple Sclerosis by her doctor.',
      ['multiple-sclerosis:Multiple Sclerosis'],
    ],
    [
      'underlines a capitalised term next to another term in a list that lost its line breaks',
      'Other treatments include: systemic corticosteroids Anemia Clinic care and more.',
      ['corticosteroids:corticosteroids', 'anemia:Anemia'],
    ],
    [
      'leaves authors’ initials in a reference list alone, but not the abbreviation in a sentence',
      'Jackson RA, Qian MS, Lu P. Outcomes. Patients with dermatomyositis, RA, and with MS.',
      ['dermatomyositis:dermatomyositis', 'rheumatoid-arthritis:RA', 'multiple-sclerosis:MS'],
    ],
    [
      'underlines terms in a heading in title case',
      'Dermatomyositis and Heliotrope Rash: What to Know',
      ['dermatomyositis:Dermatomyositis', 'heliotrope-rash:Heliotrope Rash'],
    ],
  ])('%s', (_rule, text, expected) => {
    expect(scan(text)).toEqual(expected);
  });
});

/** The real glossary, compiled once for this file (with compromise: seconds, not for a test's clock). */
const REAL_GLOSSARY = compileGlossary(loadValidGlossary());

describe('a lab report, with the real glossary', () => {
  const glossary = REAL_GLOSSARY;
  const matcher = compileMatcher(glossary.forms);
  const idsIn = (text: string) => findMatches(text, matcher).map((m) => `${glossary.entries[m.entry]!.id}:${text.slice(m.start, m.end)}`);

  it('reads the name on each line as the test it is', () => {
    // Lines as a patient portal shows them: the name, a value and a flag. Not the ALK gene.
    expect(idsIn('ALK PHOS 152 U/L H')).toEqual(['alkaline-phosphatase:ALK PHOS']);
    // Abbreviations of three letters or fewer need another medical word in the same block.
    expect(idsIn('MCV 101 fL H, RDW 16.2 % H')).toEqual([]);
    expect(idsIn('Hemoglobin 11.2 g/dL L, MCV 101 fL H, RDW 16.2 % H')).toEqual([
      'hemoglobin:Hemoglobin',
      'mean-corpuscular-volume:MCV',
      'red-cell-distribution-width:RDW',
    ]);
    expect(idsIn('Eosinophils 6 %')).toEqual(['eosinophil:Eosinophils']);
    expect(idsIn('Your T score was -2.6 at the hip.')).toEqual(['t-score:T score']);
  });
});

describe('words in "non-"', () => {
  const matcher = compileMatcher([
    { text: 'metastatic', entry: 0, exactCase: false, rules: [] },
    { text: 'lymphoma', entry: 1, exactCase: false, rules: [] },
    { text: 'non-Hodgkin lymphoma', entry: 2, exactCase: false, rules: [] },
  ]);
  const found = (text: string) => findMatches(text, matcher).map((m) => text.slice(m.start, m.end));

  it('are not the name after the hyphen, unless "non-" begins a name of its own', () => {
    expect(found('Non-Metastatic or metastatic; non-Hodgkin lymphoma, not a lymphoma-free nonmetastatic')).toEqual([
      'metastatic',
      'non-Hodgkin lymphoma',
      'lymphoma',
    ]);
  });
});

describe('names that must match in their exact case', () => {
  const matcher = compileMatcher([
    { text: 'T-score', entry: 0, exactCase: true, rules: ['exact-case'] },
    { text: 'T score', entry: 0, exactCase: true, rules: ['exact-case'] },
  ]);
  const found = (text: string) => findMatches(text, matcher).map((m) => text.slice(m.start, m.end));

  it('match across a hyphen or a space, as written in the entry, and not in another case', () => {
    expect(found('Your T-score was -2.6; last year your T score was -2.1.')).toEqual(['T-score', 'T score']);
    expect(found('Her t-score and t score in the statistics class.')).toEqual([]);
  });
});

describe('the first-word hash filter', () => {
  // The filter may only skip a word when no spelling of it folds to a first word of a name.
  const letters = fc.constantFrom(...'aeorusbcdtxyz9ö’\u00AD'.split(''));
  const word = fc.array(letters, { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''));

  it('hashes only words that are their own key, and declines the others', () => {
    fc.assert(
      fc.property(word, (raw) => {
        const lower = raw.toLowerCase();
        return plainWordHash(lower, 0, lower.length) === -1 || foldWord(lower) === lower;
      }),
      { numRuns: 5000, seed: 20261126 },
    );
  });

  it('declines often enough to be useful: a third of the words get through, not two thirds', () => {
    // Every word of a real health text through the real glossary's filter, against the look-ups it saves.
    const text = readFileSync(resolve(import.meta.dirname, '../../../shared/seed/dermatomyositis.txt'), 'utf8');
    const matcher = compileMatcher(REAL_GLOSSARY.forms);
    const lower = text.toLowerCase();
    const spans = wordSpans(lower);
    const passed = spans.filter(([start, end]) => {
      const hash = plainWordHash(lower, start, end);
      return hash < 0 || (matcher.firstWordHashes[hash >>> 5]! & (1 << (hash & 31))) !== 0;
    });
    const startsName = spans.filter(([start, end]) => matcher.root.has(foldWord(lower.slice(start, end))));
    expect(passed.length).toBeGreaterThanOrEqual(startsName.length);
    expect(passed.length / spans.length).toBeLessThan(1 / 3);
  });

  it('still finds British, accented and short folded spellings', () => {
    expect(scan('Oedema, anaemia, Sjogren’s syndrome and tumours.')).toEqual([
      'edema:Oedema',
      'anemia:anaemia',
      'sjogrens-syndrome:Sjogren’s syndrome',
      'tumor:tumours',
    ]);
  });
});

describe('the glossary as the background gets it', () => {
  it('finds exactly what the glossary as written finds, from the forms the build ships as JSON', () => {
    const glossary = REAL_GLOSSARY;
    const asWritten = compileMatcher(glossary.forms);
    const asShipped = loadMatcher(JSON.parse(JSON.stringify(shipMatcher(glossary.forms))) as ShippedMatcher);
    const dir = resolve(import.meta.dirname, '../../../shared/corpus/health');
    const texts = [
      resolve(import.meta.dirname, '../../../shared/seed/dermatomyositis.txt'),
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .slice(0, 40)
        .map((f) => resolve(dir, f)),
    ];
    let matches = 0;
    for (const file of texts) {
      for (const block of readFileSync(file, 'utf8').split('\n')) {
        const expected = findMatches(block, asWritten);
        expect(findMatches(block, asShipped)).toEqual(expected);
        matches += expected.length;
      }
    }
    expect(matches).toBeGreaterThan(1000);
  });
});

describe('findMatchesByLine (a plain-text file, whose lines are its paragraphs)', () => {
  const lines = [
    'A Guide To Heliotrope Rash For Families',
    'The rash comes and goes over many weeks, and most people who have it also get IVIG or steroids for a while.',
  ];
  const text = lines.join('\n');
  const named = (matches: { entry: number; start: number; end: number }[]) => matches.map((m) => `${idOf(m.entry)}:${text.slice(m.start, m.end)}`);

  it('finds each line’s terms as in a paragraph of its own, with offsets into the whole text', () => {
    expect(named(findMatchesByLine(text, MINI_MATCHER))).toEqual([
      'heliotrope-rash:Heliotrope Rash',
      'intravenous-immunoglobulin:IVIG',
      'corticosteroids:steroids',
    ]);
  });

  it('reads a title-case line as a heading, where the whole text would make it part of a name', () => {
    expect(named(findMatches(text, MINI_MATCHER))).not.toContain('heliotrope-rash:Heliotrope Rash');
  });
});

describe('findMatchesByLine on a hard-wrapped text file', () => {
  // Wrapped at 72 columns the way an email or an old word processor does: a line ends where the
  // next word would not fit, so two names are split across lines.
  const lines = [
    'A Guide To Heliotrope Rash',
    '',
    'The rash on the eyelids is called a heliotrope rash. Bumps on the heliotrope',
    "rash side of the hands are not the same thing: those are called Gottron's",
    'papules, and they sit on the knuckles. Some people are treated with IVIG or',
    'with steroids.',
    '',
    'Raynaud’s phenomenon',
    'Fingers may turn white in the cold, a sign of poor blood flow to the skin.',
  ];
  const text = lines.join('\n');
  const named = (matches: { entry: number; start: number; end: number }[]) => matches.map((m) => `${idOf(m.entry)}:${text.slice(m.start, m.end)}`);

  it('reads the break of a wrapped line as a space, so a name split across two lines is found', () => {
    expect(wrappedLineEnds(lines)).toEqual(new Set([2, 3, 4]));
    const found = named(findMatchesByLine(text, MINI_MATCHER));
    expect(found).toContain("gottrons-papules:Gottron's\npapules");
    expect(found).toContain('heliotrope-rash:heliotrope\nrash');
  });

  it('keeps a heading and the end of a paragraph on lines of their own', () => {
    // "Raynaud’s phenomenon" and the line below it would fit in 72 columns: the break is the heading's.
    expect(named(findMatchesByLine(text, MINI_MATCHER))).toEqual([
      'heliotrope-rash:Heliotrope Rash',
      'heliotrope-rash:heliotrope rash',
      'heliotrope-rash:heliotrope\nrash',
      "gottrons-papules:Gottron's\npapules",
      'intravenous-immunoglobulin:IVIG',
      'corticosteroids:steroids',
      'raynauds-phenomenon:Raynaud’s phenomenon',
    ]);
  });

  it('joins no lines of a text whose lines are whole paragraphs, or of a list of short lines', () => {
    const paragraphs = [
      'Dermatomyositis',
      'It can cause a heliotrope rash on the eyelids and weak muscles in the hips, shoulders and neck, often both at once.',
      'Doctors may treat it with steroids.',
    ];
    expect(wrappedLineEnds(paragraphs)).toEqual(new Set());
    const list = ['Medicines:', 'Azathioprine 50 mg daily', 'Prednisone 10 mg', 'IVIG every month'];
    expect(wrappedLineEnds(list)).toEqual(new Set());
  });
});
