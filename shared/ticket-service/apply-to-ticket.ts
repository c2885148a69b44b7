/**
 * The one way a ticket changes after intake, for HTTP functions and orchestrator activities alike:
 * load it, let the domain decide on each command against the organisation's rules, evolve, save
 * under If-Match (deciding again from fresh state on a 412), enqueue every notification the new
 * events call for, and wake the ticket's orchestration. `ApplyToTicket` is the port every caller
 * holds; `ticketChanges` is its one implementation.
 *
 * No email is lost between the two containers: the save also records, in the same write, which
 * new events call for emails (`notification-debt`); the debt is struck off once they are in the
 * outbox. Whoever applies to the ticket next pays a debt left behind (even when it has nothing to
 * change, which is what a retried activity does), and the watchdog's sweep pays the rest.
 *
 * Replays are safe. With a `commandId` (an activity passes one derived from its instance and step),
 * a command already applied returns what it appended the first time and appends nothing; the
 * notifications and the wake-up are repeated, which is harmless because their ids are
 * deterministic. Without one, the domain's own rules (alert keys, status checks) stop repeats, and
 * the debt alone says which emails are still to be queued.
 */
import type { Instant } from '../domain/primitives';
import type { Command } from '../domain/commands/commands';
import { decide } from '../domain/commands/decide';
import type { Rejection } from '../domain/commands/decision';
import { evolve } from '../domain/commands/evolve';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import type { TicketNumber } from '../domain/ticket/ticket-number';
import type { TimelineEvent } from '../domain/timeline/timeline-event';
import type { OrgConfigSource } from '../org-config/org-config-source';
import { unavailableOrFailed, type StoreFailure } from '../store/store-failure';
import { noChange, rejectWith, replaceWith, type Mutation } from '../store/update-with-etag';
import { owe } from '../email/notification-debt';
import { payNotificationDebt, type DebtPayment } from '../email/pay-notification-debt';
import { eventsCallingForEmail } from '../email/planned-emails';
import { rememberCommand, ticketOf, type AppliedCommand, type StoredTicket } from '../store/stored-ticket';
import type { NotificationOutcome, TicketNotifier } from '../email/ticket-notifier';
import type { SaveStamp, StoredTicketVersion, TicketRepository } from '../store/ticket-repository';

/** Which commands to issue, given the ticket as it is now; null (or []) for none. Must be pure. */
export type DecideCommands = (ticket: Ticket) => Command | readonly Command[] | null;

/** Wakes the ticket's orchestration; answers for instances that are gone are the signaller's to ignore. */
export type TicketChangedSignal = (ticketNumber: TicketNumber) => Promise<void>;

export interface ApplyOptions {
  /** Makes a re-run of the same step a no-op (see the module comment). */
  readonly commandId?: string;
  /** What the command under `commandId` asks, hashed, kept with it so a replay can tell a reused key (see `AppliedCommand`). */
  readonly requestHash?: string;
  readonly signalTicketChanged?: TicketChangedSignal;
  /**
   * The version the caller holds, read or written moments ago (an earlier answer's `version`):
   * decided on without reading it again. A stale one costs only the 412 and a read.
   */
  readonly current?: StoredTicketVersion;
  /** The agenda the caller worked out for the ticket it expects to leave (see `SaveStamp.knownAgenda`). */
  readonly knownAgenda?: SaveStamp['knownAgenda'];
}

