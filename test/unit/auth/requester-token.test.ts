import * as crypto from 'node:crypto';
import fc from 'fast-check';
import {
  hashRequesterToken,
  issueRequesterToken,
  REQUESTER_TOKEN_BYTES,
  verifyRequesterToken,
} from '../../../shared/auth/requester-token';

// Wraps the real comparison so a test can see it is used on every path.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const fixedBytes = (fill: number) => (size: number) => new Uint8Array(size).fill(fill);

describe('requester access tokens', () => {
  it('are 32 random bytes in base64url', () => {
    const { token } = issueRequesterToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(REQUESTER_TOKEN_BYTES);
  });

  it('differ from one issue to the next with the real random source', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => issueRequesterToken().token));
    expect(tokens.size).toBe(50);
  });

  it('come from the injected random source', () => {
    const issued = issueRequesterToken(fixedBytes(7));
    expect(issued.token).toBe(Buffer.alloc(32, 7).toString('base64url'));
    expect(issueRequesterToken(fixedBytes(7))).toEqual(issued);
  });

  it('are stored only as their SHA-256 hash', () => {
    const { token, tokenHash } = issueRequesterToken();
    expect(tokenHash).not.toContain(token);
    expect(tokenHash).toBe(crypto.createHash('sha256').update(token).digest('base64url'));
    expect(hashRequesterToken(token)).toBe(tokenHash);
  });

  it('refuse a random source that returns the wrong number of bytes', () => {
    expect(() => issueRequesterToken(() => new Uint8Array(16))).toThrow(/16 bytes/);
  });

  it('verify the token they were issued as', () => {
    const { token, tokenHash } = issueRequesterToken();
    expect(verifyRequesterToken(token, tokenHash)).toBe(true);
  });

  it('reject another ticket’s token, a one-character change, and absent or odd input', () => {
    const mine = issueRequesterToken();
    const theirs = issueRequesterToken();
    const flipped = `${mine.token.slice(0, -1)}${mine.token.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyRequesterToken(theirs.token, mine.tokenHash)).toBe(false);
    expect(verifyRequesterToken(flipped, mine.tokenHash)).toBe(false);
    for (const presented of [undefined, null, '', ' ', mine.tokenHash, `${mine.token} `, `${mine.token}=`]) {
      expect(verifyRequesterToken(presented, mine.tokenHash)).toBe(false);
    }
  });

  it('reject everything against a damaged stored hash', () => {
    const { token } = issueRequesterToken();
    expect(verifyRequesterToken(token, '')).toBe(false);
    expect(verifyRequesterToken(token, 'not a hash')).toBe(false);
  });

  it('compare in constant time, including for a malformed guess', () => {
    const compare = jest.mocked(crypto.timingSafeEqual);
    const { token, tokenHash } = issueRequesterToken();
    compare.mockClear();
    verifyRequesterToken('x'.repeat(43), tokenHash);
    verifyRequesterToken('short', tokenHash);
    verifyRequesterToken(token, tokenHash);
    expect(compare).toHaveBeenCalledTimes(3);
  });

  it('accept no string but the original, whatever is tried', () => {
    const { token, tokenHash } = issueRequesterToken();
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (guess) => {
        expect(verifyRequesterToken(guess, tokenHash)).toBe(guess === token);
      }),
    );
  });
});
