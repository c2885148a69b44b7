import * as domain from '../../../../shared/domain';
import { Command, OrgConfig, Ticket } from '../../../../shared/domain';
import { webFormBody } from '../support/ticket-fixtures';

/** The orchestrator's loop in miniature: ask the domain, append what it decides, evolve. */
function run(ticket: Ticket, command: Command, now: string, org: OrgConfig): Ticket {
  const decision = domain.decide(ticket, command, now, { lifecycle: org.lifecycle });
  if (!decision.ok) {
    throw new Error(`${command.type}: ${decision.rejection.message}`);
  }
  return decision.events.reduce(domain.evolve, ticket);
}

describe('the domain as the orchestrator uses it', () => {
  const org = domain.OrgConfigSchema.parse(domain.sampleOrgConfig);
  // Monday 23 November 2026, 14:00 UTC: 09:00 in New York, 14:00 in London.
  const received = '2026-11-23T14:00:00.000Z';

  it('takes a Severity A web-form ticket from intake to a handoff, with SLA alerts raised once', () => {
    const parsed = domain.parseIntake(webFormBody());
    if (!parsed.ok) throw new Error('the sample submission is valid');
    let ticket = domain.receiveTicket({ ticketNumber: domain.formatTicketNumber(2026, 42), intake: parsed.intake, accessTokenHash: 'sha256:feedfacefeedface0001', receivedAt: received }).ticket;

    ticket = run(ticket, { type: 'start-validation', actor: domain.SYSTEM_ACTOR }, received, org);
    const validation = domain.validateTicket(ticket, org, received);
    const route = domain.routeToQueue(org.queues, ticket.productArea ?? '', ticket.severity ?? 'C');
    if (!route.ok) throw new Error('exchange-online has a queue');
    for (const command of domain.commandsAfterValidation(validation, route.queue.id)) {
      ticket = run(ticket, command, received, org);
    }
    expect(ticket).toMatchObject({ status: 'triaged', queueId: 'collaboration', slaPolicyId: 'enterprise-emea', tamEmail: 'tom.reyes@css.example' });

    const choice = domain.chooseAssignee({ roster: org.roster, queue: route.queue, productArea: 'exchange-online', at: received, openTicketLoad: {} });
    if (!choice.ok) throw new Error('someone is on shift');
    ticket = run(ticket, { type: 'assign', actor: domain.SYSTEM_ACTOR, engineer: domain.engineerRefOf(choice.engineer) }, received, org);

    // No response for 50 minutes: the first-response warning of Sev A's hour is due, once.
    const policy = org.slaPolicies.find((candidate) => candidate.id === ticket.slaPolicyId);
    const later = '2026-11-23T14:50:00.000Z';
    const history = domain.slaHistoryFromTimeline(ticket);
    if (!policy || !history) throw new Error('the ticket is triaged');
    const clocks = domain.slaClocks({ history, policy, calendars: org.calendars, now: later });
    if (!clocks.ok) throw new Error('calendars are configured');
    const alerts = domain.dueSlaAlerts(clocks.clocks, ticket.raisedAlertKeys, later);
    expect(alerts.map((alert) => `${alert.metric}:${alert.kind}`)).toEqual(['first-response:warning']);
    for (const alert of alerts) {
      ticket = run(ticket, domain.slaAlertCommand(alert, domain.SYSTEM_ACTOR), later, org);
      ticket = run(ticket, domain.slaAlertCommand(alert, domain.SYSTEM_ACTOR), later, org);
    }
    expect(ticket.timeline.filter((event) => event.type === 'sla-warning-raised')).toHaveLength(1);
    expect(domain.dueSlaAlerts(clocks.clocks, ticket.raisedAlertKeys, later)).toEqual([]);

    const assignee = ticket.assignee;
    if (!assignee) throw new Error('assigned');
    ticket = run(ticket, { type: 'acknowledge', actor: { role: 'engineer', id: assignee.engineerId }, message: 'I have your ticket and am checking the transport queues.' }, later, org);

    // At the end of the assignee's shift the ticket moves on to the next region with a brief.
    const shiftEnds = domain.shiftEnd(org.roster, assignee.region, later);
    if (!shiftEnds) throw new Error('the assignee is on shift');
    const nextRegion = domain.nextRegionOnShift(org.roster, assignee.region, shiftEnds);
    const successor = domain.chooseAssignee({ roster: org.roster, queue: route.queue, productArea: 'exchange-online', at: shiftEnds, openTicketLoad: {}, excludeEngineerIds: [assignee.engineerId], ...(nextRegion ? { preferRegion: nextRegion } : {}) });
    if (!successor.ok) throw new Error('someone takes over');
    const handoffClocks = domain.slaClocks({ history: domain.slaHistoryFromTimeline(ticket) ?? history, policy, calendars: org.calendars, now: shiftEnds });
    const brief = domain.buildHandoffBrief({ ticket, sla: handoffClocks.ok ? handoffClocks.clocks : [], stallThreshold: org.lifecycle.handoffStallThreshold });
    ticket = run(ticket, { type: 'handoff', actor: domain.SYSTEM_ACTOR, toEngineer: domain.engineerRefOf(successor.engineer), brief }, shiftEnds, org);

    expect(ticket.assignee?.engineerId).toBe(successor.engineer.id);
    expect(ticket.assignee?.region).not.toBe(assignee.region);
    expect(domain.ticketFromTimeline(ticket.timeline)).toEqual({ ok: true, ticket });
    const handedOff = ticket.timeline.find((event) => event.type === 'handed-off');
    const notifications = handedOff ? domain.notificationsFor(ticket, handedOff, domain.notificationContextFor(ticket, org)) : [];
    expect(notifications.map((notification) => notification.template)).toEqual(['handoff']);
  });
});
