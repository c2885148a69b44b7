import { evolve } from '../../../../shared/domain/commands/evolve';
import { operationsFigures as figuresOf, tallyOpenTickets, tallyOutbox, type OutboxRow } from '../../../../shared/domain/metrics/operations-figures';
import { slaAlertKey } from '../../../../shared/domain/sla/sla-clock';
import { isFinished } from '../../../../shared/domain/ticket/ticket-status';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { SlaBreachedSchema, SlaWarningRaisedSchema } from '../../../../shared/domain/timeline/sla-events';
import { SlaMetricSchema } from '../../../../shared/domain/timeline/sla-metric';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import { IntakeSchema } from '../../../../shared/domain/intake/intake';
import { minimalBrief } from '../support/handoff-fixtures';
import { T0, applyAll, assignedTicket, closedTicket, graceRef, investigatingTicket, lukas, minutesAfter, receivedTicket, system, triagedTicket } from '../support/ticket-fixtures';

const NOW = minutesAfter(T0, 90);

function withSlaAlert(ticket: Ticket, type: 'sla-warning-raised' | 'sla-breached', at: string): Ticket {
  const sequence = ticket.timeline.length + 1;
  const schema = type === 'sla-breached' ? SlaBreachedSchema : SlaWarningRaisedSchema;
  const event = schema.parse({
    id: `${ticket.ticketNumber}:${sequence}`,
    sequence,
    at,
    actor: system,
    visibility: 'internal',
    type,
    metric: SlaMetricSchema.options[0],
    cycleId: 'cycle-1',
    key: slaAlertKey('first-response', 'cycle-1', type === 'sla-breached' ? 'breach' : 'warning'),
    dueAt: at,
  });
  return evolve(ticket, event);
}

/** The figures from the stored tickets, read as the store reads them: open ones tallied by standing, changed ones whole. */
function operationsFigures(tickets: readonly Ticket[], outboxRows: readonly OutboxRow[], now: string) {
  const since = Date.parse(now) - 60 * 60_000;
  return figuresOf(
    {
      open: tallyOpenTickets(tickets.filter((ticket) => !isFinished(ticket.status))),
      changedInWindow: tickets.filter((ticket) => Date.parse(ticket.updatedAt) > since),
      outbox: tallyOutbox(outboxRows),
    },
    now,
  );
}

const outbox = (status: OutboxRow['status'], minutesAgo: number): OutboxRow => ({ status, createdAt: minutesAfter(NOW, -minutesAgo) });

