/**
 * Intake behind the HTTP edge: writes the new ticket (durable before acknowledged), idempotently
 * when the client sent a key, then enqueues the "received" email and starts the ticket's lifecycle.
 * If anything after the write fails, the ticket still stands: it stays `received`, and the repair
 * timer finishes what was left (see `repair-lifecycles.ts`).
 */
import type { Container } from '@azure/cosmos';
import type { Intake } from '../domain/intake/intake';
import { receiveTicket } from '../domain/commands/receive-ticket';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import type { TicketNumber } from '../domain/ticket/ticket-number';
import type { IssuedRequesterToken } from '../auth/requester-token';
import { createIfAbsent } from '../store/create-if-absent';
import { readDocument } from '../store/point-read';
import { unavailableOrFailed, type StoreFailure, type UnavailableOrFailed } from '../store/store-failure';
import { noChange, replaceWith, updateWithEtag } from '../store/update-with-etag';
import { IdempotencyRecordSchema, idempotencyRecordId, intakeRequestHash, type IdempotencyRecord } from '../store/idempotency-record';
import type { LifecycleControl, LifecycleStart } from '../orchestration/lifecycle-control';
import type { NotificationOutcome, TicketNotifier } from '../email/ticket-notifier';
import { newTicketNumber } from '../store/ticket-number-allocation';
import type { TicketRepository } from '../store/ticket-repository';

export type OpenTicketResult =
  | {
      readonly kind: 'accepted';
      readonly ticket: Ticket;
      readonly accessToken: string;
      /** A repeat of an earlier request with the same key: the same ticket, nothing new written. */
      readonly replayed: boolean;
      readonly lifecycle: LifecycleStart | 'not-attempted';
      readonly notifications: NotificationOutcome;
    }
  /** The key was used before for a different request. */
  | { readonly kind: 'idempotency-conflict' }
  | UnavailableOrFailed;

export interface OpenTicketDependencies {
  readonly repository: TicketRepository;
  readonly idempotency: Container;
  /** The requester token of a ticket number (derived, so a replay gets the same one). */
  readonly issueToken: (ticketNumber: TicketNumber) => Promise<{ readonly ok: true; readonly issued: IssuedRequesterToken } | { readonly ok: false; readonly failure: StoreFailure }>;
  readonly notify: TicketNotifier;
  /** Best effort: only the SLA stamp and the email's signature use it at receipt. */
  readonly orgConfig: () => Promise<OrgConfig | undefined>;
}

export interface OpenTicketRequest {
  readonly intake: Intake;
  readonly receivedAt: Date;
  readonly idempotencyKey?: string;
  /** Absent when the caller has no way to start orchestrations (the repair timer then will). */
  readonly lifecycle?: LifecycleControl;
}

/** Draws before giving up on finding a free number: five clashes in a row would mean a broken random source. */
const NUMBER_DRAWS = 5;


type Placement =
  | { readonly kind: 'placed'; readonly ticket: Ticket; readonly token: string; readonly fresh: boolean }
  | { readonly kind: 'conflict' }
  | UnavailableOrFailed;

type Creation = { readonly kind: 'created'; readonly ticket: Ticket; readonly token: string } | { readonly kind: 'exists'; readonly token: string } | UnavailableOrFailed;

type Claim = { readonly kind: 'record'; readonly record: IdempotencyRecord } | { readonly kind: 'conflict' } | UnavailableOrFailed;

/** Ours when it was received at the claimed instant from the same request (not a stranger's ticket under a clashing number). */
function isSameSubmission(ticket: Ticket, requestHash: string, receivedAt: string): boolean {
  const first = ticket.timeline[0];
  return first?.type === 'ticket-received' && first.at === receivedAt && intakeRequestHash(first.intake) === requestHash;
}

async function createUnder(
  dependencies: OpenTicketDependencies,
  org: OrgConfig | undefined,
  intake: Intake,
  ticketNumber: TicketNumber,
  receivedAt: string,
): Promise<Creation> {
  const token = await dependencies.issueToken(ticketNumber);
  if (!token.ok) return unavailableOrFailed(token.failure, 'access secret');
  const { ticket } = receiveTicket({ ticketNumber, intake, accessTokenHash: token.issued.tokenHash, receivedAt });
  const created = await dependencies.repository.create(ticket, { org, now: receivedAt });
  switch (created.kind) {
    case 'created':
      return { kind: 'created', ticket: created.ticket, token: token.issued.token };
    case 'exists':
      return { kind: 'exists', token: token.issued.token };
    case 'invalid':
      return { kind: 'failed', reason: created.reason };
    case 'failed':
      return unavailableOrFailed(created.failure, 'ticket store');
  }
}

