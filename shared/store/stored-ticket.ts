/**
 * The ticket as the `tickets` container holds it: the domain's ticket plus what only the store
 * needs, namely the ids of the system commands already applied (so an activity re-run after a
 * crash appends nothing twice) and the emails its events still owe (see `notification-debt`).
 * `slaNextDueAt` and `slaNextWarningAt` are kept current on every save for the staff lists, `lifecycleDueAt` for the
 * watchdog (see `lifecycle-due`) and `slaStanding` for the operations figures.
 */
import { z } from 'zod';
import { SlaStandingSchema } from '../domain/metrics/sla-standing';
import { InstantSchema } from '../domain/primitives';
import { TicketSchema, type Ticket } from '../domain/ticket/ticket';
import { NotificationDebtSchema } from '../email/notification-debt';

export const AppliedCommandSchema = z.object({
  commandId: z.string().min(1).max(300),
  /** The sequences of the events the command appended, so a replay can answer with them. */
  firstSequence: z.number().int().positive(),
  lastSequence: z.number().int().positive(),
  at: InstantSchema,
  /** SHA-256 (hex) of what the command asked, when its id is a client's key: the same key with another request is refused. */
  requestHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type AppliedCommand = z.infer<typeof AppliedCommandSchema>;

/** A re-run comes within moments of the first run; a short memory is enough and keeps the document small. */
export const APPLIED_COMMANDS_KEPT = 50;

export const StoredTicketSchema = TicketSchema.extend({
  appliedCommands: z.array(AppliedCommandSchema).default([]),
  /** Absent when every email the timeline calls for is known to be in the outbox. */
  notificationDebt: NotificationDebtSchema.optional(),
  /**
   * When the ticket's lifecycle must next act (`LIFECYCLE_NEVER_DUE` when never). Absent only on a
   * ticket saved before the field existed, which the watchdog then examines once.
   */
  lifecycleDueAt: InstantSchema.optional(),
  /**
   * The earliest warning instant among the SLA clocks still counting (see `sla-deadline`), for the
   * staff lists; absent when none warns, and on a ticket not saved since the field was added.
   */
  slaNextWarningAt: InstantSchema.optional(),
  /**
   * `slaStandingOf(raisedAlertKeys)`, for the operations figures' aggregate count of the open
   * backlog; absent on a ticket not saved since the field was added, which the figures then read
   * the old way (see `read-operations-figures`).
   */
  slaStanding: SlaStandingSchema.optional(),
});
export type StoredTicket = z.infer<typeof StoredTicketSchema>;

/** The domain's view of a stored ticket: store bookkeeping never leaves the repository. */
export function ticketOf(stored: StoredTicket): Ticket {
  const {
    appliedCommands: _appliedCommands,
    notificationDebt: _notificationDebt,
    lifecycleDueAt: _lifecycleDueAt,
    slaNextWarningAt: _slaNextWarningAt,
    slaStanding: _slaStanding,
    ...ticket
  } = stored;
  return ticket;
}

export function rememberCommand(applied: readonly AppliedCommand[], command: AppliedCommand): AppliedCommand[] {
  return [...applied, command].slice(-APPLIED_COMMANDS_KEPT);
}
