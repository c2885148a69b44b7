import fc from 'fast-check';
import {
  backoffDelayMs,
  decideRetry,
  DEFAULT_VENDOR_RETRY_POLICY,
  isTransientStatus,
  parseRetryAfter,
  type VendorRetryPolicy,
} from '../../../shared/vendor';

const policy: VendorRetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 10_000 };

describe('vendor retry policy', () => {
  it('treats throttling and gateway errors as transient, and client errors as final', () => {
    expect([429, 502, 503, 504].every(isTransientStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 500].some(isTransientStatus)).toBe(false);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('keeps every backoff within the doubling, capped ceiling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, r) => {
        const delay = backoffDelayMs(retry, policy, () => r);
        const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
        return delay >= 0 && delay <= ceiling;
      }),
    );
  });

  it('spreads concurrent retries with jitter instead of synchronising them', () => {
    expect(backoffDelayMs(3, policy, () => 0.1)).toBe(40);
    expect(backoffDelayMs(3, policy, () => 0.9)).toBe(360);
  });

  it('waits exactly as long as Retry-After says', () => {
    expect(decideRetry(1, 2_500, policy, () => 0.5)).toEqual({ retry: true, delayMs: 2_500 });
  });

  it('gives up, handing the hint back, when Retry-After exceeds what an activity should wait', () => {
    expect(decideRetry(1, 60_000, policy, () => 0.5)).toEqual({ retry: false, retryAfterMs: 60_000 });
  });

  it('stops after the last allowed attempt', () => {
    expect(decideRetry(5, undefined, policy, () => 0.5)).toEqual({ retry: false, retryAfterMs: undefined });
    expect(decideRetry(4, undefined, policy, () => 0.5)).toEqual({ retry: true, delayMs: 400 });
  });

  it('allows a few attempts by default', () => {
    expect(DEFAULT_VENDOR_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
  });
});
