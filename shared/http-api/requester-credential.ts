/**
 * Finds the requester's per-ticket access token on a request: `Authorization: Bearer <token>` for
 * API clients, `?access=<token>` for the links in emails and the web form (which cannot set
 * headers). The header wins when both are present, so a copied link cannot override a client.
 */
import type { HttpRequest } from '@azure/functions';

export const ACCESS_QUERY_PARAMETER = 'access';

/** Longer than any token Baton issues; anything bigger is refused before it is hashed. */
const MAX_PRESENTED_LENGTH = 512;

export type PresentedRequesterToken = { readonly kind: 'presented'; readonly token: string } | { readonly kind: 'absent' };

export function presentedRequesterToken(request: Pick<HttpRequest, 'headers' | 'query'>): PresentedRequesterToken {
  const fromHeader = bearerValue(request.headers.get('authorization'));
  const candidate = fromHeader ?? nonBlank(request.query.get(ACCESS_QUERY_PARAMETER));
  if (candidate === undefined) return { kind: 'absent' };
  // An oversized value is still "a token was presented": it answers like a wrong one.
  return { kind: 'presented', token: candidate.slice(0, MAX_PRESENTED_LENGTH + 1) };
}

function bearerValue(authorization: string | null): string | undefined {
  if (authorization === null) return undefined;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1] ?? nonBlank(authorization);
}

function nonBlank(value: string | null): string | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
