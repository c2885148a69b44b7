/**
 * The daily TAM digest run: reads the open tickets, builds each TAM's digest and queues it in the
 * outbox (the delivery timer sends it). Safe to run twice on the same day.
 */
import { TICKET_STATUSES, isFinished } from '../domain/ticket/ticket-status';
import type { Instant } from '../domain/primitives';
import { type LifecyclePorts, requireOrg } from './lifecycle-ports';
import { tamDigestEmail, tamDigests } from './tam-digest';

const OPEN_STATUSES = TICKET_STATUSES.filter((status) => !isFinished(status));
const DIGEST_SCOPE = 1000;

export interface TamDigestReport {
  readonly queued: readonly string[];
  readonly alreadyQueued: readonly string[];
}

export async function sendTamDigests(ports: Pick<LifecyclePorts, 'listTickets' | 'orgConfig' | 'enqueueEmail'>, now: Instant): Promise<TamDigestReport> {
  const org = await requireOrg(ports);
  const list = await ports.listTickets({ statuses: OPEN_STATUSES, maxItems: DIGEST_SCOPE });
  if (list.kind === 'failed') throw new Error(`TAM digest: the ticket store is unavailable (${list.failure.kind})`);
  const day = now.slice(0, 10);
  const queued: string[] = [];
  const alreadyQueued: string[] = [];
  for (const digest of tamDigests(list.tickets, org, now)) {
    const enqueued = await ports.enqueueEmail(tamDigestEmail(digest, day, org.supportDesk));
    if (enqueued.kind === 'enqueued') queued.push(digest.tamEmail);
    else if (enqueued.kind === 'already-enqueued') alreadyQueued.push(digest.tamEmail);
    else throw new Error(`TAM digest for ${digest.tamEmail}: ${enqueued.kind === 'invalid' ? enqueued.reason : enqueued.failure.kind}`);
  }
  return { queued, alreadyQueued };
}
