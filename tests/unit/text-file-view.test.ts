import { describe, expect, it } from 'vitest';
import { type NearStretch, stillCovers } from '../../src/page/text-file-view';

/** A stretch read with the viewport (800 px tall) showing characters 50,000–54,000 of a 1,000,000-character file, a screen either side. */
const middle: NearStretch = { from: 46_000, to: 58_000, top: 50_000, bottom: 54_000, length: 1_000_000, scrollY: 10_000 };

describe('stillCovers', () => {
  it('holds where the stretch was read, and while under half a screen has been scrolled either way', () => {
    expect(stillCovers(middle, 10_000, 800)).toBe(true);
    expect(stillCovers(middle, 10_000 + 390, 800)).toBe(true);
    expect(stillCovers(middle, 10_000 - 390, 800)).toBe(true);
  });

  it('fails once less than half a screen of the stretch is left beyond the viewport', () => {
    expect(stillCovers(middle, 10_000 + 410, 800)).toBe(false);
    expect(stillCovers(middle, 10_000 - 410, 800)).toBe(false);
    expect(stillCovers(middle, 10_000 + 8_000, 800)).toBe(false);
  });

  it("holds towards the file's start or end when the stretch already reaches it", () => {
    const top: NearStretch = { from: 0, to: 8_000, top: 0, bottom: 4_000, length: 1_000_000, scrollY: 0 };
    expect(stillCovers(top, 0, 800)).toBe(true);
    expect(stillCovers(top, 410, 800)).toBe(false);
    const end: NearStretch = { from: 992_000, to: 1_000_000, top: 996_000, bottom: 1_000_000, length: 1_000_000, scrollY: 200_000 };
    expect(stillCovers(end, 200_000 + 2_000, 800)).toBe(true);
    expect(stillCovers(end, 200_000 - 410, 800)).toBe(false);
  });

  it('reads again a stretch that showed no text', () => {
    expect(stillCovers({ ...middle, bottom: middle.top }, 10_000, 800)).toBe(false);
  });
});
