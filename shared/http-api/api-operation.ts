/**
 * What the API catalogue says of one operation: its route, credential, parameters, body and
 * answers, as zod schemas. Its own module so that an operation can be described beside its
 * handler, and the catalogue (api-operations.ts) lists them all.
 */
import type { z } from 'zod';

export type ApiCredential = 'requester' | 'staff' | 'vendor-signature' | 'none';

export interface ApiOperation {
  /** Also the Azure Functions function name. */
  readonly operationId: string;
  readonly method: 'GET' | 'POST';
  /** OpenAPI path template, e.g. `/api/tickets/{ticketNumber}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: 'intake' | 'chat' | 'requester' | 'staff' | 'vendor' | 'meta';
  readonly credential: ApiCredential;
  readonly pathParameters?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly headers?: z.ZodObject;
  /** `multipart`: files in `multipart/form-data`, the only body type the operation reads. */
  readonly body?: { readonly schema: z.ZodType; readonly required: boolean; readonly formToo: boolean; readonly multipart?: boolean };
  /** `mediaType`: what the answer is when it is not JSON (a downloaded file). */
  readonly success: { readonly status: 200 | 202; readonly description: string; readonly schema: z.ZodType; readonly mediaType?: string };
  /** The problem statuses the operation can answer besides 500 (which every operation may). */
  readonly problems: readonly number[];
}
