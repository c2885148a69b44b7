/**
 * Signing of vendor callbacks. Header `x-vendor-signature: t=<unix seconds>,v1=<hex>` where
 * `v1 = HMAC-SHA256(secret, "<t>.<raw request body>")`. The timestamp inside the signed text makes
 * a captured delivery useless after the tolerance window; several `v1` entries (or secrets) allow a
 * secret to be rotated without dropping deliveries.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { VendorCallbackEventSchema, type VendorCallbackEvent } from './vendor-schemas';

export const VENDOR_SIGNATURE_HEADER = 'x-vendor-signature';
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

export type VendorCallbackRejection =
  | 'missing-signature'
  | 'malformed-signature'
  | 'stale-timestamp'
  | 'bad-signature'
  | 'invalid-payload';

export type VendorCallbackVerification =
  | { readonly ok: true; readonly event: VendorCallbackEvent }
  | { readonly ok: false; readonly reason: VendorCallbackRejection };

function digest(secret: string, timestamp: string, rawBody: string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest();
}

/** The header value for `rawBody`, signed at `nowMs`. */
export function signVendorCallback(rawBody: string, secret: string, nowMs: number): string {
  const timestamp = String(Math.floor(nowMs / 1000));
  return `t=${timestamp},v1=${digest(secret, timestamp, rawBody).toString('hex')}`;
}

function parseHeader(header: string): { timestamp: string; signatures: Buffer[] } | undefined {
  let timestamp: string | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value !== undefined && /^\d+$/.test(value)) timestamp = value;
    if (key === 'v1' && value !== undefined && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  return timestamp !== undefined && signatures.length > 0 ? { timestamp, signatures } : undefined;
}

export interface VendorCallbackToVerify {
  /** The request body exactly as received (before any JSON parsing). */
  readonly rawBody: string;
  /** The `x-vendor-signature` header, if present. */
  readonly signatureHeader: string | null | undefined;
  /** The shared secret, or several while one is being rotated. */
  readonly secret: string | readonly string[];
  /** The receiver's clock reading (the app passes its `Clock`'s now). */
  readonly now: Date;
  readonly toleranceSeconds?: number;
}

/** Checks signature and freshness, then parses the event; never throws for bad input. */
export function verifyVendorCallback(input: VendorCallbackToVerify): VendorCallbackVerification {
  if (!input.signatureHeader) return { ok: false, reason: 'missing-signature' };
  const parsed = parseHeader(input.signatureHeader);
  if (!parsed) return { ok: false, reason: 'malformed-signature' };
  const tolerance = input.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(input.now.getTime() / 1000 - Number(parsed.timestamp)) > tolerance) {
    return { ok: false, reason: 'stale-timestamp' };
  }
  const secrets = typeof input.secret === 'string' ? [input.secret] : input.secret;
  const matches = secrets.some((secret) => {
    const expected = digest(secret, parsed.timestamp, input.rawBody);
    return parsed.signatures.some((signature) => timingSafeEqual(signature, expected));
  });
  if (!matches) return { ok: false, reason: 'bad-signature' };
  let json: unknown;
  try {
    json = JSON.parse(input.rawBody) as unknown;
  } catch {
    return { ok: false, reason: 'invalid-payload' };
  }
  const event = VendorCallbackEventSchema.safeParse(json);
  return event.success ? { ok: true, event: event.data } : { ok: false, reason: 'invalid-payload' };
}