export type ApplyResult =
  | {
      readonly kind: 'applied';
      readonly ticket: Ticket;
      readonly events: readonly TimelineEvent[];
      /** True when `commandId` had been applied before: `events` are the ones appended then. */
      readonly replayed: boolean;
      /** On a replay, the `requestHash` the command was first applied with, if any. */
      readonly replayedRequestHash?: string;
      readonly notifications: NotificationOutcome;
      /** The stored ticket after this change (and its emails' settlement), for the caller's next write. */
      readonly version?: StoredTicketVersion;
    }
  /**
   * Nothing to do: no command, or the domain accepted with no event (an alert already raised).
   * `notifications` is there when the ticket owed emails from an earlier change and this paid them.
   */
  | { readonly kind: 'unchanged'; readonly ticket: Ticket; readonly notifications?: NotificationOutcome; readonly version?: StoredTicketVersion }
  | { readonly kind: 'rejected'; readonly rejection: Rejection; readonly ticket: Ticket; readonly version?: StoredTicketVersion }
  | { readonly kind: 'not-found' }
  /** Try again later: the store is down, or too many writers raced for this ticket. */
  | { readonly kind: 'unavailable'; readonly failure: StoreFailure }
  /** A bug or a broken configuration, not the caller's mistake: logged and answered 500. */
  | { readonly kind: 'failed'; readonly reason: string };

/** The port: applies what `decideCommands` asks of the ticket as it stands, and says how it went. */
export type ApplyToTicket = (ticketNumber: TicketNumber, decideCommands: DecideCommands, now: Instant, options?: ApplyOptions) => Promise<ApplyResult>;

export interface ApplyDependencies {
  readonly repository: TicketRepository;
  readonly orgConfig: OrgConfigSource;
  readonly notify: TicketNotifier;
}

type Refusal = { readonly kind: 'domain'; readonly rejection: Rejection } | { readonly kind: 'replayed'; readonly applied: AppliedCommand };

function commandsOf(decided: Command | readonly Command[] | null): readonly Command[] {
  if (decided === null) return [];
  return Array.isArray(decided) ? decided : [decided as Command];
}

export interface BatchDecision {
  readonly mutation: Mutation<StoredTicket, Refusal>;
  /** The events the mutation appends (none unless it replaces). */
  readonly events: readonly TimelineEvent[];
}

/** Pure: the whole batch is decided against the ticket as each earlier command left it, all or nothing. */
export function decideBatch(
  stored: StoredTicket,
  decideCommands: DecideCommands,
  now: Instant,
  org: OrgConfig,
  commandId: string | undefined,
  requestHash?: string,
): BatchDecision {
  const earlier = commandId === undefined ? undefined : stored.appliedCommands.find((applied) => applied.commandId === commandId);
  if (earlier) return { mutation: rejectWith({ kind: 'replayed', applied: earlier }), events: [] };
  let ticket = ticketOf(stored);
  const events: TimelineEvent[] = [];
  for (const command of commandsOf(decideCommands(ticket))) {
    const decision = decide(ticket, command, now, { lifecycle: org.lifecycle });
    if (!decision.ok) return { mutation: rejectWith({ kind: 'domain', rejection: decision.rejection }), events: [] };
    events.push(...decision.events);
    ticket = decision.events.reduce(evolve, ticket);
  }
  const first = events[0];
  const last = events[events.length - 1];
  if (first === undefined || last === undefined) return { mutation: noChange(), events: [] };
  const appliedCommands =
    commandId === undefined
      ? stored.appliedCommands
      : rememberCommand(stored.appliedCommands, { commandId, firstSequence: first.sequence, lastSequence: last.sequence, at: now, ...(requestHash === undefined ? {} : { requestHash }) });
  // Owed in the same write as the events, so no crash can separate the two.
  const notificationDebt = owe(stored.notificationDebt, eventsCallingForEmail(ticket, events, org), now);
  return { mutation: replaceWith({ ...ticket, appliedCommands, ...(notificationDebt === undefined ? {} : { notificationDebt }) }), events };
}

function eventsBetween(ticket: Ticket, applied: AppliedCommand): TimelineEvent[] {
  return ticket.timeline.filter((event) => event.sequence >= applied.firstSequence && event.sequence <= applied.lastSequence);
}

/**
 * After the write: pays what the ticket owes (its new events' emails, and any an earlier change
 * left behind), sends them, then wakes the orchestration. The debt is settled before the emails
 * are sent, so a reader in the meantime does not pay it a second time.
 */
