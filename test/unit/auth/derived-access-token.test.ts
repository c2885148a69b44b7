/** Requester tokens derived from the ticket number under the access secret. */
import { deriveRequesterToken, hashRequesterToken, verifyRequesterToken } from '../../../shared/auth/requester-token';

const SECRET = Buffer.alloc(32, 7);

describe('a derived requester token', () => {
  it('is the same every time for the same ticket and version, and verifies against its stored hash', () => {
    const first = deriveRequesterToken(SECRET, 'BTN-261123-7K2QX', 1);
    const again = deriveRequesterToken(SECRET, 'BTN-261123-7K2QX', 1);
    expect(again).toEqual(first);
    expect(first.tokenHash).toBe(hashRequesterToken(first.token));
    expect(verifyRequesterToken(first.token, first.tokenHash)).toBe(true);
  });

  it('differs for another ticket, another version or another secret, and none opens the other’s ticket', () => {
    const base = deriveRequesterToken(SECRET, 'BTN-261123-7K2QX', 1);
    const others = [
      deriveRequesterToken(SECRET, 'BTN-261123-7K2QY', 1),
      deriveRequesterToken(SECRET, 'BTN-261123-7K2QX', 2),
      deriveRequesterToken(Buffer.alloc(32, 8), 'BTN-261123-7K2QX', 1),
    ];
    for (const other of others) {
      expect(other.token).not.toBe(base.token);
      expect(verifyRequesterToken(other.token, base.tokenHash)).toBe(false);
    }
  });

  it('refuses a secret shorter than the token itself', () => {
    expect(() => deriveRequesterToken(Buffer.alloc(16), 'BTN-261123-7K2QX', 1)).toThrow(/at least 32 bytes/);
  });
});
