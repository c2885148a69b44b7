/**
 * Puts a message in the outbox, exactly once per message id: a repeated enqueue (a retried
 * activity, a replayed command) finds the id taken and changes nothing.
 */
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import type { Clock } from '../clock';
import { createIfAbsent } from '../store/create-if-absent';
import type { StoreFailure } from '../store/store-failure';
import { OutboxDraftSchema, type OutboxDraft, type OutboxMessage } from './outbox-message';

export type Enqueued =
  | { readonly kind: 'enqueued'; readonly message: OutboxMessage }
  | { readonly kind: 'already-enqueued' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

export async function enqueue(container: Container, draft: OutboxDraft, clock: Clock): Promise<Enqueued> {
  const parsed = OutboxDraftSchema.safeParse(draft);
  if (!parsed.success) return { kind: 'invalid', reason: z.prettifyError(parsed.error) };
  const now = clock.now().toISOString();
  const message: OutboxMessage = { ...parsed.data, status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now };
  const created = await createIfAbsent(container, message);
  switch (created.kind) {
    case 'created':
      return { kind: 'enqueued', message };
    case 'exists':
      return { kind: 'already-enqueued' };
    case 'failed':
      return { kind: 'failed', failure: created.failure };
  }
}
