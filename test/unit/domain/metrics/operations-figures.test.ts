import { evolve } from '../../../../shared/domain/commands/evolve';
import { operationsFigures as figuresOf, type OutboxRow } from '../../../../shared/domain/metrics/operations-figures';
import { slaAlertKey } from '../../../../shared/domain/sla/sla-clock';
import { isFinished } from '../../../../shared/domain/ticket/ticket-status';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { SlaBreachedSchema, SlaWarningRaisedSchema } from '../../../../shared/domain/timeline/sla-events';
import { SlaMetricSchema } from '../../../../shared/domain/timeline/sla-metric';
import { T0, assignedTicket, closedTicket, minutesAfter, receivedTicket, system } from '../support/ticket-fixtures';

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

/** The figures from the stored tickets, read as the store reads them: open ones as their standing, changed ones whole. */
function operationsFigures(tickets: readonly Ticket[], outboxRows: readonly OutboxRow[], now: string) {
  const since = Date.parse(now) - 60 * 60_000;
  return figuresOf(
    {
      open: tickets.filter((ticket) => !isFinished(ticket.status)).map(({ status, severity, raisedAlertKeys }) => ({ status, raisedAlertKeys, ...(severity === undefined ? {} : { severity }) })),
      changedInWindow: tickets.filter((ticket) => Date.parse(ticket.updatedAt) > since),
      outbox: outboxRows,
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

  it('measures the outbox backlog by its oldest unsent email', () => {
    const { snapshot } = operationsFigures([], [outbox('pending', 3), outbox('pending', 42), outbox('failed', 300), outbox('sent', 500)], NOW);
    expect(snapshot).toMatchObject({ outboxPending: 2, outboxOldestPendingMinutes: 42, outboxFailed: 1 });
    expect(operationsFigures([], [], NOW).snapshot.outboxOldestPendingMinutes).toBe(0);
  });
});
