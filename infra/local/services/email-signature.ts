/**
 * Verifies ACS HMAC-SHA256 request signing as `@azure/communication-common` produces it: the body
 * hash in `x-ms-content-sha256`, and a signature over verb, path and query, date, host and hash
 * keyed with the base64-decoded access key.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The real service refuses requests whose `x-ms-date` is further than this from its clock. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export type SignatureCheck = { readonly valid: true } | { readonly valid: false; readonly reason: string };

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function sameBase64(a: string, b: string): boolean {
  const left = Buffer.from(a, 'base64');
  const right = Buffer.from(b, 'base64');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** `HMAC-SHA256 SignedHeaders=a;b&Signature=xyz` → its two parameters. */
function parseAuthorization(value: string): { signedHeaders: string; signature: string } | undefined {
  const prefix = 'HMAC-SHA256 ';
  if (!value.startsWith(prefix)) return undefined;
  const parameters = new Map<string, string>();
  for (const part of value.slice(prefix.length).split('&')) {
    const equals = part.indexOf('=');
    if (equals > 0) parameters.set(part.slice(0, equals), part.slice(equals + 1));
  }
  const signedHeaders = parameters.get('SignedHeaders');
  const signature = parameters.get('Signature');
  return signedHeaders && signature ? { signedHeaders, signature } : undefined;
}

export function verifyAcsSignature(
  req: IncomingMessage,
  body: Buffer,
  accessKey: string,
  nowMs: number = Date.now(),
): SignatureCheck {
  const authorization = parseAuthorization(header(req, 'authorization') ?? '');
  const date = header(req, 'x-ms-date');
  const contentHash = header(req, 'x-ms-content-sha256');
  const host = header(req, 'host');
  if (!authorization || !date || !contentHash || !host) return { valid: false, reason: 'missing signing headers' };
  if (authorization.signedHeaders.toLowerCase() !== 'x-ms-date;host;x-ms-content-sha256') {
    return { valid: false, reason: 'unexpected SignedHeaders' };
  }
  const signedAt = Date.parse(date);
  if (Number.isNaN(signedAt) || Math.abs(nowMs - signedAt) > MAX_CLOCK_SKEW_MS) {
    return { valid: false, reason: 'x-ms-date missing or too far from now' };
  }
  if (!sameBase64(createHash('sha256').update(body).digest('base64'), contentHash)) {
    return { valid: false, reason: 'content hash does not match the body' };
  }
  // Rebuild path and query the way the client did: URLSearchParams normalises the encoding.
  const url = new URL(req.url ?? '/', `http://${host}`);
  const query = url.searchParams.toString();
  const pathAndQuery = query ? `${url.pathname}?${query}` : url.pathname;
  const stringToSign = `${(req.method ?? '').toUpperCase()}\n${pathAndQuery}\n${date};${host};${contentHash}`;
  const expected = createHmac('sha256', Buffer.from(accessKey, 'base64')).update(stringToSign, 'utf8').digest('base64');
  return sameBase64(expected, authorization.signature)
    ? { valid: true }
    : { valid: false, reason: 'signature does not match' };
}
