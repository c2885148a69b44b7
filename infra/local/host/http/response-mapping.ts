/**
 * Writes the worker's HTTP response (status, headers, cookies, body bytes) to the client, as the
 * Functions host does. A function that returns nothing answers 204 No Content.
 */
import type { FastifyReply } from 'fastify';
import type { RpcHttpCookie, RpcHttpData, RpcTypedData } from '../core-api-types';

/** Headers the server computes itself; copying them from the worker would corrupt the response. */
const MANAGED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

function cookieExpiry(cookie: RpcHttpCookie): Date | undefined {
  const timestamp = cookie.expires?.value;
  if (!timestamp) return undefined;
  const seconds = Number(timestamp.seconds ?? 0);
  const nanos = Number(timestamp.nanos ?? 0);
  return new Date(seconds * 1000 + Math.floor(nanos / 1e6));
}

/** RFC 6265 Set-Cookie text for one cookie the function set. */
export function serialiseCookie(cookie: RpcHttpCookie): string {
  const parts = [`${cookie.name ?? ''}=${cookie.value ?? ''}`];
  if (cookie.domain?.value) parts.push(`Domain=${cookie.domain.value}`);
  if (cookie.path?.value) parts.push(`Path=${cookie.path.value}`);
  const expires = cookieExpiry(cookie);
  if (expires) parts.push(`Expires=${expires.toUTCString()}`);
  const maxAge = cookie.maxAge?.value;
  if (maxAge !== undefined && maxAge !== null) parts.push(`Max-Age=${Math.trunc(maxAge)}`);
  if (cookie.secure?.value) parts.push('Secure');
  if (cookie.httpOnly?.value) parts.push('HttpOnly');
  // `none` is the protocol's "not set"; `explicitNone` is SameSite=None.
  if (cookie.sameSite === 'lax') parts.push('SameSite=Lax');
  if (cookie.sameSite === 'strict') parts.push('SameSite=Strict');
  if (cookie.sameSite === 'explicitNone') parts.push('SameSite=None');
  return parts.join('; ');
}

function bodyBytes(body: RpcTypedData | null | undefined): Buffer | undefined {
  if (!body) return undefined;
  if (body.bytes) return Buffer.from(body.bytes);
  if (body.stream) return Buffer.from(body.stream);
  if (typeof body.string === 'string') return Buffer.from(body.string, 'utf8');
  if (typeof body.json === 'string') return Buffer.from(body.json, 'utf8');
  return undefined;
}

export function sendRpcHttpResponse(reply: FastifyReply, http: RpcHttpData | undefined): FastifyReply {
  if (!http) return reply.code(204).send();
  const status = Number(http.statusCode ?? '200');
  reply.code(Number.isInteger(status) && status >= 100 && status <= 599 ? status : 200);
  const setCookies: string[] = [];
  for (const [name, value] of Object.entries(http.headers ?? {})) {
    const lower = name.toLowerCase();
    if (MANAGED_HEADERS.has(lower)) continue;
    if (lower === 'set-cookie') setCookies.push(value);
    else reply.header(name, value);
  }
  for (const cookie of http.cookies ?? []) setCookies.push(serialiseCookie(cookie));
  if (setCookies.length > 0) reply.header('set-cookie', setCookies);
  const body = bodyBytes(http.body);
  if (status === 204 || status === 304 || !body || body.length === 0) return reply.send();
  return reply.send(body);
}
