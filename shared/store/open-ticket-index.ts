/**
 * The app instance's index of open tickets for the staff console: every open ticket's summary, in
 * memory, caught up with the store by reading only the documents written since the last catch-up
 * (Cosmos DB's `_ts`, the last-modified second every document carries and the default indexing
 * policy covers). A queue page then costs one small query however many tickets are open, instead
 * of thousands of rows a request.
 *
 * A read never waits for the store once the index holds something: when what it holds is older
 * than the freshness window, the read answers with it and starts a catch-up behind the answer
 * (one at a time), so another instance's change shows within the window and one catch-up. The
 * first read, a read after a failed catch-up and a read after `invalidate()` (this instance
 * changed a ticket, and whoever did so must see it) wait for the catch-up instead.
 */
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { isFinished } from '../domain/ticket/ticket-status';
import { FINISHED_STATUSES } from '../domain/ticket/ticket-status';
import { OpenTicketSummarySchema, type OpenTicketSummaries, type OpenTicketSummary } from './console-queries';
import { queryDocuments } from './query-documents';
import type { StoreFailure } from './store-failure';

export const DEFAULT_FRESHNESS_MS = 2_000;
/**
 * `_ts` counts whole seconds, and a write of the same second as the newest one seen may land just
 * after the catch-up read it: each catch-up reads again from a little before that second.
 */
const OVERLAP_SECONDS = 2;
const PAGE_SIZE = 2_500;
const MAX_ROWS = 50_000;

const IndexedRowSchema = OpenTicketSummarySchema.extend({ _ts: z.number().int().nonnegative() });
type IndexedRow = z.infer<typeof IndexedRowSchema>;

const FIELDS = ['id', ...Object.keys(OpenTicketSummarySchema.shape), '_ts'].map((field) => `c.${field}`).join(', ');

export interface OpenTicketIndex {
  /** The open tickets, as the store held them at most one freshness window ago. */
  summaries(): Promise<OpenTicketSummaries>;
  /** The next read waits for a catch-up, whatever the window says: after this instance changed a ticket. */
  invalidate(): void;
  /** Resolves once a catch-up under way (behind an earlier answer) has finished. */
  settled(): Promise<void>;
}

export interface OpenTicketIndexOptions {
  readonly freshnessMs?: number;
  /** Milliseconds on a clock that only moves forward (real time: the window is about the store, not the app's clock). */
  readonly monotonicMs?: () => number;
}

type CatchUp = { readonly kind: 'caught-up' } | { readonly kind: 'failed'; readonly failure: StoreFailure };

export function openTicketIndex(container: Container, options: OpenTicketIndexOptions = {}): OpenTicketIndex {
  const freshnessMs = options.freshnessMs ?? DEFAULT_FRESHNESS_MS;
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  const open = new Map<string, OpenTicketSummary>();
  const unreadable = new Set<string>();
  let newestSecond: number | undefined;
  let caughtUpAt: number | undefined;
  /** Set when the next read must wait for a catch-up: nothing held yet, a failed catch-up, or `invalidate()`. */
  let mustWait = true;
  let running: Promise<CatchUp> | undefined;

  function apply(rows: readonly IndexedRow[]): void {
    for (const { _ts, ...summary } of rows) {
      newestSecond = Math.max(newestSecond ?? 0, _ts);
      unreadable.delete(summary.ticketNumber);
      if (isFinished(summary.status)) open.delete(summary.ticketNumber);
      else open.set(summary.ticketNumber, summary);
    }
  }

  async function catchUp(): Promise<CatchUp> {
    const startedAt = monotonicMs();
    const query =
      newestSecond === undefined
        ? { query: `SELECT ${FIELDS} FROM c WHERE NOT ARRAY_CONTAINS(@finished, c.status)`, parameters: [{ name: '@finished', value: [...FINISHED_STATUSES] }] }
        : { query: `SELECT ${FIELDS} FROM c WHERE c._ts >= @since`, parameters: [{ name: '@since', value: newestSecond - OVERLAP_SECONDS }] };
    const rows = await queryDocuments(container, query, IndexedRowSchema, { maxItems: MAX_ROWS, pageSize: PAGE_SIZE });
    if (rows.kind === 'failed') {
      mustWait = true;
      return rows;
    }
    apply(rows.documents);
    for (const skipped of rows.skipped) {
      if (skipped.id === undefined) continue;
      // A document that no longer reads as a ticket is not shown as it was before.
      open.delete(skipped.id);
      unreadable.add(skipped.id);
    }
    caughtUpAt = startedAt;
    return { kind: 'caught-up' };
  }

  function startCatchUp(): Promise<CatchUp> {
    running ??= catchUp().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    async summaries() {
      if (mustWait) {
        mustWait = false;
        // A catch-up under way may have read the store before the change this read must see.
        await running;
        const outcome = await startCatchUp();
        if (outcome.kind === 'failed') return outcome;
      } else if (caughtUpAt === undefined || monotonicMs() - caughtUpAt >= freshnessMs) {
        // Behind the answer: a failure is remembered (mustWait), so the next read waits and reports it.
        void startCatchUp();
      }
      return { kind: 'read', summaries: [...open.values()], skipped: unreadable.size };
    },
    invalidate() {
      mustWait = true;
    },
    async settled() {
      await running;
    },
  };
}
