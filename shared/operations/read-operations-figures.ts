/**
 * Reads what the operations figures are computed from: the open tickets tallied by status,
 * severity and SLA standing, those changed within the figures' window (their recent timeline
 * events), and the outbox messages not yet sent, tallied by status. Used by the app's snapshot
 * timer in Azure and by the offline stack's `/admin/metrics`.
 */
import type { Database } from '@azure/cosmos';
import { z } from 'zod';
import {
  FIGURES_WINDOW_MS,
  operationsFigures,
  tallyOpenTickets,
  type OpenTicketTally,
  type OperationsFigures,
  type OutboxTally,
} from '../domain/metrics/operations-figures';
import { SlaStandingSchema } from '../domain/metrics/sla-standing';
import { InstantSchema, SeveritySchema } from '../domain/primitives';
import { FINISHED_STATUSES, TicketStatusSchema } from '../domain/ticket/ticket-status';
import { OutboxStatusSchema } from '../email/outbox-message';
import { OUTBOX_CONTAINER, TICKETS_CONTAINER } from '../store/containers';
import { queryDocuments } from '../store/query-documents';
import type { StoreFailure } from '../store/store-failure';
import { StoredTicketSchema, ticketOf } from '../store/stored-ticket';

/** A row of the open-backlog count; `slaStanding` is absent for tickets not saved since it was kept. */
const OpenTallyRowSchema = z.object({ status: TicketStatusSchema, severity: SeveritySchema.optional(), slaStanding: SlaStandingSchema.optional(), n: z.number().int().positive() });
/** What a ticket stored before `slaStanding` existed is counted from: three fields, no document. */
const UnstampedRowSchema = z.object({ status: TicketStatusSchema, severity: SeveritySchema.optional(), raisedAlertKeys: z.array(z.string()) });
const OutboxTallyRowSchema = z.object({ status: OutboxStatusSchema, n: z.number().int().positive(), oldest: InstantSchema.optional() });

/** At most a few dozen groups (statuses × severities × standings): one page holds them all. */
const GROUPS_PER_PAGE = 1_000;
/** The old way's page: rows of a few dozen bytes, only for tickets not saved since `slaStanding` was kept. */
const UNSTAMPED_ROWS_PER_PAGE = 1_000;

const OPEN = 'ARRAY_CONTAINS(@finished, c.status) = false';
const FINISHED_PARAMETER = { name: '@finished', value: [...FINISHED_STATUSES] };

export type FiguresRead = { readonly kind: 'read'; readonly figures: OperationsFigures } | { readonly kind: 'failed'; readonly failure: StoreFailure };

type TalliesRead<T> = { readonly kind: 'read'; readonly tallies: readonly T[] } | { readonly kind: 'failed'; readonly failure: StoreFailure };

/**
 * The open backlog as an aggregate: one row per status, severity and standing, whatever the
 * number of open tickets. Tickets saved before `slaStanding` was kept come back as groups without
 * it; only then are those tickets (and only those) read the old way and tallied here.
 */
async function openTallies(database: Database): Promise<TalliesRead<OpenTicketTally>> {
  const tickets = database.container(TICKETS_CONTAINER);
  const grouped = await queryDocuments(
    tickets,
    {
      query: `SELECT c.status, c.severity, c.slaStanding, COUNT(1) AS n FROM c WHERE ${OPEN} GROUP BY c.status, c.severity, c.slaStanding`,
      parameters: [FINISHED_PARAMETER],
    },
    OpenTallyRowSchema,
    { pageSize: GROUPS_PER_PAGE },
  );
  if (grouped.kind === 'failed') return grouped;
  const tallies: OpenTicketTally[] = [];
  for (const { status, severity, slaStanding, n } of grouped.documents) {
    if (slaStanding !== undefined) tallies.push({ status, ...(severity === undefined ? {} : { severity }), slaStanding, count: n });
  }
  if (tallies.length === grouped.documents.length) return { kind: 'read', tallies };
  const unstamped = await queryDocuments(
    tickets,
    { query: `SELECT c.status, c.severity, c.raisedAlertKeys FROM c WHERE ${OPEN} AND NOT IS_DEFINED(c.slaStanding)`, parameters: [FINISHED_PARAMETER] },
    UnstampedRowSchema,
    { pageSize: UNSTAMPED_ROWS_PER_PAGE },
  );
  if (unstamped.kind === 'failed') return unstamped;
  return { kind: 'read', tallies: [...tallies, ...tallyOpenTickets(unstamped.documents)] };
}

async function outboxTallies(database: Database): Promise<TalliesRead<OutboxTally>> {
  const rows = await queryDocuments(
    database.container(OUTBOX_CONTAINER),
    {
      query: 'SELECT c.status, COUNT(1) AS n, MIN(c.createdAt) AS oldest FROM c WHERE c.status != @sent GROUP BY c.status',
      parameters: [{ name: '@sent', value: 'sent' }],
    },
    OutboxTallyRowSchema,
    { pageSize: GROUPS_PER_PAGE },
  );
  if (rows.kind === 'failed') return rows;
  return { kind: 'read', tallies: rows.documents.map(({ status, n, oldest }) => ({ status, count: n, ...(oldest === undefined ? {} : { oldestCreatedAt: oldest }) })) };
}

/**
 * A constant number of queries whatever the backlog: the open tickets' tallies and the unsent
 * emails' tallies (aggregates, a few dozen rows), and the tickets changed within the window (whole,
 * for their recent events: what the hour did, not what is open). Before, a row per open ticket and
 * per unsent email was read every five minutes, a page per thousand.
 */
export async function readOperationsFigures(database: Database, now: Date): Promise<FiguresRead> {
  const since = new Date(now.getTime() - FIGURES_WINDOW_MS).toISOString();
  const tickets = database.container(TICKETS_CONTAINER);
  const [open, changed, outbox] = await Promise.all([
    openTallies(database),
    // The ORDER BY walks the range index on updatedAt from `since` on: the hour's changes, not every ticket.
    queryDocuments(tickets, { query: 'SELECT * FROM c WHERE c.updatedAt > @since ORDER BY c.updatedAt', parameters: [{ name: '@since', value: since }] }, StoredTicketSchema),
    outboxTallies(database),
  ]);
  if (open.kind === 'failed') return open;
  if (changed.kind === 'failed') return changed;
  if (outbox.kind === 'failed') return outbox;
  return { kind: 'read', figures: operationsFigures({ open: open.tallies, changedInWindow: changed.documents.map(ticketOf), outbox: outbox.tallies }, now.toISOString()) };
}

