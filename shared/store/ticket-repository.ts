/**
 * The `tickets` container: one document per ticket (partition key = ticket number) holding its
 * state and append-only timeline under one ETag. Every save refreshes `slaNextDueAt`, which the
 * queue views sort by, `lifecycleDueAt`, which the watchdog selects by, and `slaStanding`, which the
 * operations figures count by. What is validated
 * where: a create is parsed with its schema (intake builds it from HTTP input); an update is not
 * (the domain built it, typed, from a version already checked); a read is parsed only if this
 * process has not checked that version already (`CheckedVersions`): the first read of a version
 * it did not write, from another instance, an older release or a hand edit. Settling a notification debt and postponing the watchdog's next look are
 * bookkeeping, not changes of the ticket: they leave the ticket's fields as they are.
 */
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import type { Agenda } from '../domain/agenda/agenda-item';
import { slaStandingOf } from '../domain/metrics/sla-standing';
import type { OrgConfig } from '../domain/org/org-config';
import type { Instant } from '../domain/primitives';
import type { Ticket } from '../domain/ticket/ticket';
import type { TicketNumber } from '../domain/ticket/ticket-number';
import type { TicketStatus } from '../domain/ticket/ticket-status';
import { readAssigneeLoads, type AssigneeLoads } from './assignee-loads';
import { CheckedVersions } from './checked-versions';
import { createIfAbsent } from './create-if-absent';
import { readDocument } from './point-read';
import { queryDocuments, type SkippedRow } from './query-documents';
import type { StoreFailure } from './store-failure';
import { noChange, replaceWith, updateWithEtag, type EtagUpdate, type Mutation } from './update-with-etag';
import { owesAnyOf, settle } from '../email/notification-debt';
import { storedLifecycleDueAt } from './lifecycle-due';
import { CHECKED_QUEUE_ROWS, queueQuery, readQueuePage, type QueuePage, type QueuePageRequest, type QueueRow, type QueueViewFilter } from './queue-page';
import { slaDeadlines } from './sla-deadline';
import { StoredTicketSchema, ticketOf, type StoredTicket } from './stored-ticket';

/** What every save needs to refresh the denormalised instants. */
export interface SaveStamp {
  readonly org: OrgConfig | undefined;
  readonly now: Instant;
  /**
   * The agenda at `now` of the ticket about to be saved, when the writer computed it already (a
   * lifecycle turn saving what it worked out): the save takes `lifecycleDueAt` from it instead of
   * computing it again. Undefined for any ticket the writer did not foresee.
   */
  readonly knownAgenda?: (ticket: Ticket) => Agenda | undefined;
}

