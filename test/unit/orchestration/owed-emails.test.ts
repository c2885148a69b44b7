/**
 * Emails a saved change could not queue are never lost: a lifecycle turn fails so that Durable
 * retries it, and the retry queues them; a person's command still succeeds, and the watchdog's
 * sweep queues them once the grace period is over. Either way each email is queued once.
 */
import { reconcileTicket } from '../../../shared/orchestration/reconcile-ticket';
import { NOTIFICATION_DEBT_GRACE_MS, settleNotificationDebts } from '../../../shared/email/settle-notification-debts';
import { sampleOrg } from '../domain/support/org-fixtures';
import { engineer } from '../domain/support/ticket-fixtures';
import { inMemoryPorts, type InMemoryPorts } from './support/in-memory-ports';
import { chloe, minutesAfterT0, workedTicket } from './support/lifecycle-tickets';

const org = sampleOrg();
const TICKET = 'BTN-2026-000042';
/** Answered at minute 5, the ticket's next-update warning falls due at minute 50. */
const WARNING_DUE = minutesAfterT0(52);

function portsWithWorkedTicket(): InMemoryPorts {
  const ports = inMemoryPorts(org, () => WARNING_DUE);
  ports.put(workedTicket(TICKET));
  return ports;
}

const templates = (ports: InMemoryPorts): string[] => ports.notified.map((notification) => `${notification.template}→${notification.to[0]?.email ?? ''}`);
const debtOf = (ports: InMemoryPorts) => ports.tickets.get(TICKET)?.notificationDebt;
const sweep = (ports: InMemoryPorts, at: string) =>
  settleNotificationDebts({ repository: ports.ticketRepository, notify: ports.ticketNotifier, orgConfig: ports.orgConfig }, new Date(at));

describe('emails a saved change could not queue', () => {
  it('fail the lifecycle turn, and its retry queues each of them once and clears the debt', async () => {
    const ports = portsWithWorkedTicket();
    ports.outboxDown = true;
    await expect(reconcileTicket(ports, { ticketNumber: TICKET, now: WARNING_DUE })).rejects.toThrow(/saved but 2 of its emails could not be queued/);
    const warning = ports.ticket(TICKET).timeline.find((event) => event.type === 'sla-warning-raised');
    expect(warning).toBeDefined();
    expect(debtOf(ports)?.eventIds).toEqual([warning?.id]);
    expect(ports.notified).toEqual([]);

    ports.outboxDown = false;
    const retried = await reconcileTicket(ports, { ticketNumber: TICKET, now: WARNING_DUE });
    expect(retried.applied).toEqual([]);
    expect(templates(ports)).toEqual(['sla-warning→chloe.dubois@css.example', expect.stringMatching(/^sla-warning→/)]);
    expect(debtOf(ports)).toBeUndefined();

    await reconcileTicket(ports, { ticketNumber: TICKET, now: WARNING_DUE });
    expect(ports.notified).toHaveLength(2);
  });

  it('leave a person’s command successful, and are queued by the watchdog’s sweep after the grace period', async () => {
    const ports = portsWithWorkedTicket();
    ports.outboxDown = true;
    const at = minutesAfterT0(20);
    const ticket = await ports.act(TICKET, { type: 'respond', actor: engineer(chloe), message: 'The connector is being rebuilt.' }, at);
    expect(ticket.timeline.at(-1)?.type).toBe('agent-responded');
    expect(debtOf(ports)?.since).toBe(at);
    ports.outboxDown = false;

    const early = await sweep(ports, new Date(Date.parse(at) + NOTIFICATION_DEBT_GRACE_MS - 1_000).toISOString());
    expect(early.examined).toBe(0);
    expect(ports.notified).toEqual([]);

    const due = await sweep(ports, new Date(Date.parse(at) + NOTIFICATION_DEBT_GRACE_MS).toISOString());
    expect(due).toEqual({ examined: 1, settled: [TICKET], stillOwing: [], undeliverable: [] });
    expect(templates(ports)).toEqual([`customer-update→${ticket.requesterEmail}`]);
    expect(debtOf(ports)).toBeUndefined();

    const again = await sweep(ports, minutesAfterT0(30));
    expect(again.examined).toBe(0);
    expect(ports.notified).toHaveLength(1);
  });

  it('stay owed while the outbox is still down, and the sweep says so', async () => {
    const ports = portsWithWorkedTicket();
    ports.outboxDown = true;
    await ports.act(TICKET, { type: 'respond', actor: engineer(chloe), message: 'Still on it.' }, minutesAfterT0(20));
    const report = await sweep(ports, minutesAfterT0(25));
    expect(report.settled).toEqual([]);
    expect(report.stillOwing).toEqual([{ ticketNumber: TICKET, why: '1 email(s) not queued: unavailable' }]);
    expect(debtOf(ports)?.eventIds).toHaveLength(1);
  });
});
