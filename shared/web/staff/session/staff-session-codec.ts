/**
 * The staff session as the browser holds it: stateless, sealed (see sealed-claims.ts), carrying who
 * the person is (the identity provider's `oid`, name, roles), the CSRF token of their forms, and
 * when the session began and was last renewed. It ends after a short idle time unless renewed, and
 * at an absolute maximum whatever happens, so a stolen cookie is worth little for long.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { StaffRoleSchema, type StaffPrincipal, type StaffRole } from '../../../auth/staff-token';
import { openClaims, sealClaims } from './sealed-claims';

export interface SessionLifetimes {
  /** Without a request for this long, the session ends. */
  readonly idleSeconds: number;
  /** However busy the person is, the session ends this long after sign-in. */
  readonly absoluteSeconds: number;
}

export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = { idleSeconds: 30 * 60, absoluteSeconds: 12 * 3600 };

const CSRF_TOKEN_BYTES = 32;

export interface StaffSessionState {
  readonly principal: StaffPrincipal;
  readonly csrfToken: string;
  readonly issuedAt: Date;
  readonly renewedAt: Date;
}

export type SessionRead =
  | { readonly kind: 'valid'; readonly state: StaffSessionState; readonly expiresAt: Date }
  | { readonly kind: 'missing' | 'forged' | 'expired' | 'no-role' };

const SessionClaimsSchema = z.object({
  oid: z.string().min(1),
  name: z.string().min(1),
  email: z.string().min(1),
  roles: z.array(z.string()),
  csrf: z.string().min(CSRF_TOKEN_BYTES),
  iat: z.number().int(),
  renewed_at: z.number().int(),
});

export function newCsrfToken(): string {
  return randomBytes(CSRF_TOKEN_BYTES).toString('base64url');
}

/** A fresh session for a person who has just signed in. */
export function startedSession(principal: StaffPrincipal, now: Date): StaffSessionState {
  return { principal, csrfToken: newCsrfToken(), issuedAt: now, renewedAt: now };
}

export function sessionExpiry(state: Pick<StaffSessionState, 'issuedAt' | 'renewedAt'>, lifetimes: SessionLifetimes): Date {
  const idleEnd = state.renewedAt.getTime() + lifetimes.idleSeconds * 1000;
  const absoluteEnd = state.issuedAt.getTime() + lifetimes.absoluteSeconds * 1000;
  return new Date(Math.min(idleEnd, absoluteEnd));
}

/** Past half its idle time a used session is renewed, unless renewing could not move its end any more. */
export function isDueForRenewal(state: StaffSessionState, now: Date, lifetimes: SessionLifetimes): boolean {
  const halfIdle = (lifetimes.idleSeconds * 1000) / 2;
  const absoluteEnd = state.issuedAt.getTime() + lifetimes.absoluteSeconds * 1000;
  return now.getTime() - state.renewedAt.getTime() >= halfIdle && sessionExpiry(state, lifetimes).getTime() < absoluteEnd;
}

export function renewedSession(state: StaffSessionState, now: Date): StaffSessionState {
  return { ...state, renewedAt: now };
}

export async function sealSession(state: StaffSessionState, key: Uint8Array, lifetimes: SessionLifetimes): Promise<string> {
  const { principal } = state;
  const claims = {
    oid: principal.id,
    name: principal.name,
    email: principal.email,
    roles: principal.roles,
    csrf: state.csrfToken,
    renewed_at: Math.floor(state.renewedAt.getTime() / 1000),
  };
  return sealClaims(claims, 'baton:staff-session', key, state.issuedAt, sessionExpiry(state, lifetimes));
}

/** The roles Baton knows among those an identity provider names, each once; the rest are ignored. */
export function staffRolesOf(values: readonly string[]): StaffRole[] {
  return [...new Set(values.flatMap((value) => {
    const role = StaffRoleSchema.safeParse(value);
    return role.success ? [role.data] : [];
  }))];
}

export async function openSession(
  value: string | undefined,
  keys: readonly Uint8Array[],
  now: Date,
  lifetimes: SessionLifetimes,
): Promise<SessionRead> {
  if (value === undefined) return { kind: 'missing' };
  const opened = await openClaims(value, 'baton:staff-session', keys, now);
  if (opened.kind !== 'opened') return { kind: opened.kind };
  const claims = SessionClaimsSchema.safeParse(opened.payload);
  if (!claims.success) return { kind: 'forged' };
  const { oid, name, email, roles, csrf, iat, renewed_at: renewedAt } = claims.data;
  const state = { csrfToken: csrf, issuedAt: new Date(iat * 1000), renewedAt: new Date(renewedAt * 1000) };
  // The sealed expiry already holds both limits; checking them against today's lifetimes as well
  // ends sessions handed out under longer ones as soon as the lifetimes are shortened.
  const expiresAt = sessionExpiry(state, lifetimes);
  if (expiresAt.getTime() <= now.getTime()) return { kind: 'expired' };
  const staffRoles = staffRolesOf(roles);
  if (staffRoles.length === 0) return { kind: 'no-role' };
  return { kind: 'valid', state: { ...state, principal: { id: oid, name, email, roles: staffRoles } }, expiresAt };
}
