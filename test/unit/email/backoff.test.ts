import fc from 'fast-check';
import { exponentialBackoff } from '../../../shared/email/backoff';

describe('delivery backoff', () => {
  it('doubles with each failed attempt while the jitter is pinned', () => {
    const lowest = exponentialBackoff({ baseMs: 1_000, maxMs: 1_000_000, random: () => 0 });
    expect([1, 2, 3, 4].map(lowest)).toEqual([500, 1_000, 2_000, 4_000]);
    const highest = exponentialBackoff({ baseMs: 1_000, maxMs: 1_000_000, random: () => 0.999_999 });
    expect([1, 2, 3].map(highest)).toEqual([1_000, 2_000, 4_000]);
  });

  it('stops growing at the cap', () => {
    const backoff = exponentialBackoff({ baseMs: 1_000, maxMs: 8_000, random: () => 0.5 });
    expect(backoff(10)).toBe(6_000);
    expect(backoff(1_000)).toBe(6_000);
  });

  it('stays between half and all of the exponential step, for any random draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, draw) => {
        const delay = exponentialBackoff({ baseMs: 30_000, maxMs: 3_600_000, random: () => draw })(attempts);
        const step = Math.min(3_600_000, 30_000 * 2 ** (attempts - 1));
        expect(delay).toBeGreaterThanOrEqual(step / 2 - 1);
        expect(delay).toBeLessThanOrEqual(step);
      }),
    );
  });

  it('spreads messages that failed together', () => {
    const backoff = exponentialBackoff();
    const delays = new Set(Array.from({ length: 20 }, () => backoff(3)));
    expect(delays.size).toBeGreaterThan(1);
  });
});
