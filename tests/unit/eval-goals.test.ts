import { beforeAll, describe, expect, it } from 'vitest';
import { type PageHits, checkCorpus, developmentTexts, ordinaryPageHits, scoreTexts } from '../eval/score';

/**
 * Issue 4's goals, held by the test suite so that a glossary entry or a matcher rule cannot lower
 * them unnoticed (`npm run eval` prints the details: misses, wrong hits, the held-out set).
 */

/** Pages of ../shared/corpus/pages that are about health: many hits there are expected. */
const HEALTH_PAGES = new Set(['medicalnewstoday.html', 'postlight-clinicaltrials.gov.html', 'webmd-1.html']);

/**
 * Every hit ever seen on the other pages, reviewed by hand in its sentence. A new hit fails the
 * test until someone reads it and adds it here as right or wrong. (nytimes-5.html and folha.html
 * are marked as Spanish and Portuguese, and are left alone.)
 */
const REVIEWED: Record<string, Record<string, 'right' | 'wrong'>> = {
  'buzzfeed-1.html': { metabolism: 'right' }, // "boost your metabolism"
  'lifehacker-post-comment-load.html': { hernia: 'right' }, // "a testament to my UPS guy's hernia"
  'telegraph.html': { 'kidney disease': 'right', acute: 'wrong' }, // "So acute that you could feel the verrucas"
  'wikipedia-2.html': { 'ischaemic heart disease': 'right' },
  'yahoo-2.html': { oncology: 'right' }, // "Oncology Nurse Diagnosed with Cancer Writes Apology Letter"
};

describe('quality on real text (issue 4 goals)', () => {
  let pages: PageHits[];

  beforeAll(() => {
    checkCorpus();
    pages = ordinaryPageHits().filter((page) => !HEALTH_PAGES.has(page.file));
  });

  it('finds at least 90 % of the labelled terms of the development set, with at least 97 % of its hits right', () => {
    const score = scoreTexts(developmentTexts());
    expect(score.goldTotal).toBeGreaterThan(600);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.precision).toBeGreaterThanOrEqual(0.97);
  });

  it('underlines only reviewed words on ordinary pages', () => {
    const unreviewed = pages.flatMap((page) =>
      page.hits
        .map((hit) => hit.toLowerCase())
        .filter((hit) => !REVIEWED[page.file]?.[hit])
        .map((hit) => `${page.file}: ${hit}`),
    );
    expect(unreviewed).toEqual([]);
  });

  it('makes at most one wrong hit per 10,000 words of ordinary pages', () => {
    const words = pages.reduce((n, page) => n + page.words, 0);
    const wrong = pages.reduce((n, page) => n + page.hits.filter((hit) => REVIEWED[page.file]?.[hit.toLowerCase()] === 'wrong').length, 0);
    expect(words).toBeGreaterThan(50_000);
    expect((wrong / words) * 10_000).toBeLessThanOrEqual(1);
  });
});
