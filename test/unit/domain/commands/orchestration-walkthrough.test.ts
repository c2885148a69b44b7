import { agendaCommands } from '../../../../shared/domain/agenda/agenda-commands';
import { validationAgenda } from '../../../../shared/domain/agenda/validation-agenda';
import { type Command } from '../../../../shared/domain/commands/commands';
import { decide } from '../../../../shared/domain/commands/decide';
import { evolve, ticketFromTimeline } from '../../../../shared/domain/commands/evolve';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import { buildHandoffBrief } from '../../../../shared/domain/handoff/build-handoff-brief';
import { parseIntake } from '../../../../shared/domain/intake/parse-intake';
import { notificationContextFor } from '../../../../shared/domain/notifications/notification-context';
import { notificationsFor } from '../../../../shared/domain/notifications/notifications-for';
import { type OrgConfig, OrgConfigSchema } from '../../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../../shared/domain/org/sample/sample-org';
import { engineerRefOf } from '../../../../shared/domain/org/team-leads';
import { nextRegionOnShift } from '../../../../shared/domain/roster/handoff-order';
import { shiftEnd } from '../../../../shared/domain/roster/region-shifts';
import { chooseAssignee } from '../../../../shared/domain/routing/choose-assignee';
import { routeToQueue } from '../../../../shared/domain/routing/route-to-queue';
import { dueSlaAlerts } from '../../../../shared/domain/sla/sla-alerts';
import { slaClocks } from '../../../../shared/domain/sla/sla-clocks';
import { slaHistoryFromTimeline } from '../../../../shared/domain/sla/sla-history-from-timeline';
import { SYSTEM_ACTOR } from '../../../../shared/domain/ticket/actor';
import { formatTicketNumber } from '../../../../shared/domain/ticket/ticket-number';
import { type Ticket } from '../../../../shared/domain/ticket/ticket';
import { webFormBody } from '../support/ticket-fixtures';

/** The orchestrator's loop in miniature: ask the domain, append what it decides, evolve. */
function run(ticket: Ticket, command: Command, now: string, org: OrgConfig): Ticket {
  const decision = decide(ticket, command, now, { lifecycle: org.lifecycle });
  if (!decision.ok) {
    throw new Error(`${command.type}: ${decision.rejection.message}`);
  }
  return decision.events.reduce(evolve, ticket);
}

describe('the domain as the orchestrator uses it', () => {
  const org = OrgConfigSchema.parse(sampleOrgConfig);
  // Monday 23 November 2026, 14:00 UTC: 09:00 in New York, 14:00 in London.
  const received = '2026-11-23T14:00:00.000Z';

  it('takes a Severity A web-form ticket from intake to a handoff, with SLA alerts raised once', () => {
    const parsed = parseIntake(webFormBody());
    if (!parsed.ok) throw new Error('the sample submission is valid');
    let ticket = receiveTicket({ ticketNumber: formatTicketNumber(2026, 42), intake: parsed.intake, accessTokenHash: 'sha256:feedfacefeedface0001', receivedAt: received }).ticket;

    const [validation] = validationAgenda(ticket, org, received).due;
    if (validation === undefined) throw new Error('a received ticket is due its verdict');
    for (const command of agendaCommands(validation)) {
      ticket = run(ticket, command, received, org);
    }
    const route = routeToQueue(org.queues, ticket.productArea ?? '', ticket.severity ?? 'C');
    if (!route.ok) throw new Error('exchange-online has a queue');
    expect(ticket).toMatchObject({ status: 'triaged', queueId: 'collaboration', slaPolicyId: 'enterprise-emea', tamEmail: 'tom.reyes@css.example' });

    const choice = chooseAssignee({ roster: org.roster, queue: route.queue, productArea: 'exchange-online', at: received, openTicketLoad: {} });
    if (!choice.ok) throw new Error('someone is on shift');
    ticket = run(ticket, { type: 'assign', actor: SYSTEM_ACTOR, engineer: engineerRefOf(choice.engineer) }, received, org);

    // No response for 50 minutes: the first-response warning of Sev A's hour is due, once.
    const policy = org.slaPolicies.find((candidate) => candidate.id === ticket.slaPolicyId);
    const later = '2026-11-23T14:50:00.000Z';
    const history = slaHistoryFromTimeline(ticket);
    if (!policy || !history) throw new Error('the ticket is triaged');
    const clocks = slaClocks({ history, policy, calendars: org.calendars, now: later });
    if (!clocks.ok) throw new Error('calendars are configured');
    const alerts = dueSlaAlerts(clocks.clocks, ticket.raisedAlertKeys, later);
    expect(alerts.map((alert) => `${alert.metric}:${alert.kind}`)).toEqual(['first-response:warning']);
    for (const alert of alerts) {
      ticket = run(ticket, { type: 'raise-sla-alert', actor: SYSTEM_ACTOR, alert }, later, org);
      ticket = run(ticket, { type: 'raise-sla-alert', actor: SYSTEM_ACTOR, alert }, later, org);
    }
    expect(ticket.timeline.filter((event) => event.type === 'sla-warning-raised')).toHaveLength(1);
    expect(dueSlaAlerts(clocks.clocks, ticket.raisedAlertKeys, later)).toEqual([]);

    const assignee = ticket.assignee;
    if (!assignee) throw new Error('assigned');
    ticket = run(ticket, { type: 'acknowledge', actor: { role: 'engineer', id: assignee.engineerId }, message: 'I have your ticket and am checking the transport queues.' }, later, org);

    // At the end of the assignee's shift the ticket moves on to the next region with a brief.
    const shiftEnds = shiftEnd(org.roster, assignee.region, later);
    if (!shiftEnds) throw new Error('the assignee is on shift');
    const nextRegion = nextRegionOnShift(org.roster, assignee.region, shiftEnds);
    const successor = chooseAssignee({ roster: org.roster, queue: route.queue, productArea: 'exchange-online', at: shiftEnds, openTicketLoad: {}, excludeEngineerIds: [assignee.engineerId], ...(nextRegion ? { preferRegion: nextRegion } : {}) });
    if (!successor.ok) throw new Error('someone takes over');
    const handoffClocks = slaClocks({ history: slaHistoryFromTimeline(ticket) ?? history, policy, calendars: org.calendars, now: shiftEnds });
    const brief = buildHandoffBrief({ ticket, sla: handoffClocks.ok ? handoffClocks.clocks : [], stallThreshold: org.lifecycle.handoffStallThreshold });
    ticket = run(ticket, { type: 'handoff', actor: SYSTEM_ACTOR, toEngineer: engineerRefOf(successor.engineer), brief }, shiftEnds, org);

    expect(ticket.assignee?.engineerId).toBe(successor.engineer.id);
    expect(ticket.assignee?.region).not.toBe(assignee.region);
    expect(ticketFromTimeline(ticket.timeline)).toEqual({ ok: true, ticket });
    const handedOff = ticket.timeline.find((event) => event.type === 'handed-off');
    const notifications = handedOff ? notificationsFor(ticket, handedOff, notificationContextFor(ticket, org)) : [];
    expect(notifications.map((notification) => notification.template)).toEqual(['handoff']);
  });
});
