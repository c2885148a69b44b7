/**
 * Authenticates staff calls: the bearer JWT is verified with `jose` against the configured issuer,
 * audience and published keys (Entra ID in Azure, the dev issuer locally). The key set is fetched
 * once per process and cached by jose, which refetches on an unknown key id (key rollover).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { createRemoteJWKSet } from 'jose';
import { verifyStaffToken, type StaffPrincipal, type StaffTokenPolicy } from '../auth/staff-token';
import { systemClock } from '../clock';
import { appConfig } from '../config';
import { problemForStaffTokenRejection } from '../http-edge/staff-auth-problem';

export type StaffAuthentication =
  | { readonly kind: 'staff'; readonly principal: StaffPrincipal }
  | { readonly kind: 'refused'; readonly response: HttpResponseInit };

/** A slow identity provider must not hold a request for long: the caller gets 503 and retries. */
const KEY_FETCH_TIMEOUT_MS = 3_000;

let processPolicy: StaffTokenPolicy | undefined;

export function configuredStaffTokenPolicy(): StaffTokenPolicy {
  if (processPolicy === undefined) {
    const { issuer, audience, jwksUri } = appConfig().staffTokens;
    processPolicy = {
      issuer,
      audience,
      keys: createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: KEY_FETCH_TIMEOUT_MS }),
      clock: systemClock,
    };
  }
  return processPolicy;
}

export async function authenticateStaff(
  request: Pick<HttpRequest, 'headers'>,
  instance: string,
  policy: StaffTokenPolicy = configuredStaffTokenPolicy(),
): Promise<StaffAuthentication> {
  const check = await verifyStaffToken(request.headers.get('authorization'), policy);
  if (check.kind === 'verified') return { kind: 'staff', principal: check.principal };
  return { kind: 'refused', response: problemForStaffTokenRejection(check, { instance }) };
}
