/**
 * Puts a message in the outbox, exactly once per message id: a repeated enqueue (a retried
 * activity, a replayed command) finds the id taken and changes nothing. A message about to be sent
 * at once is created already claimed (its first attempt counted, the timer kept off it for a
 * lease), so sending it costs one more write, to record the outcome, and no claim of its own.
 */
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import type { Clock } from '../clock';
import { createIfAbsent } from '../store/create-if-absent';
import type { StoreFailure } from '../store/store-failure';
import { OutboxDraftSchema, TeamsOutboxDraftSchema, type OutboxDraft, type OutboxMessage, type TeamsOutboxDraft } from './outbox-message';

export type Enqueued =
  /** With the ETag of the create, so the outcome of a prompt send is recorded without a read. */
  | { readonly kind: 'enqueued'; readonly message: OutboxMessage; readonly etag: string }
  | { readonly kind: 'already-enqueued' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

export interface EnqueueOptions {
  /** Create the message claimed for a send starting now, kept from other deliverers this long. */
  readonly claimedForMs?: number;
}

/**
 * A card's payload is JSON by its type (`workflowMessageFor` builds it): checking it value by value
 * cost more than the rest of a lifecycle turn's parsing, so only what addresses the card is checked.
 */
const TeamsDraftAddressingSchema = TeamsOutboxDraftSchema.omit({ payload: true });

type CheckedDraft = { readonly ok: true; readonly draft: OutboxDraft | TeamsOutboxDraft } | { readonly ok: false; readonly reason: string };

/** The draft as the outbox keeps it, or why it can never be sent (an email's bad address, say). */
function checkedDraft(draft: OutboxDraft | TeamsOutboxDraft): CheckedDraft {
  // By its channel, not a union that tries the card's schema on every email first.
  if (draft.channel === 'teams') {
    const addressing = TeamsDraftAddressingSchema.safeParse(draft);
    return addressing.success ? { ok: true, draft: { ...addressing.data, payload: draft.payload } } : { ok: false, reason: z.prettifyError(addressing.error) };
  }
  const email = OutboxDraftSchema.safeParse(draft);
  return email.success ? { ok: true, draft: email.data } : { ok: false, reason: z.prettifyError(email.error) };
}

export async function enqueue(container: Container, draft: OutboxDraft | TeamsOutboxDraft, clock: Clock, options: EnqueueOptions = {}): Promise<Enqueued> {
  const parsed = checkedDraft(draft);
  if (!parsed.ok) return { kind: 'invalid', reason: parsed.reason };
  const nowMs = clock.now().getTime();
  const now = new Date(nowMs).toISOString();
  const delivery =
    options.claimedForMs === undefined ? { attempts: 0, nextAttemptAt: now } : { attempts: 1, nextAttemptAt: new Date(nowMs + Math.max(0, options.claimedForMs)).toISOString() };
  const message: OutboxMessage = { ...parsed.draft, status: 'pending', ...delivery, createdAt: now };
  const created = await createIfAbsent(container, message);
  switch (created.kind) {
    case 'created':
      return { kind: 'enqueued', message, etag: created.etag };
    case 'exists':
      return { kind: 'already-enqueued' };
    case 'failed':
      return { kind: 'failed', failure: created.failure };
  }
}
