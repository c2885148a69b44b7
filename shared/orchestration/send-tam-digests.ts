/**
 * The daily TAM digest run: reads the open tickets, asks the domain which TAM must hear of which
 * tickets at risk, and queues each digest in the outbox (the delivery timer sends it). Safe to run
 * twice on the same day: each digest's id is derived from its TAM and day.
 */
import { tamDigestsFor } from '../domain/notifications/tam-digest';
import { TICKET_STATUSES, isFinished } from '../domain/ticket/ticket-status';
import type { Instant } from '../domain/primitives';
import { type LifecyclePorts, requireOrg } from './lifecycle-ports';
import { tamDigestDraft } from './tam-digest';

const OPEN_STATUSES = TICKET_STATUSES.filter((status) => !isFinished(status));
const DIGEST_SCOPE = 1000;

export interface TamDigestReport {
  readonly queued: readonly string[];
  readonly alreadyQueued: readonly string[];
}

export async function sendTamDigests(ports: Pick<LifecyclePorts, 'listTickets' | 'orgConfig' | 'enqueueEmail' | 'publicBaseUrl'>, now: Instant): Promise<TamDigestReport> {
  const org = await requireOrg(ports);
  const list = await ports.listTickets({ statuses: OPEN_STATUSES, maxItems: DIGEST_SCOPE });
  if (list.kind === 'failed') throw new Error(`TAM digest: the ticket store is unavailable (${list.failure.kind})`);
  const queued: string[] = [];
  const alreadyQueued: string[] = [];
  for (const digest of tamDigestsFor(list.tickets, org, now)) {
    const tamEmail = digest.to[0]?.email ?? digest.messageId;
    const enqueued = await ports.enqueueEmail(await tamDigestDraft(digest, org.supportDesk, ports.publicBaseUrl));
    if (enqueued.kind === 'enqueued') queued.push(tamEmail);
    else if (enqueued.kind === 'already-enqueued') alreadyQueued.push(tamEmail);
    else throw new Error(`TAM digest for ${tamEmail}: ${enqueued.kind === 'invalid' ? enqueued.reason : enqueued.failure.kind}`);
  }
  return { queued, alreadyQueued };
}