async function placeWithoutKey(dependencies: OpenTicketDependencies, org: OrgConfig | undefined, request: OpenTicketRequest): Promise<Placement> {
  const receivedAt = request.receivedAt.toISOString();
  for (let draw = 0; draw < NUMBER_DRAWS; draw += 1) {
    const attempt = await createUnder(dependencies, org, request.intake, newTicketNumber(request.receivedAt), receivedAt);
    if (attempt.kind === 'created') return { kind: 'placed', ticket: attempt.ticket, token: attempt.token, fresh: true };
    if (attempt.kind !== 'exists') return attempt;
  }
  return { kind: 'failed', reason: `no free ticket number in ${NUMBER_DRAWS} draws` };
}

async function claimRecord(idempotency: Container, candidate: IdempotencyRecord): Promise<Claim> {
  const claimed = await createIfAbsent(idempotency, candidate);
  if (claimed.kind === 'created') return { kind: 'record', record: candidate };
  if (claimed.kind === 'failed') return unavailableOrFailed(claimed.failure, 'idempotency store');
  const existing = await readDocument(idempotency, candidate.id, candidate.id, IdempotencyRecordSchema);
  if (existing.kind === 'found') return existing.document.requestHash === candidate.requestHash ? { kind: 'record', record: existing.document } : { kind: 'conflict' };
  if (existing.kind === 'failed') return unavailableOrFailed(existing.failure, 'idempotency store');
  return { kind: 'failed', reason: existing.kind === 'invalid' ? existing.reason : 'the idempotency record vanished' };
}

/** After a clash with a stranger's ticket, moves the claim to a new number (or adopts one a racing copy chose). */
async function renumber(idempotency: Container, record: IdempotencyRecord, receivedAt: Date): Promise<Claim> {
  const fresh = newTicketNumber(receivedAt);
  const moved = await updateWithEtag(
    idempotency,
    record.id,
    record.id,
    (current: IdempotencyRecord) => (current.ticketNumber === record.ticketNumber ? replaceWith({ ...current, ticketNumber: fresh }) : noChange()),
    { schema: IdempotencyRecordSchema },
  );
  if (moved.kind === 'updated' || moved.kind === 'unchanged') return { kind: 'record', record: moved.document };
  if (moved.kind === 'failed') return unavailableOrFailed(moved.failure, 'idempotency store');
  return { kind: 'failed', reason: `the idempotency record could not be renumbered (${moved.kind})` };
}

async function placeWithKey(dependencies: OpenTicketDependencies, org: OrgConfig | undefined, request: OpenTicketRequest, key: string): Promise<Placement> {
  const requestHash = intakeRequestHash(request.intake);
  const now = request.receivedAt.toISOString();
  let claim = await claimRecord(dependencies.idempotency, {
    id: idempotencyRecordId(key),
    purpose: 'intake',
    requestHash,
    ticketNumber: newTicketNumber(request.receivedAt),
    receivedAt: now,
    createdAt: now,
  });
  for (let draw = 0; draw < NUMBER_DRAWS; draw += 1) {
    if (claim.kind !== 'record') return claim;
    const record = claim.record;
    const attempt = await createUnder(dependencies, org, request.intake, record.ticketNumber, record.receivedAt);
    if (attempt.kind === 'created') return { kind: 'placed', ticket: attempt.ticket, token: attempt.token, fresh: true };
    if (attempt.kind !== 'exists') return attempt;
    const existing = await dependencies.repository.read(record.ticketNumber);
    if (existing.kind === 'failed') return unavailableOrFailed(existing.failure, 'ticket store');
    if (existing.kind === 'found' && isSameSubmission(existing.ticket, requestHash, record.receivedAt)) {
      return { kind: 'placed', ticket: existing.ticket, token: attempt.token, fresh: false };
    }
    claim = await renumber(dependencies.idempotency, record, request.receivedAt);
  }
  return { kind: 'failed', reason: `no free ticket number in ${NUMBER_DRAWS} draws` };
}

export async function openTicket(dependencies: OpenTicketDependencies, request: OpenTicketRequest): Promise<OpenTicketResult> {
  const org = await dependencies.orgConfig();
  const placement =
    request.idempotencyKey === undefined
      ? await placeWithoutKey(dependencies, org, request)
      : await placeWithKey(dependencies, org, request, request.idempotencyKey);
  if (placement.kind === 'conflict') return { kind: 'idempotency-conflict' };
  if (placement.kind !== 'placed') return placement;

  const { ticket, token, fresh } = placement;
  const firstEvent = ticket.timeline[0];
  const notifications = await dependencies.notify.enqueue(ticket, firstEvent === undefined ? [] : [firstEvent], org);
  await dependencies.notify.deliverPromptly(notifications);
  // Until the "received" email is safely in the outbox the lifecycle waits: the repair timer redoes both.
  const lifecycle: LifecycleStart | 'not-attempted' =
    notifications.failed.length > 0 || request.lifecycle === undefined
      ? 'not-attempted'
      : fresh
        ? await request.lifecycle.start(ticket.ticketNumber)
        : await request.lifecycle.ensureStarted(ticket.ticketNumber);
  return { kind: 'accepted', ticket, accessToken: token, replayed: !fresh, lifecycle, notifications };
}