export type TicketCreation =
  | { readonly kind: 'created'; readonly ticket: Ticket }
  | { readonly kind: 'exists' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

export type TicketRead =
  | { readonly kind: 'found'; readonly ticket: Ticket; readonly stored: StoredTicket; readonly etag: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

export type TicketList =
  | { readonly kind: 'read'; readonly tickets: readonly Ticket[]; readonly skipped: readonly SkippedRow[] }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

/** A stored ticket as a query or a write left it, with the ETag a guarded write needs. */
export interface StoredTicketVersion {
  readonly stored: StoredTicket;
  readonly etag: string;
}

/** Stored tickets with their ETags, for sweeps that write back what they did. */
export type TicketVersions =
  | { readonly kind: 'read'; readonly tickets: readonly StoredTicketVersion[]; readonly skipped: readonly SkippedRow[] }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

export type LifecyclePostponement =
  | { readonly kind: 'postponed' }
  /** A change saved meanwhile computed the instant afresh; nothing to do. */
  | { readonly kind: 'changed-meanwhile' }
  | { readonly kind: 'failed'; readonly reason: string };

export type DebtSettlement =
  /** `version` is the ticket as the settling write left it, for a later write to start from. */
  | { readonly kind: 'settled'; readonly version: StoredTicketVersion }
  /** Someone else settled it first, or the ticket is gone. */
  | { readonly kind: 'nothing-owed' }
  | { readonly kind: 'failed'; readonly reason: string };

export type { QueueViewFilter } from './queue-page';

export interface TicketRepository {
  create(ticket: Ticket, stamp: SaveStamp): Promise<TicketCreation>;
  read(ticketNumber: TicketNumber): Promise<TicketRead>;
  /**
   * Read, decide, replace under If-Match, again from fresh state on 412 (see `updateWithEtag`).
   * Given the version the caller holds (read or written moments ago), the first attempt decides
   * on it without reading.
   */
  update<R>(
    ticketNumber: TicketNumber,
    mutate: (stored: StoredTicket) => Mutation<StoredTicket, R>,
    stamp: SaveStamp,
    current?: StoredTicketVersion,
  ): Promise<EtagUpdate<StoredTicket, R>>;
  /** A requester's tickets, newest first. */
  listByRequester(requesterEmail: string, options?: { readonly maxItems?: number }): Promise<TicketList>;
  /** Open work by urgency: the nearest SLA deadline first. */
  queueView(filter: QueueViewFilter): Promise<TicketList>;
  /** The same, a page of queue lines at a time (see `queue-page.ts`). */
  queuePage(filter: QueueViewFilter, request: QueuePageRequest): Promise<QueuePage>;
  /** How many tickets in `statuses` each engineer carries, from at most `maxItems` of them (see `assignee-loads.ts`). */
  assigneeLoads(statuses: readonly TicketStatus[], maxItems: number): Promise<AssigneeLoads>;
  /** Tickets still `received` since before `receivedBefore`: their lifecycle may never have started. */
  awaitingLifecycle(receivedBefore: Instant, maxItems: number): Promise<TicketList>;
  /** Tickets owing emails since before `owingSince`, the oldest debt first. */
  owingNotifications(owingSince: Instant, maxItems: number): Promise<TicketVersions>;
  /** Tickets whose lifecycle was due to act at or before `dueBy`, the longest overdue first. */
  lifecyclesDue(dueBy: Instant, maxItems: number): Promise<TicketVersions>;
  /** Tickets saved before `lifecycleDueAt` existed: each is examined once, and stamped. */
  lifecyclesUnstamped(maxItems: number): Promise<TicketVersions>;
  /**
   * Moves the watchdog's next look at the ticket to `nextLookAt`, unless a save since `current`
   * computed the instant afresh. Bookkeeping: nothing else on the ticket changes.
   */
  postponeLifecycle(current: StoredTicketVersion, nextLookAt: Instant): Promise<LifecyclePostponement>;
  /**
   * Strikes `eventIds` off the ticket's debt (and nothing a later writer added). Given the version
   * the caller holds, one guarded replace does it; a stale one costs a read and another try.
   */
  settleNotifications(ticketNumber: TicketNumber, eventIds: readonly string[], current?: StoredTicketVersion): Promise<DebtSettlement>;
}

export const DEFAULT_LIST_SIZE = 100;
const MAX_LIST_SIZE = 1000;

function listSize(requested: number | undefined): number {
  const size = Math.floor(requested ?? DEFAULT_LIST_SIZE);
  return Math.min(MAX_LIST_SIZE, Math.max(1, Number.isFinite(size) ? size : DEFAULT_LIST_SIZE));
}

/** Pure: the ticket with the instants every save refreshes (exported for in-memory repositories). */
export function stamped<T extends Ticket>(ticket: T, stamp: SaveStamp): T {
  const known = stamp.knownAgenda?.(ticket);
  const { nextDueAt, nextWarningAt } = slaDeadlines(ticket, stamp.org, stamp.now);
  // A warning instant from an earlier save must not outlive the clock it belonged to.
  const { slaNextWarningAt: _earlier, ...rest } = ticket as T & { slaNextWarningAt?: Instant };
  return {
    ...(rest as T),
    slaNextDueAt: nextDueAt,
    ...(nextWarningAt === undefined ? {} : { slaNextWarningAt: nextWarningAt }),
    lifecycleDueAt: storedLifecycleDueAt(ticket, stamp.org, stamp.now, known),
    slaStanding: slaStandingOf(ticket.raisedAlertKeys),
  };
}

const VersionRowSchema = StoredTicketSchema.extend({ _etag: z.string().min(1) });

/** Pure: the stored ticket without the debt of `eventIds`; nothing to write when it owed none of them. */
export function withoutDebt(stored: StoredTicket, eventIds: readonly string[]): Mutation<StoredTicket, never> {
  if (!owesAnyOf(stored.notificationDebt, eventIds)) return noChange();
  const { notificationDebt, ...rest } = stored;
  const left = settle(notificationDebt, eventIds);
  return replaceWith(left === undefined ? rest : { ...rest, notificationDebt: left });
}

async function versions(container: Container, query: Parameters<typeof queryDocuments>[1], top: number): Promise<TicketVersions> {
  const rows = await queryDocuments(container, query, VersionRowSchema, { maxItems: top });
  if (rows.kind === 'failed') return rows;
  const tickets = rows.documents.map(({ _etag, ...stored }) => ({ stored, etag: _etag }));
  return { kind: 'read', tickets, skipped: rows.skipped };
}

/** Pure: the stored ticket with the watchdog's next look moved, unless a save since `seen` restamped it. */
export function withNextLook(stored: StoredTicket, seen: StoredTicket, nextLookAt: Instant): Mutation<StoredTicket, never> {
  const savedSince = stored.updatedAt !== seen.updatedAt || stored.lifecycleDueAt !== seen.lifecycleDueAt;
  if (savedSince || stored.lifecycleDueAt === nextLookAt) return noChange();
  return replaceWith({ ...stored, lifecycleDueAt: nextLookAt });
}

/**
 * How a bookkeeping write went: written; nothing to write (it was already so, a save since made it
 * moot, or the ticket is gone); or failed, with the reason the caller logs.
 */
function bookkeepingWrite(update: EtagUpdate<StoredTicket, never>): 'written' | 'nothing-to-write' | { readonly failed: string } {
  switch (update.kind) {
    case 'updated':
      return 'written';
    case 'unchanged':
    case 'rejected':
    case 'not-found':
      return 'nothing-to-write';
    case 'contended':
      return { failed: `${String(update.attempts)} concurrent updates` };
    case 'invalid':
      return { failed: update.reason };
    case 'failed':
      return { failed: update.failure.kind };
  }
}

async function listed(container: Container, query: Parameters<typeof queryDocuments>[1], top: number, checked: CheckedVersions<StoredTicket>): Promise<TicketList> {
  const rows = await queryDocuments(container, query, StoredTicketSchema, { maxItems: top, versions: checked });
  if (rows.kind === 'failed') return rows;
  return { kind: 'read', tickets: rows.documents.map(ticketOf), skipped: rows.skipped };
}

export function cosmosTicketRepository(container: Container): TicketRepository {
  const checked = new CheckedVersions<StoredTicket>();
  const checkedQueueRows = new CheckedVersions<QueueRow>(CHECKED_QUEUE_ROWS);
  return {
    async create(ticket, stamp) {
      const parsed = StoredTicketSchema.safeParse(stamped(ticket, stamp));
      if (!parsed.success) return { kind: 'invalid', reason: parsed.error.message };
      const created = await createIfAbsent(container, parsed.data);
      if (created.kind !== 'created') return created;
      checked.remember(parsed.data.id, created.etag, parsed.data);
      return { kind: 'created', ticket: ticketOf(created.document) };
    },

    async read(ticketNumber) {
      const read = await readDocument(container, ticketNumber, ticketNumber, StoredTicketSchema, checked);
      return read.kind === 'found' ? { kind: 'found', ticket: ticketOf(read.document), stored: read.document, etag: read.etag } : read;
    },

    update(ticketNumber, mutate, stamp, current) {
      return updateWithEtag(
        container,
        ticketNumber,
        ticketNumber,
        (stored: StoredTicket) => {
          const mutation = mutate(stored);
          if (mutation.kind !== 'replace') return mutation;
          return replaceWith(stamped(mutation.document, stamp));
        },
        // Built by the domain from a checked version and stamped here: typed, so not parsed again.
        { schema: StoredTicketSchema, versions: checked, validateWrites: false, ...(current === undefined ? {} : { current: { document: current.stored, etag: current.etag } }) },
      );
    },

    listByRequester(requesterEmail, options = {}) {
      const top = listSize(options.maxItems);
      return listed(
        container,
        {
          query: `SELECT TOP ${top} * FROM c WHERE c.requesterEmail = @email ORDER BY c.createdAt DESC`,
          parameters: [{ name: '@email', value: requesterEmail.trim().toLowerCase() }],
        },
        top,
        checked,
      );
    },

    queueView(filter) {
      const top = listSize(filter.maxItems);
      return listed(container, queueQuery(filter, '*', top), top, checked);
    },

    assigneeLoads(statuses, maxItems) {
      return readAssigneeLoads(container, statuses, maxItems);
    },

    queuePage(filter, request) {
      return readQueuePage(container, filter, request, checkedQueueRows);
    },

    awaitingLifecycle(receivedBefore, maxItems) {
      const top = listSize(maxItems);
      return listed(
        container,
        {
          // No ORDER BY: sorting by createdAt would walk that index over every ticket ever created,
          // while the two filters alone read only the few tickets still `received`.
          query: `SELECT TOP ${top} * FROM c WHERE c.status = @received AND c.createdAt <= @before`,
          parameters: [
            { name: '@received', value: 'received' },
            { name: '@before', value: receivedBefore },
          ],
        },
        top,
        checked,
      );
    },

    owingNotifications(owingSince, maxItems) {
      const top = listSize(maxItems);
      // Served by the range index on /notificationDebt/since: tickets that owe nothing are not in it.
      return versions(
        container,
        {
          query: `SELECT TOP ${top} * FROM c WHERE c.notificationDebt.since <= @since ORDER BY c.notificationDebt.since ASC`,
          parameters: [{ name: '@since', value: owingSince }],
        },
        top,
      );
    },

    lifecyclesDue(dueBy, maxItems) {
      const top = listSize(maxItems);
      // Served by the range index on /lifecycleDueAt: a ticket due later, or never, is outside the range.
      return versions(
        container,
        { query: `SELECT TOP ${top} * FROM c WHERE c.lifecycleDueAt <= @dueBy ORDER BY c.lifecycleDueAt ASC`, parameters: [{ name: '@dueBy', value: dueBy }] },
        top,
      );
    },

    lifecyclesUnstamped(maxItems) {
      const top = listSize(maxItems);
      return versions(container, { query: `SELECT TOP ${top} * FROM c WHERE NOT IS_DEFINED(c.lifecycleDueAt)` }, top);
    },

    async postponeLifecycle(current, nextLookAt) {
      const { ticketNumber } = current.stored;
      const moved = await updateWithEtag(container, ticketNumber, ticketNumber, (stored: StoredTicket) => withNextLook(stored, current.stored, nextLookAt), {
        schema: StoredTicketSchema,
        versions: checked,
        current: { document: current.stored, etag: current.etag },
      });
      const write = bookkeepingWrite(moved);
      if (write === 'written') return { kind: 'postponed' };
      if (write === 'nothing-to-write') return { kind: 'changed-meanwhile' };
      return { kind: 'failed', reason: write.failed };
    },

    async settleNotifications(ticketNumber, eventIds, current) {
      const settled = await updateWithEtag(container, ticketNumber, ticketNumber, (stored: StoredTicket) => withoutDebt(stored, eventIds), {
        schema: StoredTicketSchema,
        versions: checked,
        // Only debt entries leave a checked version: nothing new to parse.
        validateWrites: false,
        ...(current === undefined ? {} : { current: { document: current.stored, etag: current.etag } }),
      });
      const write = bookkeepingWrite(settled);
      if (typeof write === 'object') return { kind: 'failed', reason: write.failed };
      return settled.kind === 'updated' ? { kind: 'settled', version: { stored: settled.document, etag: settled.etag } } : { kind: 'nothing-owed' };
    },
  };
}