async function announce(
  dependencies: ApplyDependencies,
  version: { readonly stored: StoredTicket; readonly etag?: string },
  org: OrgConfig,
  options: ApplyOptions,
  replayed: readonly TimelineEvent[] = [],
): Promise<DebtPayment> {
  const payment = await payNotificationDebt(dependencies, version, org, replayed);
  await dependencies.notify.deliverPromptly(payment.notifications);
  // The change is saved whatever the orchestration says; a lost wake-up is caught at its next turn.
  await options.signalTicketChanged?.(version.stored.ticketNumber).catch(() => undefined);
  return payment;
}

export function ticketChanges(dependencies: ApplyDependencies): ApplyToTicket {
  return (ticketNumber, decideCommands, now, options = {}) => applyToTicket(dependencies, ticketNumber, decideCommands, now, options);
}

async function applyToTicket(
  dependencies: ApplyDependencies,
  ticketNumber: TicketNumber,
  decideCommands: DecideCommands,
  now: Instant,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const org = await dependencies.orgConfig();
  if (org.kind === 'failed') {
    return unavailableOrFailed(org.failure, 'organisation configuration');
  }
  if (org.kind !== 'loaded') return { kind: 'failed', reason: org.kind === 'missing' ? 'no organisation configuration is loaded' : org.reason };
  const config = org.config;

  // The mutation runs once per attempt; the attempt that saved is the last one to have run.
  let appended: readonly TimelineEvent[] = [];
  const update = await dependencies.repository.update(
    ticketNumber,
    (stored) => {
      const batch = decideBatch(stored, decideCommands, now, config, options.commandId, options.requestHash);
      appended = batch.events;
      return batch.mutation;
    },
    { org: config, now, ...(options.knownAgenda === undefined ? {} : { knownAgenda: options.knownAgenda }) },
    options.current,
  );
  switch (update.kind) {
    case 'updated': {
      const { notifications, version } = await announce(dependencies, { stored: update.document, etag: update.etag }, config, options);
      return { kind: 'applied', ticket: ticketOf(update.document), events: appended, replayed: false, notifications, ...(version === undefined ? {} : { version }) };
    }
    case 'unchanged': {
      const ticket = ticketOf(update.document);
      const read = { stored: update.document, etag: update.etag };
      if (update.document.notificationDebt === undefined) return { kind: 'unchanged', ticket, version: read };
      // Nothing new, no wake-up needed: only the debt an earlier change left behind is paid.
      const payment = await payNotificationDebt(dependencies, read, config);
      await dependencies.notify.deliverPromptly(payment.notifications);
      return { kind: 'unchanged', ticket, notifications: payment.notifications, ...(payment.version === undefined ? {} : { version: payment.version }) };
    }
    case 'rejected': {
      const ticket = ticketOf(update.document);
      const read = { stored: update.document, etag: update.etag };
      if (update.rejection.kind === 'domain') return { kind: 'rejected', rejection: update.rejection.rejection, ticket, version: read };
      const earlier = update.rejection.applied;
      const events = eventsBetween(ticket, earlier);
      const { notifications, version } = await announce(dependencies, read, config, options, events);
      return {
        kind: 'applied',
        ticket,
        events,
        replayed: true,
        notifications,
        ...(earlier.requestHash === undefined ? {} : { replayedRequestHash: earlier.requestHash }),
        ...(version === undefined ? {} : { version }),
      };
    }
    case 'not-found':
      return { kind: 'not-found' };
    case 'contended':
      return { kind: 'unavailable', failure: { kind: 'unavailable', retryAfterSeconds: 1, reason: `${update.attempts} concurrent updates of ${ticketNumber}` } };
    case 'invalid':
      return { kind: 'failed', reason: update.reason };
    case 'failed':
      return unavailableOrFailed(update.failure, 'store');
  }
}
