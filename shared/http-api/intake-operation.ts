/**
 * The intake operation as the API catalogue describes it. The request body is the domain's own
 * intake schema (web form or chat transcript), so the document shows exactly what intake parses,
 * and the Idempotency-Key header is the schema the handler checks the key with.
 */
import { z } from 'zod';
import { IntakeSchema } from '../domain/intake/intake';
import { IntakeAnswerSchema } from '../intake/intake-answer';
import { IdempotencyKeySchema } from '../store/idempotency-record';
import type { ApiOperation } from './api-operation';

/** The header that makes a retry safe; the handler reads the key the document describes. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export const INTAKE_OPERATION: ApiOperation = {
  operationId: 'intake',
  method: 'POST',
  path: '/api/tickets',
  summary: 'Open a ticket (the web form posts here). Send an Idempotency-Key header to make retries safe; a browser form post is answered 303 to the status page.',
  tag: 'intake',
  credential: 'none',
  headers: z.object({
    [IDEMPOTENCY_KEY_HEADER]: IdempotencyKeySchema.optional().meta({ description: 'Any unique string per submission; a retry with the same key returns the same ticket.' }),
  }),
  body: { schema: IntakeSchema, required: true, formToo: true },
  success: { status: 202, description: 'The ticket is stored; its lifecycle has started.', schema: IntakeAnswerSchema.meta({ id: 'IntakeAnswer' }) },
  problems: [400, 413, 415, 422, 429, 503],
};
