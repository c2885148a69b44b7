/**
 * At every moment of a follow-the-sun handoff, the requester's page, their timeline and the emails
 * Baton sends name the same engineer: the one the ticket is assigned to then. Earlier timeline
 * entries tell who was assigned then, in the past tense, so they never contradict the page.
 */
import { buildHandoffBrief } from '../../../shared/domain/handoff/build-handoff-brief';
import { DEFAULT_LIFECYCLE_SETTINGS } from '../../../shared/domain/org/lifecycle-settings';
import { OrgConfigSchema } from '../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { plannedEmails } from '../../../shared/email/planned-emails';
import { renderNotification } from '../../../shared/email/render-notification';
import type { TemplateName } from '../../../shared/email/templates/template-names';
import { customerTicketView } from '../../../shared/http-api/customer-ticket-view';
import { firstNameOf } from '../../../shared/http-api/first-name';
import { ticketSlaClocks } from '../../../shared/http-api/ticket-sla-clocks';
import { timelineHeadline } from '../../../shared/web/status/status-wording';
import { applyCommands, assignedTicket, engineerActor, LUKAS, MARIA } from './support/ticket-story';

const org = OrgConfigSchema.parse(sampleOrgConfig);
const RECEIVED_AT = '2026-11-24T14:00:00.000Z';

function viewOf(ticket: Ticket) {
  return customerTicketView(ticket, ticketSlaClocks(ticket, org, ticket.updatedAt));
}

function handedOver(ticket: Ticket): Ticket {
  const brief = buildHandoffBrief({ ticket, sla: ticketSlaClocks(ticket, org, ticket.updatedAt), stallThreshold: DEFAULT_LIFECYCLE_SETTINGS.handoffStallThreshold });
  return applyCommands(ticket, [{ type: 'handoff', actor: { role: 'system', id: 'baton' }, toEngineer: LUKAS, brief }]);
}

/** The moments of a handoff: before it, as it happens, once acknowledged, and once the new engineer writes. */
function moments(): { readonly name: string; readonly ticket: Ticket; readonly engineer: string }[] {
  const before = applyCommands(assignedTicket({ ticketNumber: 'BTN-261124-HD0FF', accessTokenHash: 'h'.repeat(43), receivedAt: RECEIVED_AT }), [
    { type: 'acknowledge', actor: engineerActor(MARIA), message: 'I have your ticket and am looking at the sign-in logs.' },
  ]);
  const during = handedOver(before);
  const acknowledged = applyCommands(during, [{ type: 'acknowledge-handoff', actor: engineerActor(LUKAS) }]);
  const written = applyCommands(acknowledged, [{ type: 'respond', actor: engineerActor(LUKAS), message: 'I have taken over from María and am testing the policy change.' }]);
  return [
    { name: 'before the handoff', ticket: before, engineer: MARIA.name },
    { name: 'as the ticket is handed over', ticket: during, engineer: LUKAS.name },
    { name: 'once the handoff is acknowledged', ticket: acknowledged, engineer: LUKAS.name },
    { name: 'once the new engineer writes', ticket: written, engineer: LUKAS.name },
  ];
}

/** Emails that name the ticket's engineer, rendered against the ticket at that moment. */
const NAMING_ENGINEER: readonly TemplateName[] = ['sla-warning', 'vendor-escalation-raised', 'reopened'];

describe.each(moments().map((moment) => [moment.name, moment] as const))('the engineer named %s', (_name, moment) => {
  it('is the one on the page', () => {
    expect(viewOf(moment.ticket).engineer).toEqual({ firstName: firstNameOf(moment.engineer) });
  });

  it('is the one the latest assignment in the timeline names, and no entry says anyone else is the engineer now', () => {
    const timeline = viewOf(moment.ticket).timeline;
    const assignments = timeline.filter((entry) => entry.type === 'engineer-assigned');
    expect(assignments[assignments.length - 1]?.engineer?.firstName).toBe(firstNameOf(moment.engineer));
    const headlines = timeline.map(timelineHeadline);
    expect(headlines.filter((headline) => /\bis your engineer\b/.test(headline))).toEqual([]);
  });

  it('is the one the emails of that moment name', async () => {
    const ticket = moment.ticket;
    const latest = ticket.timeline[ticket.timeline.length - 1];
    if (latest === undefined) throw new Error('a ticket has a timeline');
    for (const template of NAMING_ENGINEER) {
      const email = await renderNotification({
        template,
        ticket,
        event: latest,
        recipient: { role: 'requester', email: ticket.requesterEmail, name: ticket.requester.name },
        desk: org.supportDesk,
        links: { staffTicket: 'https://baton.example/staff/tickets/x' },
      });
      const other = moment.engineer === MARIA.name ? LUKAS.name : MARIA.name;
      expect(`${template}: ${email.text}`).not.toContain(other);
    }
    const written = plannedEmails(ticket, [latest], org);
    for (const planned of written) {
      const email = await renderNotification({
        template: planned.notification.template,
        ticket: planned.ticket,
        event: planned.event,
        recipient: planned.notification.to[0] ?? { role: 'requester', email: ticket.requesterEmail },
        desk: org.supportDesk,
        links: { staffTicket: 'https://baton.example/staff/tickets/x' },
      });
      expect(email.text).toContain(moment.engineer);
    }
  });
});
