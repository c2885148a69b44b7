/**
 * One turn of the ticket's lifecycle: reads the ticket once (the store is the truth; the wake-up
 * that led here says nothing), works out everything Baton must do on it now (`agendaTurn`: from
 * validation through assignment to closure, reading the engineers' loads only when someone is to
 * be chosen), writes it in one write on the version it read, follows up the vendor when due, and
 * tells the orchestrator what comes next from the last agenda it computed.
 * Idempotent: the agenda of a ticket that already went through this turn has nothing due. A change
 * whose emails could not be queued fails the turn (see `apply-result`), so Durable retries it: the
 * retry finds that change applied, nothing due, and the emails still owed by the ticket, which the
 * ticket service queues before answering (see `apply-to-ticket`).
 */
import { agendaCommands } from '../domain/agenda/agenda-commands';
import type { Agenda, AgendaItemOf } from '../domain/agenda/agenda-item';
import { agendaTurn, type AgendaTurn } from '../domain/agenda/agenda-turn';
import { ticketAgenda, type OpenTicketLoad } from '../domain/agenda/ticket-agenda';
import type { Command } from '../domain/commands/commands';
import type { OrgConfig } from '../domain/org/org-config';
import type { Instant } from '../domain/primitives';
import type { Ticket } from '../domain/ticket/ticket';
import type { StoredTicketVersion } from '../store/ticket-repository';
import type { ApplyResult } from '../ticket-service/apply-to-ticket';
import { followUpVendorCase } from '../vendor/vendor-follow-up';
import { ticketAfter, versionAfter } from './apply-result';
import type { LifecycleStep, ReconcileOutcome } from './lifecycle-messages';
import { type LifecyclePorts, requireOrg } from './lifecycle-ports';
import { openTicketLoad } from './open-ticket-load';

/** A vendor follow-up, or a person's command winning the race for the write, adds a round; a few settle any turn. */
const MAX_ROUNDS = 5;
/** When a turn could not settle (a person's command kept winning the race), look again shortly. */
const UNSETTLED_RETRY_MS = 60_000;

type Settled = Extract<AgendaTurn, { kind: 'settled' }>;

/** Where the turn stands: the ticket, and the stored version to write on (none: read before writing). */
interface Position {
  readonly ticket: Ticket;
  readonly version: StoredTicketVersion | undefined;
}

export async function reconcileTicket(ports: LifecyclePorts, { ticketNumber, now }: LifecycleStep): Promise<ReconcileOutcome> {
  let org = await requireOrg(ports);
  let orgReadNow = false;
  const read = await ports.readTicket(ticketNumber);
  const applied: string[] = [];
  if (read.kind === 'not-found') return { status: 'missing', finished: true, raiseVendorCase: false, applied };
  if (read.kind !== 'found') throw new Error(`reconciling ${ticketNumber}: the ticket could not be read (${read.kind === 'failed' ? read.failure.kind : read.reason}); retrying`);

  let position: Position = { ticket: read.ticket, version: { stored: read.stored, etag: read.etag } };
  let load: OpenTicketLoad | undefined;
  const loadFor = async (): Promise<OpenTicketLoad> => (load ??= await openTicketLoad(ports));
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    let turn = await settledTurn(position.ticket, org, now, load, loadFor);
    // A contract or contact registered through another instance reaches this process's copy of the
    // configuration only when the copy expires: a ticket is rejected only on the stored configuration.
    if (!orgReadNow && turn.commands.some((command) => command.type === 'reject')) {
      org = await requireOrg(ports, { fresh: true });
      orgReadNow = true;
      turn = await settledTurn(position.ticket, org, now, load, loadFor);
    }
    let agenda: Agenda | undefined = turn.agenda;
    // Emails an earlier change left owing (a retried turn's) are paid by writing, even with nothing to write.
    if (turn.commands.length > 0 || owesEmails(position)) {
      const { result, onPlan } = await write(ports, position, turn, { org, now, load });
      const ticket = ticketAfter(result, 'reconciling the ticket');
      if (ticket === undefined) return { status: 'missing', finished: true, raiseVendorCase: false, applied };
      if (result.kind === 'applied') applied.push(...result.events.map((event) => event.type));
      position = { ticket, version: versionAfter(result) };
      // The turn's last agenda is the ticket's only if its commands were written as planned.
      if (!onPlan || (turn.commands.length > 0 && result.kind !== 'applied')) agenda = undefined;
    }
    if (agenda === undefined) continue;
    const followUp = agenda.due.find((item): item is AgendaItemOf<'vendor-follow-up'> => item.kind === 'vendor-follow-up');
    if (followUp !== undefined) {
      const result = await followUpVendorCase(ports, position.ticket, org, now, followUp.dueAt, position.version);
      position = { ticket: ticketAfter(result, 'following up the vendor case') ?? position.ticket, version: versionAfter(result) };
      applied.push('vendor-follow-up');
      continue;
    }
    // Settled once nothing the shell applies is due: what remains is for the orchestrator.
    if (!agenda.due.some((item) => agendaCommands(item).length > 0)) return outcomeOf(position.ticket, agenda, applied);
  }
  const agenda = ticketAgenda(position.ticket, org, now, load ?? {});
  return outcomeOf(position.ticket, { ...agenda, nextWakeAt: retryAfter(now) }, applied);
}

