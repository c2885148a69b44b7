/**
 * The guarantee that no email a change calls for is lost between the `tickets` and `outbox`
 * containers, against the Cosmos and email stand-ins: a proxy takes the outbox down (or a
 * notifier dies) right after the ticket write, the ticket records what it owes in that same
 * write, and the watchdog's sweep queues it later, exactly once, at no cost for tickets that owe
 * nothing.
 */
import type { Command } from '../../../shared/domain/commands/commands';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket/actor';
import type { EngineerRef } from '../../../shared/domain/ticket/engineer-ref';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { ticketChanges } from '../../../shared/ticket-service/apply-to-ticket';
import { NOTIFICATION_DEBT_GRACE_MS } from '../../../shared/email/settle-notification-debts';
import type { TicketNotifier } from '../../../shared/email/ticket-notifier';
import { promptDeliveryLeaseMs, type TicketServices } from '../../../shared/ticket-service/ticket-services';
import { sampleIntake } from './support/sample-intake';
import { startProxiedTicketService, type ProxiedTicketService } from './support/proxied-ticket-service';
import { ManualClock } from './support/ticket-service-fixture';

const START = '2026-11-23T10:00:00.000Z';
const MARIA: EngineerRef = { engineerId: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', region: 'AMER' };
/** A breach on this Severity B ticket tells its engineer, the queue's and the region's leads, and the TAM. */
const BREACH_RECIPIENTS = ['arjun.mehta@css.example', 'daniel.brooks@css.example', 'maria.garcia@css.example', 'tom.reyes@css.example'];
const REQUESTER_EMAIL = 'ana.silva@contoso.com';
const toAssignment: Command[] = [
  { type: 'start-validation', actor: SYSTEM_ACTOR },
  { type: 'triage', actor: SYSTEM_ACTOR, slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' },
  { type: 'assign', actor: SYSTEM_ACTOR, engineer: MARIA },
];
const breach: Command = { type: 'raise-sla-alert', actor: SYSTEM_ACTOR, alert: { kind: 'breach', metric: 'first-response', cycleId: 'c1', key: 'first-response:c1:breach', dueAt: START } };
const proposal: Command = { type: 'propose-resolution', actor: { role: 'engineer', id: MARIA.engineerId, name: MARIA.name }, summary: 'The conditional access policy now excludes the range.' };

describe('emails owed by a saved change', () => {
  let proxied: ProxiedTicketService;

  beforeAll(async () => {
    proxied = await startProxiedTicketService();
  });
  afterEach(() => proxied.proxy.setContainerDown('outbox', false));
  afterAll(() => proxied.stop());

  function servicesAt(clock: ManualClock): TicketServices {
    return proxied.fixture.services({ clock, cosmosClient: proxied.client }).services;
  }

  async function assignedTicket(services: TicketServices, clock: ManualClock): Promise<Ticket> {
    const opened = await services.openTicket({ intake: sampleIntake(), receivedAt: clock.now() });
    if (opened.kind !== 'accepted') throw new Error(`intake failed: ${opened.kind}`);
    const applied = await services.applyToTicket(opened.ticket.ticketNumber, () => toAssignment, clock.now().toISOString());
    if (applied.kind !== 'applied' || applied.notifications.failed.length > 0) throw new Error(`could not assign: ${applied.kind}`);
    return applied.ticket;
  }

  async function debtOf(services: TicketServices, ticketNumber: string) {
    const read = await services.repository.read(ticketNumber);
    if (read.kind !== 'found') throw new Error(`no ticket ${ticketNumber}`);
    return read.stored.notificationDebt;
  }

  /** What the delivery timer would send by now, then every email about the ticket per recipient. */
  async function mailAbout(services: TicketServices, ticketNumber: string, subject: string): Promise<string[]> {
    await services.deliverDueEmails();
    return proxied.fixture.email
      .messages()
      .filter((message) => message.subject.includes(ticketNumber) && message.subject.includes(subject))
      .flatMap((message) => message.to.map((to) => to.address))
      .sort();
  }

  it('queues them from the watchdog’s sweep after an outbox outage, and sends each exactly once', async () => {
    const clock = new ManualClock(START);
    const services = servicesAt(clock);
    const ticket = await assignedTicket(services, clock);

    proxied.proxy.setContainerDown('outbox', true);
    const applied = await services.applyToTicket(ticket.ticketNumber, () => breach, clock.now().toISOString());
    proxied.proxy.setContainerDown('outbox', false);
    // The change is the record: it stands, and says which emails it still owes.
    expect(applied.kind).toBe('applied');
    if (applied.kind !== 'applied') return;
    expect(applied.notifications.failed).toHaveLength(BREACH_RECIPIENTS.length);
    const breached = applied.events.map((event) => event.id);
    expect(await debtOf(services, ticket.ticketNumber)).toEqual({ since: START, eventIds: breached });
    expect(await mailAbout(services, ticket.ticketNumber, 'SLA BREACHED')).toEqual([]);

    clock.advance(NOTIFICATION_DEBT_GRACE_MS - 1_000);
    expect((await services.settleNotificationDebts(clock.now())).examined).toBe(0);
    clock.advance(1_000);
    expect(await services.settleNotificationDebts(clock.now())).toEqual({ examined: 1, settled: [ticket.ticketNumber], stillOwing: [], undeliverable: [] });
    expect(await debtOf(services, ticket.ticketNumber)).toBeUndefined();
    expect(await mailAbout(services, ticket.ticketNumber, 'SLA BREACHED')).toEqual(BREACH_RECIPIENTS);

    clock.advance(NOTIFICATION_DEBT_GRACE_MS);
    expect((await services.settleNotificationDebts(clock.now())).examined).toBe(0);
    expect(await mailAbout(services, ticket.ticketNumber, 'SLA BREACHED')).toEqual(BREACH_RECIPIENTS);
  });

  it('queues them from the sweep when the process dies right after the ticket write', async () => {
    const clock = new ManualClock(START);
    const services = servicesAt(clock);
    const ticket = await assignedTicket(services, clock);
    const dying: TicketNotifier = {
      enqueue: async () => {
        throw new Error('the process was killed');
      },
      deliverPromptly: async () => undefined,
    };

    const dependencies = { repository: services.repository, orgConfig: services.orgConfig, notify: dying };
    await expect(ticketChanges(dependencies)(ticket.ticketNumber, () => proposal, clock.now().toISOString())).rejects.toThrow('killed');
    expect((await debtOf(services, ticket.ticketNumber))?.eventIds).toHaveLength(1);

    clock.advance(NOTIFICATION_DEBT_GRACE_MS);
    expect((await services.settleNotificationDebts(clock.now())).settled).toEqual([ticket.ticketNumber]);
    expect(await mailAbout(services, ticket.ticketNumber, 'Solution proposed')).toEqual([REQUESTER_EMAIL]);
  });

  it('queues no duplicate when the emails did reach the outbox before the process died', async () => {
    const clock = new ManualClock(START);
    const services = servicesAt(clock);
    const ticket = await assignedTicket(services, clock);
    const diesAfterQueuing: TicketNotifier = {
      enqueue: async (...args) => {
        await services.notify.enqueue(...args);
        throw new Error('the process was killed before settling');
      },
      deliverPromptly: async () => undefined,
    };

    const dependencies = { repository: services.repository, orgConfig: services.orgConfig, notify: diesAfterQueuing };
    await expect(ticketChanges(dependencies)(ticket.ticketNumber, () => breach, clock.now().toISOString())).rejects.toThrow('killed');
    // The messages were queued claimed for the prompt send that never came: the timer takes them once that claim has lapsed.
    expect(await mailAbout(services, ticket.ticketNumber, 'SLA BREACHED')).toEqual([]);
    clock.advance(promptDeliveryLeaseMs(services.config.email.sendTimeoutMs));
    expect(await mailAbout(services, ticket.ticketNumber, 'SLA BREACHED')).toEqual(BREACH_RECIPIENTS);
    expect(await debtOf(services, ticket.ticketNumber)).toBeDefined();

    clock.advance(NOTIFICATION_DEBT_GRACE_MS);
    proxied.proxy.reset();
    expect((await services.settleNotificationDebts(clock.now())).settled).toEqual([ticket.ticketNumber]);
    expect(await debtOf(services, ticket.ticketNumber)).toBeUndefined();
    expect(await mailAbout(services, ticket.ticketNumber, 'SLA BREACHED')).toEqual(BREACH_RECIPIENTS);
  });

  it('pays what an earlier change owes on the ticket’s next apply, even one that changes nothing', async () => {
    const clock = new ManualClock(START);
    const services = servicesAt(clock);
    const ticket = await assignedTicket(services, clock);
    proxied.proxy.setContainerDown('outbox', true);
    await services.applyToTicket(ticket.ticketNumber, () => breach, clock.now().toISOString());
    proxied.proxy.setContainerDown('outbox', false);

    // What a retried lifecycle turn does: the alert is recorded already, so nothing is decided.
    const retried = await services.applyToTicket(ticket.ticketNumber, () => breach, clock.now().toISOString());
    expect(retried.kind).toBe('unchanged');
    expect(retried.kind === 'unchanged' && retried.notifications?.enqueued).toHaveLength(BREACH_RECIPIENTS.length);
    expect(await debtOf(services, ticket.ticketNumber)).toBeUndefined();
    expect(await mailAbout(services, ticket.ticketNumber, 'SLA BREACHED')).toEqual(BREACH_RECIPIENTS);
  });

  it('costs a change that calls for emails one more write to settle, and no read', async () => {
    const clock = new ManualClock(START);
    const services = servicesAt(clock);
    const ticket = await assignedTicket(services, clock);
    const onTicket = () => proxied.proxy.requests().filter((request) => request.container === 'tickets').map((request) => request.kind);

    proxied.proxy.reset();
    await services.applyToTicket(ticket.ticketNumber, () => breach, clock.now().toISOString());
    expect(onTicket()).toEqual(['read', 'write', 'write']);
    proxied.proxy.reset();
    await services.applyToTicket(ticket.ticketNumber, () => ({ type: 'internal-note', actor: { role: 'team-lead', id: 'arjun-mehta' }, note: 'Watching.' }), clock.now().toISOString());
    expect(onTicket()).toEqual(['read', 'write']);
  });

  it('costs the sweep one query whatever the number of tickets that owe nothing', async () => {
    const clock = new ManualClock(START);
    const services = servicesAt(clock);
    const settled = await Promise.all(Array.from({ length: 12 }, () => assignedTicket(services, clock)));
    const owing = await assignedTicket(services, clock);
    clock.advance(NOTIFICATION_DEBT_GRACE_MS);

    proxied.proxy.reset();
    expect((await services.settleNotificationDebts(clock.now())).examined).toBe(0);
    expect(proxied.proxy.requests()).toEqual([
      { container: 'tickets', kind: 'query-plan' },
      { container: 'tickets', kind: 'query' },
    ]);

    proxied.proxy.setContainerDown('outbox', true);
    await services.applyToTicket(owing.ticketNumber, () => breach, clock.now().toISOString());
    proxied.proxy.setContainerDown('outbox', false);
    clock.advance(NOTIFICATION_DEBT_GRACE_MS);
    proxied.proxy.reset();
    expect((await services.settleNotificationDebts(clock.now())).settled).toEqual([owing.ticketNumber]);
    const ticketRequests = proxied.proxy.requests().filter((request) => request.container === 'tickets');
    expect(ticketRequests).toEqual([
      { container: 'tickets', kind: 'query-plan' },
      { container: 'tickets', kind: 'query' },
      { container: 'tickets', kind: 'write', documentId: owing.ticketNumber },
    ]);
    expect(settled.map((ticket) => ticket.ticketNumber)).not.toContain(owing.ticketNumber);
  });
});
