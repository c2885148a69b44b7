/**
 * The vendor's callback as the API catalogue describes it: the body is the vendor event schema the
 * callback verifies against, and the credential is the HMAC signature header (no key, no token).
 */
import { z } from 'zod';
import { VENDOR_SIGNATURE_HEADER } from '../vendor/vendor-callback-signature';
import { VendorCallbackEventSchema } from '../vendor/vendor-schemas';
import type { ApiOperation } from './api-operation';

export const VendorCallbackAnswerSchema = z
  .object({ outcome: z.enum(['applied', 'already-known', 'unknown-case']) })
  .meta({ id: 'VendorCallbackAnswer', description: 'What Baton did with a verified delivery; 200 either way, so the vendor stops retrying.' });

export const VENDOR_CALLBACK_OPERATION: ApiOperation = {
  operationId: 'vendorCallback',
  method: 'POST',
  path: '/api/vendor/callback',
  summary: 'The upstream vendor tells Baton that one of its escalated cases changed (signed with HMAC-SHA256).',
  tag: 'vendor',
  credential: 'vendor-signature',
  headers: z.object({
    [VENDOR_SIGNATURE_HEADER]: z.string().meta({ description: '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.' }),
  }),
  body: { schema: VendorCallbackEventSchema.meta({ id: 'VendorCallbackEvent' }), required: true, formToo: false },
  success: { status: 200, description: 'The delivery was verified and handled.', schema: VendorCallbackAnswerSchema },
  problems: [400, 401, 413, 503],
};