describe('the operations figures', () => {
  it('counts intake within the last hour only', () => {
    const early = receivedTicket({}, 'BTN-2026-000001');
    const recent = { ...receivedTicket({}, 'BTN-2026-000002'), createdAt: minutesAfter(NOW, -10), updatedAt: minutesAfter(NOW, -10) };
    expect(operationsFigures([early, recent], [], NOW).snapshot.intakeLastHour).toBe(1);
  });

  it('counts open tickets by status and severity, leaving closed ones out', () => {
    const figures = operationsFigures([assignedTicket(), assignedTicket({ severity: 'B' }), receivedTicket(), closedTicket()], [], NOW);
    expect(figures.snapshot.openTickets).toBe(3);
    expect(figures.openTicketsByStatusAndSeverity).toEqual([
      { status: 'assigned', severity: 'A', count: 1 },
      { status: 'assigned', severity: 'B', count: 1 },
      { status: 'received', severity: 'A', count: 1 },
    ]);
  });

  it('tells SLA clocks at warning from those in breach, and counts the alerts of the last hour', () => {
    const warned = withSlaAlert(assignedTicket(), 'sla-warning-raised', minutesAfter(NOW, -5));
    const breached = withSlaAlert(withSlaAlert(assignedTicket(), 'sla-warning-raised', minutesAfter(NOW, -120)), 'sla-breached', minutesAfter(NOW, -30));
    const { snapshot } = operationsFigures([warned, breached], [], NOW);
    expect(snapshot).toMatchObject({ openTicketsAtSlaWarning: 1, openTicketsInSlaBreach: 1, slaWarningsLastHour: 1, slaBreachesLastHour: 1 });
  });

  it('counts a ticket whose warning turned into a breach as in breach only', () => {
    const warned = withSlaAlert(assignedTicket(), 'sla-warning-raised', minutesAfter(NOW, -5));
    const breached = withSlaAlert(warned, 'sla-breached', minutesAfter(NOW, -1));
    expect(operationsFigures([warned, warned], [], NOW).snapshot).toMatchObject({ openTicketsAtSlaWarning: 2, openTicketsInSlaBreach: 0 });
    expect(operationsFigures([breached, breached], [], NOW).snapshot).toMatchObject({ openTicketsAtSlaWarning: 0, openTicketsInSlaBreach: 2 });
  });

  it('measures the outbox backlog by its oldest unsent email', () => {
    const { snapshot } = operationsFigures([], [outbox('pending', 3), outbox('pending', 42), outbox('failed', 300), outbox('sent', 500)], NOW);
    expect(snapshot).toMatchObject({ outboxPending: 2, outboxOldestPendingMinutes: 42, outboxFailed: 1 });
    expect(operationsFigures([], [], NOW).snapshot.outboxOldestPendingMinutes).toBe(0);
  });

  it('counts what happened in the hour up to now: not an instant exactly an hour ago, nor one after now', () => {
    const atWindowStart = { ...receivedTicket({}, 'BTN-2026-000001'), createdAt: minutesAfter(NOW, -60), updatedAt: minutesAfter(NOW, -60) };
    const atNow = { ...receivedTicket({}, 'BTN-2026-000002'), createdAt: NOW, updatedAt: NOW };
    const ahead = { ...receivedTicket({}, 'BTN-2026-000003'), createdAt: minutesAfter(NOW, 1), updatedAt: minutesAfter(NOW, 1) };
    expect(figuresOf({ open: [], changedInWindow: [atWindowStart, atNow, ahead], outbox: [] }, NOW).snapshot.intakeLastHour).toBe(1);
  });

  it('counts the handoffs and the escalations to a team lead of the last hour', () => {
    const ticket = investigatingTicket();
    const worked = applyAll(ticket, [
      { type: 'handoff', actor: system, toEngineer: lukas, brief: minimalBrief(ticket) },
      { type: 'escalate-internally', actor: system, reason: 'Three handoffs without news.', to: graceRef },
    ]);
    const { snapshot } = figuresOf({ open: [], changedInWindow: [worked], outbox: [] }, minutesAfter(worked.updatedAt, 30));
    expect(snapshot).toMatchObject({ handoffsLastHour: 1, leadEscalationsLastHour: 1, slaWarningsLastHour: 0 });
    expect(figuresOf({ open: [], changedInWindow: [worked], outbox: [] }, minutesAfter(worked.updatedAt, 120)).snapshot.handoffsLastHour).toBe(0);
  });

  it('leaves out a finished ticket listed among the open ones, and sorts the counts by status, then severity', () => {
    const chat = receiveTicket({
      ticketNumber: 'BTN-2026-000100',
      intake: IntakeSchema.parse({ channel: 'chat', requester: { name: 'Ken', email: 'ken@fabrikam.com' }, description: 'Outlook will not start.' }),
      accessTokenHash: 'sha256:00112233445566778899',
      receivedAt: T0,
    }).ticket;
    const figures = figuresOf(
      { open: tallyOpenTickets([triagedTicket({ severity: 'C' }), closedTicket(), triagedTicket({ severity: 'B' }), chat, assignedTicket(), triagedTicket({ severity: 'B' })]), changedInWindow: [], outbox: [] },
      NOW,
    );
    expect(figures.snapshot.openTickets).toBe(5);
    expect(figures.openTicketsByStatusAndSeverity).toEqual([
      { status: 'assigned', severity: 'A', count: 1 },
      { status: 'received', severity: 'unset', count: 1 },
      { status: 'triaged', severity: 'B', count: 2 },
      { status: 'triaged', severity: 'C', count: 1 },
    ]);
  });

  it('adds up the store\'s tallies, each standing for every open ticket of its status, severity and SLA standing', () => {
    const figures = figuresOf(
      {
        open: [
          { status: 'assigned', severity: 'A', slaStanding: 'breach', count: 3 },
          { status: 'assigned', severity: 'A', slaStanding: 'warning', count: 2 },
          { status: 'assigned', severity: 'A', slaStanding: 'clear', count: 4 },
          { status: 'received', slaStanding: 'clear', count: 1 },
          { status: 'closed', severity: 'B', slaStanding: 'breach', count: 7 },
        ],
        changedInWindow: [],
        outbox: [],
      },
      NOW,
    );
    expect(figures.snapshot).toMatchObject({ openTickets: 10, openTicketsAtSlaWarning: 2, openTicketsInSlaBreach: 3 });
    expect(figures.openTicketsByStatusAndSeverity).toEqual([
      { status: 'assigned', severity: 'A', count: 9 },
      { status: 'received', severity: 'unset', count: 1 },
    ]);
  });

  it('gives the outbox backlog’s age in whole minutes, never below zero', () => {
    const halfMinuteMore = { status: 'pending' as const, createdAt: minutesAfter(NOW, -42.5) };
    expect(operationsFigures([], [halfMinuteMore], NOW).snapshot.outboxOldestPendingMinutes).toBe(42);
    expect(operationsFigures([], [{ status: 'pending', createdAt: minutesAfter(NOW, 2) }], NOW).snapshot.outboxOldestPendingMinutes).toBe(0);
  });
});
