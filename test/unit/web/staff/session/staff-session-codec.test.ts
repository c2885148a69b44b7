import { randomBytes } from 'node:crypto';
import { EncryptJWT } from 'jose';
import type { StaffPrincipal } from '../../../../../shared/auth/staff-token';
import { sealClaims } from '../../../../../shared/web/staff/session/sealed-claims';
import {
  isDueForRenewal,
  openSession,
  renewedSession,
  sealSession,
  sessionExpiry,
  startedSession,
  type SessionLifetimes,
} from '../../../../../shared/web/staff/session/staff-session-codec';

const KEY = new Uint8Array(randomBytes(32));
const OTHER_KEY = new Uint8Array(randomBytes(32));
const LIFETIMES: SessionLifetimes = { idleSeconds: 30 * 60, absoluteSeconds: 12 * 3600 };
const SIGNED_IN = new Date('2026-12-07T09:00:00.000Z');
const MARIA: StaffPrincipal = { id: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', roles: ['engineer'] };

function minutesAfter(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}

async function sealedFor(principal: StaffPrincipal = MARIA, at: Date = SIGNED_IN): Promise<string> {
  return sealSession(startedSession(principal, at), KEY, LIFETIMES);
}

describe('the staff session cookie', () => {
  it('opens to the person, their roles and their CSRF token', async () => {
    const state = startedSession(MARIA, SIGNED_IN);
    const read = await openSession(await sealSession(state, KEY, LIFETIMES), [KEY], minutesAfter(SIGNED_IN, 5), LIFETIMES);
    expect(read).toEqual({ kind: 'valid', state, expiresAt: minutesAfter(SIGNED_IN, 30) });
  });

  it('cannot be read without the key: nothing of the person shows in the cookie', async () => {
    const value = await sealedFor();
    expect(value.split('.')).toHaveLength(5);
    const visible = value
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('latin1'))
      .join(' ');
    for (const secret of ['maria-garcia', 'García', 'engineer', 'css.example']) expect(visible).not.toContain(secret);
  });

  it('is missing when the browser sends none', async () => {
    expect(await openSession(undefined, [KEY], SIGNED_IN, LIFETIMES)).toEqual({ kind: 'missing' });
  });

  it('is forged when sealed with another key', async () => {
    const value = await sealSession(startedSession(MARIA, SIGNED_IN), OTHER_KEY, LIFETIMES);
    expect(await openSession(value, [KEY], SIGNED_IN, LIFETIMES)).toEqual({ kind: 'forged' });
  });

  it('is forged when a single character of it changes', async () => {
    const value = await sealedFor();
    const parts = value.split('.');
    const ciphertext = parts[3] ?? '';
    parts[3] = `${ciphertext.charAt(0) === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;
    expect(await openSession(parts.join('.'), [KEY], SIGNED_IN, LIFETIMES)).toEqual({ kind: 'forged' });
  });

  it('is forged when it is not a sealed value at all, such as a signed JWT or a requester access token', async () => {
    for (const value of ['eyJhbGciOiJub25lIn0.eyJvaWQiOiJ4In0.', 'not-a-cookie', randomBytes(32).toString('base64url')]) {
      expect(await openSession(value, [KEY], SIGNED_IN, LIFETIMES)).toEqual({ kind: 'forged' });
    }
  });

  it('is forged when sealed with the right key for another purpose (the sign-in round trip)', async () => {
    const claims = { oid: 'x', name: 'X', email: 'x@css.example', roles: ['admin'], csrf: 'c'.repeat(43), renewed_at: 0 };
    const value = await sealClaims(claims, 'baton:staff-sign-in', KEY, SIGNED_IN, minutesAfter(SIGNED_IN, 10));
    expect(await openSession(value, [KEY], SIGNED_IN, LIFETIMES)).toEqual({ kind: 'forged' });
  });

  it('is forged when encrypted with the key but another algorithm than dir + A256GCM', async () => {
    const claims = { oid: 'x', name: 'X', email: 'x@css.example', roles: ['admin'], csrf: 'c'.repeat(43), renewed_at: 1, aud: 'baton:staff-session' };
    const value = await new EncryptJWT(claims)
      .setProtectedHeader({ alg: 'A256KW', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .encrypt(KEY);
    expect(await openSession(value, [KEY], new Date(), LIFETIMES)).toEqual({ kind: 'forged' });
  });

  it('expires after the idle time without a request', async () => {
    const value = await sealedFor();
    expect((await openSession(value, [KEY], minutesAfter(SIGNED_IN, 29), LIFETIMES)).kind).toBe('valid');
    expect(await openSession(value, [KEY], minutesAfter(SIGNED_IN, 30), LIFETIMES)).toEqual({ kind: 'expired' });
  });

  it('ends at the absolute maximum however often it was renewed', async () => {
    let state = startedSession(MARIA, SIGNED_IN);
    for (let minute = 20; minute < 12 * 60; minute += 20) state = renewedSession(state, minutesAfter(SIGNED_IN, minute));
    const value = await sealSession(state, KEY, LIFETIMES);
    expect(sessionExpiry(state, LIFETIMES)).toEqual(minutesAfter(SIGNED_IN, 12 * 60));
    expect((await openSession(value, [KEY], minutesAfter(SIGNED_IN, 12 * 60 - 1), LIFETIMES)).kind).toBe('valid');
    expect(await openSession(value, [KEY], minutesAfter(SIGNED_IN, 12 * 60), LIFETIMES)).toEqual({ kind: 'expired' });
  });

  it('ends sessions handed out under longer lifetimes once the lifetimes are shortened', async () => {
    const value = await sealedFor();
    expect(await openSession(value, [KEY], minutesAfter(SIGNED_IN, 20), { idleSeconds: 15 * 60, absoluteSeconds: 3600 })).toEqual({ kind: 'expired' });
  });

  it('gives a role-less person no session', async () => {
    const value = await sealedFor({ ...MARIA, roles: [] });
    expect(await openSession(value, [KEY], SIGNED_IN, LIFETIMES)).toEqual({ kind: 'no-role' });
  });

  it('keeps only the roles Baton knows', async () => {
    const claims = { oid: 'x', name: 'X', email: 'x@css.example', roles: ['Global Administrator', 'tam'], csrf: 'c'.repeat(43), renewed_at: SIGNED_IN.getTime() / 1000 };
    const value = await sealClaims(claims, 'baton:staff-session', KEY, SIGNED_IN, minutesAfter(SIGNED_IN, 30));
    const read = await openSession(value, [KEY], SIGNED_IN, LIFETIMES);
    expect(read.kind === 'valid' && read.state.principal.roles).toEqual(['tam']);
  });

  it('opens with any key of a rotation, the old one included', async () => {
    const value = await sealSession(startedSession(MARIA, SIGNED_IN), OTHER_KEY, LIFETIMES);
    expect((await openSession(value, [KEY, OTHER_KEY], SIGNED_IN, LIFETIMES)).kind).toBe('valid');
  });

  it('gives every session its own CSRF token', () => {
    expect(startedSession(MARIA, SIGNED_IN).csrfToken).not.toBe(startedSession(MARIA, SIGNED_IN).csrfToken);
    expect(startedSession(MARIA, SIGNED_IN).csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('sliding renewal of the staff session', () => {
  const state = startedSession(MARIA, SIGNED_IN);

  it('is not due before half the idle time has passed', () => {
    expect(isDueForRenewal(state, minutesAfter(SIGNED_IN, 14), LIFETIMES)).toBe(false);
  });

  it('is due from half the idle time on', () => {
    expect(isDueForRenewal(state, minutesAfter(SIGNED_IN, 15), LIFETIMES)).toBe(true);
  });

  it('moves the idle end on from the renewal and keeps the CSRF token and the sign-in instant', async () => {
    const renewed = renewedSession(state, minutesAfter(SIGNED_IN, 20));
    expect(renewed).toMatchObject({ csrfToken: state.csrfToken, issuedAt: SIGNED_IN });
    const value = await sealSession(renewed, KEY, LIFETIMES);
    const read = await openSession(value, [KEY], minutesAfter(SIGNED_IN, 45), LIFETIMES);
    expect(read).toEqual({ kind: 'valid', state: renewed, expiresAt: minutesAfter(SIGNED_IN, 50) });
  });

  it('is still due when renewing moves the end up to the absolute maximum', () => {
    const late = renewedSession(state, minutesAfter(SIGNED_IN, 12 * 60 - 40));
    expect(isDueForRenewal(late, minutesAfter(SIGNED_IN, 12 * 60 - 20), LIFETIMES)).toBe(true);
  });

  it('is no longer due once the session already ends at the absolute maximum', () => {
    const late = renewedSession(state, minutesAfter(SIGNED_IN, 12 * 60 - 25));
    expect(sessionExpiry(late, LIFETIMES)).toEqual(minutesAfter(SIGNED_IN, 12 * 60));
    expect(isDueForRenewal(late, minutesAfter(SIGNED_IN, 12 * 60 - 10), LIFETIMES)).toBe(false);
  });
});

