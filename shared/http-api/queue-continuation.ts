/**
 * The `continuation` the queue API hands out: the store's continuation token wrapped with the
 * filter it belongs to, base64url-encoded so that it travels in a query string. A store token only
 * resumes the query that produced it, so a continuation used with another queue or status is
 * refused at the edge (400) instead of reaching the store.
 */
import { z } from 'zod';
import type { QueueViewFilter } from '../store/queue-page';

const EnvelopeSchema = z.strictObject({
  queueId: z.string().optional(),
  status: z.string().optional(),
  token: z.string().min(1),
});

type Filter = Pick<QueueViewFilter, 'queueId'> & { readonly status?: string };

export type ContinuationRead = { readonly ok: true; readonly token: string } | { readonly ok: false; readonly message: string };

export function encodeContinuation(filter: Filter, token: string): string {
  const envelope = { ...(filter.queueId === undefined ? {} : { queueId: filter.queueId }), ...(filter.status === undefined ? {} : { status: filter.status }), token };
  return Buffer.from(JSON.stringify(envelope), 'utf8').toString('base64url');
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function decodeContinuation(continuation: string, filter: Filter): ContinuationRead {
  const envelope = EnvelopeSchema.safeParse(parsedJson(Buffer.from(continuation, 'base64url').toString('utf8')));
  if (!envelope.success) return { ok: false, message: 'is not a continuation this API handed out' };
  if (envelope.data.queueId !== filter.queueId || envelope.data.status !== filter.status) {
    return { ok: false, message: 'belongs to a page with another queue or status' };
  }
  return { ok: true, token: envelope.data.token };
}
