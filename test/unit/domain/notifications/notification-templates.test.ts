import { notificationContextFor } from '../../../../shared/domain/notifications/notification-context';
import { notificationsFor } from '../../../../shared/domain/notifications/notifications-for';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { TimelineEventType } from '../../../../shared/domain/timeline/timeline-event';
import { ticketFromTimeline } from '../../../../shared/domain/commands/evolve';
import { instantPlus } from '../../../../shared/domain/commands/instants';
import { sampleOrg } from '../support/org-fixtures';
import { apply, applyAll, engineer, graceRef, investigatingTicket, lead, maria, requester, system, vendor } from '../support/ticket-fixtures';

const org = sampleOrg();

/** For each event of the ticket's timeline: its type and "template → roles" as the notifier plans them. */
function plan(ticket: Ticket): [TimelineEventType, string][] {
  return ticket.timeline.map((event, index) => {
    const replay = ticketFromTimeline(ticket.timeline.slice(0, index + 1));
    const at = replay.ok ? replay.ticket : ticket;
    const notifications = notificationsFor(at, event, notificationContextFor(at, org));
    return [event.type, notifications.map((notification) => `${notification.template}:${notification.to[0]?.role ?? '?'}`).join(' ')];
  });
}

describe('who hears of what, across a ticket’s life', () => {
  const ticket = applyAll(investigatingTicket(), [
    { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend transport logs are needed.' },
    { type: 'record-vendor-case', actor: system, outcome: { status: 'failed', reason: 'Vendor portal unavailable.' } },
    { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Second attempt.' },
    { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '2611230040001234' } },
    { type: 'vendor-update', actor: vendor, note: 'Smart host blocked by a platform rule.', status: 'solution-provided' },
    { type: 'follow-up-vendor', actor: system },
    { type: 'report-no-engineer', actor: system, queueId: 'collaboration', reason: 'Nobody on shift has the skill.' },
    { type: 'escalate-internally', actor: lead, reason: 'Customer is getting anxious.', to: graceRef },
    { type: 'customer-reply', actor: requester, message: 'Any news from Microsoft?' },
    { type: 'change-severity', actor: lead, to: 'B', reason: 'Mail flows for most users.' },
    { type: 'consent-to-downgrade', actor: requester },
    { type: 'change-severity', actor: lead, to: 'A', reason: 'Outage is back for everyone.' },
    { type: 'propose-resolution', actor: engineer(maria), summary: 'Microsoft lifted the platform rule.' },
    { type: 'reject-resolution', actor: requester, reason: 'Shared mailboxes still queue.' },
    { type: 'propose-resolution', actor: engineer(maria), summary: 'Shared mailboxes moved to the new connector.' },
    { type: 'self-close', actor: requester, solution: 'We removed the old connector ourselves.' },
    { type: 'reopen', actor: requester, reason: 'Queue growing again.' },
  ]);

  it('plans the right template for the right people at each event', () => {
    expect(plan(ticket)).toEqual([
      ['ticket-received', 'received:requester'],
      ['validation-started', ''],
      ['ticket-triaged', 'tam-alert:tam'],
      ['engineer-assigned', 'assigned:engineer'],
      ['acknowledged', 'customer-update:requester'],
      ['vendor-escalation-requested', ''],
      ['vendor-case-failed', 'vendor-escalation-failed:engineer vendor-escalation-failed:team-lead vendor-escalation-failed:team-lead'],
      ['vendor-escalation-requested', ''],
      ['vendor-case-opened', 'vendor-escalation-raised:requester vendor-escalation-raised:tam'],
      ['vendor-updated', 'vendor-update:engineer'],
      ['vendor-followed-up', 'vendor-follow-up:engineer'],
      ['no-engineer-available', 'unassigned:team-lead unassigned:team-lead'],
      ['escalated-internally', 'internal-escalation:team-lead internal-escalation:engineer'],
      ['customer-replied', 'customer-replied:engineer'],
      ['severity-downgrade-proposed', 'downgrade-proposed:requester'],
      ['severity-downgrade-consented', 'downgrade-answered:engineer downgrade-answered:tam'],
      ['severity-raised', 'severity-changed:requester severity-changed:engineer tam-alert:tam'],
      ['resolution-proposed', 'resolution-proposed:requester'],
      ['resolution-rejected', 'resolution-rejected:engineer'],
      ['resolution-proposed', 'resolution-proposed:requester'],
      ['self-closed', 'closed:requester closed:engineer'],
      ['ticket-reopened', 'reopened:engineer reopened:requester'],
    ]);
  });

  it('reminds the requester of the proposal they have not answered', () => {
    const proposed = applyAll(investigatingTicket(), [{ type: 'propose-resolution', actor: engineer(maria), summary: 'Connector fixed.' }]);
    const reminded = apply(proposed, { type: 'send-resolution-reminder', actor: system }, instantPlus(proposed.updatedAt, { days: 3 }));
    const event = reminded.timeline.at(-1);
    const [reminder] = event ? notificationsFor(reminded, event, notificationContextFor(reminded, org)) : [];
    expect(reminder).toMatchObject({ template: 'resolution-reminder', to: [{ role: 'requester' }], data: { summary: 'Connector fixed.' } });
  });

  it('finds no TAM when neither the ticket nor its contract names one', () => {
    const untriaged = investigatingTicket();
    const { tamEmail: _dropped, ...withoutTam } = untriaged;
    expect(notificationContextFor({ ...withoutTam, contractId: 'northwind-modern' }, org).tam).toBeUndefined();
    expect(notificationContextFor({ ...withoutTam, contractId: 'contoso-unified' }, org).tam).toEqual({ email: 'tom.reyes@css.example', name: 'Tom Reyes' });
  });
});
