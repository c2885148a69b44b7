/**
 * One turn of the ticket's lifecycle: reloads the ticket (the store is the truth; the wake-up that
 * led here says nothing), applies every item its agenda has due as system commands through the
 * ticket service, follows up the vendor when due, and tells the orchestrator what comes next.
 * Idempotent: the agenda of a ticket that already went through this turn has nothing due. A change
 * whose emails could not be queued fails the turn (see `apply-result`), so Durable retries it: the
 * retry finds that change applied, nothing due, and the emails still owed by the ticket, which the
 * ticket service queues before answering (see `apply-to-ticket`).
 */
import { agendaCommands } from '../domain/agenda/agenda-commands';
import type { Agenda, AgendaItem, AgendaItemOf } from '../domain/agenda/agenda-item';
import { ticketAgenda, type OpenTicketLoad } from '../domain/agenda/ticket-agenda';
import type { Instant } from '../domain/primitives';
import type { Ticket } from '../domain/ticket/ticket';
import { ticketAfter } from './apply-result';
import type { LifecycleStep, ReconcileOutcome } from './lifecycle-messages';
import { type LifecyclePorts, requireOrg } from './lifecycle-ports';
import { openTicketLoad } from './open-ticket-load';
import { followUpVendorCase } from '../vendor/vendor-follow-up';

/** Acting can make more fall due (a vendor finding closes the ticket); a few rounds settle any turn. */
const MAX_ROUNDS = 5;
/** When a turn could not settle (a person's command kept winning the race), look again shortly. */
const UNSETTLED_RETRY_MS = 60_000;

/** Who gets the ticket depends on the engineers' loads, read only when someone is to be chosen. */
const CHOOSING: readonly AgendaItem['kind'][] = ['assign', 'handoff', 'no-engineer'];

export async function reconcileTicket(ports: LifecyclePorts, { ticketNumber, now }: LifecycleStep): Promise<ReconcileOutcome> {
  const org = await requireOrg(ports);
  const applied: string[] = [];
  let load: OpenTicketLoad | undefined;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const wanted = { load: false };
    const loadNow = load;
    const result = await ports.applyToTicket(
      ticketNumber,
      (fresh) => {
        const due = ticketAgenda(fresh, org, now, loadNow ?? {}).due;
        if (loadNow === undefined && due.some((item) => CHOOSING.includes(item.kind))) {
          wanted.load = true;
          return null;
        }
        return due.flatMap(agendaCommands);
      },
      now,
    );
    const ticket = ticketAfter(result, 'reconciling the ticket');
    if (ticket === undefined) return { status: 'missing', finished: true, raiseVendorCase: false, applied };
    if (result.kind === 'applied') applied.push(...result.events.map((event) => event.type));
    if (wanted.load) {
      load = await openTicketLoad(ports);
      continue;
    }
    const agenda = ticketAgenda(ticket, org, now, load ?? {});
    const followUp = agenda.due.find((item): item is AgendaItemOf<'vendor-follow-up'> => item.kind === 'vendor-follow-up');
    if (followUp !== undefined) {
      await followUpVendorCase(ports, ticket, org, now, followUp.dueAt);
      applied.push('vendor-follow-up');
      continue;
    }
    // Settled once nothing the shell applies is due: what remains is for the orchestrator.
    if (result.kind !== 'rejected' && !agenda.due.some((item) => agendaCommands(item).length > 0)) return outcomeOf(ticket, agenda, applied);
  }
  const read = await ports.readTicket(ticketNumber);
  if (read.kind !== 'found') throw new Error(`reconciling ${ticketNumber}: the ticket could not be read back`);
  const agenda = ticketAgenda(read.ticket, org, now, load ?? {});
  return outcomeOf(read.ticket, { ...agenda, nextWakeAt: retryAfter(now) }, applied);
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