/** Without the stored version at hand, the write that pays emails owed reads it first. */
function owesEmails(position: Position): boolean {
  return position.version === undefined || position.version.stored.notificationDebt !== undefined;
}

/** The turn worked out on `ticket`, with the engineers' loads read (once) if someone is to be chosen. */
async function settledTurn(
  ticket: Ticket,
  org: OrgConfig,
  now: Instant,
  load: OpenTicketLoad | undefined,
  loadFor: () => Promise<OpenTicketLoad>,
): Promise<Settled> {
  const turn = agendaTurn(ticket, org, now, load);
  if (turn.kind === 'settled') return turn;
  const loaded = agendaTurn(turn.ticket, org, now, await loadFor(), turn.commands);
  if (loaded.kind !== 'settled') throw new Error('the agenda asked for the engineers’ loads it was given');
  return loaded;
}

/**
 * The turn's commands in one write on the version held. Should a person's command have landed since
 * the read (a 412), the store's fresh ticket gets what its own agenda has due instead (without
 * choosing anyone if the loads were not read: the next round does), and `onPlan` says so.
 */
async function write(
  ports: LifecyclePorts,
  position: Position,
  turn: Settled,
  context: { readonly org: OrgConfig; readonly now: Instant; readonly load: OpenTicketLoad | undefined },
): Promise<{ readonly result: ApplyResult; readonly onPlan: boolean }> {
  let onPlan = true;
  const decideCommands = (fresh: Ticket): readonly Command[] => {
    // The timeline only grows: as long as it was, nothing happened to the ticket since it was read.
    onPlan = fresh.timeline.length === position.ticket.timeline.length;
    return onPlan ? turn.commands : agendaTurn(fresh, context.org, context.now, context.load).commands;
  };
  const options = {
    ...(position.version === undefined ? {} : { current: position.version }),
    // The save stamps the instant the watchdog selects by from the agenda the turn computed, when
    // what it saves is what the turn planned (the stamp follows the same attempt's decision).
    knownAgenda: (saved: Ticket) => (onPlan && saved.timeline.length === turn.ticket.timeline.length ? turn.agenda : undefined),
  };
  const result = await ports.applyToTicket(position.ticket.ticketNumber, decideCommands, context.now, options);
  return { result, onPlan };
}

function outcomeOf(ticket: Ticket, agenda: Agenda, applied: string[]): ReconcileOutcome {
  return {
    status: ticket.status,
    finished: agenda.due.some((item) => item.kind === 'lifecycle-ends'),
    raiseVendorCase: agenda.due.some((item) => item.kind === 'raise-vendor-case'),
    ...(agenda.nextWakeAt === undefined ? {} : { nextWakeAt: agenda.nextWakeAt }),
    applied,
  };
}

function retryAfter(now: Instant): Instant {
  return new Date(Date.parse(now) + UNSETTLED_RETRY_MS).toISOString();
}
