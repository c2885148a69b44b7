/**
 * Every email staff get links to the ticket's page in the staff console, which a browser opens
 * (signing in first), never to the JSON resource a browser is refused by: the links are built the
 * way the notifier and the TAM digest build them, from the public base URL.
 */
import { renderNotification, renderTamDigest } from '../../../../shared/email/render-notification';
import type { NotificationModel, NotificationRecipient } from '../../../../shared/email/templates/notification-model';
import { TEMPLATE_NAMES, type TemplateName } from '../../../../shared/email/templates/template-names';
import { staffTicketUrl } from '../../../../shared/ticket-service/ticket-links';
import { staffTicketPath } from '../../../../shared/web/staff/staff-routes';
import { TamDigestSchema } from '../../../../shared/domain/notifications/tam-digest';
import { eventFor, hostileTicket } from './hostile-ticket';

const BASE_URL = 'https://support.css.example';
const ENGINEER: NotificationRecipient = { role: 'engineer', email: 'maria.garcia@css.example', name: 'María García' };
const TAM: NotificationRecipient = { role: 'tam', email: 'tom.reyes@css.example', name: 'Tom Reyes' };

/** The templates the domain sends to requesters only (see shared/domain/notifications): no staff link. */
const REQUESTER_ONLY: ReadonlySet<TemplateName> = new Set(['received', 'rejected', 'customer-update', 'info-requested', 'downgrade-proposed', 'resolution-proposed', 'resolution-reminder']);

function staffModel(template: TemplateName, recipient: NotificationRecipient): NotificationModel {
  const ticket = hostileTicket();
  return {
    template,
    ticket,
    event: eventFor(template, ticket),
    recipient,
    desk: { name: 'Baton Cloud Support Desk', email: 'support@css.example' },
    links: { staffTicket: staffTicketUrl(BASE_URL, ticket.ticketNumber) },
  };
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('links in staff emails', () => {
  it('point at the console page of the ticket', () => {
    expect(staffTicketUrl(BASE_URL, 'BTN-261207-7K2QD')).toBe(`${BASE_URL}/staff/tickets/BTN-261207-7K2QD`);
    expect(staffTicketUrl(BASE_URL, 'BTN-261207-7K2QD')).toBe(`${BASE_URL}${staffTicketPath('BTN-261207-7K2QD')}`);
  });

  const staffTemplates = TEMPLATE_NAMES.filter((template) => !REQUESTER_ONLY.has(template));

  it.each(staffTemplates.map((template) => [template]))('the %s email opens the ticket in the console, in HTML and in plain text', async (template) => {
    for (const recipient of [ENGINEER, TAM]) {
      const model = staffModel(template, recipient);
      const console = staffTicketUrl(BASE_URL, model.ticket.ticketNumber);
      const email = await renderNotification(model);
      expect(hrefs(email.html)).toContain(console);
      expect(email.text).toContain(console);
      expect(`${email.html}${email.text}`).not.toContain('/api/staff/');
    }
  });

  it('covers assignment, handoff, SLA warning and breach, vendor follow-up, stall escalation and the TAM alert', () => {
    expect(staffTemplates).toEqual(expect.arrayContaining(['assigned', 'handoff', 'sla-warning', 'sla-breach', 'vendor-follow-up', 'internal-escalation', 'tam-alert']));
  });

  it('the TAM digest opens every ticket it lists in the console', async () => {
    const ticketNumbers = ['BTN-261207-7K2QD', 'BTN-261207-9M3RX'];
    const digest = TamDigestSchema.parse({
      template: 'tam-digest',
      to: [{ role: 'tam', email: 'tom.reyes@css.example', name: 'Tom Reyes' }],
      messageId: 'tam-digest/2026-12-07/tom.reyes@css.example',
      day: '2026-12-07',
      tickets: ticketNumbers.map((ticketNumber) => ({ ticketNumber, customer: 'Contoso Ltd', status: 'investigating', risks: ['Resolution (Sev A) breached at 10:00 UTC.'] })),
    });
    const email = await renderTamDigest({ digest, desk: { name: 'Baton Cloud Support Desk', email: 'support@css.example' }, staffTicketUrl: (n) => staffTicketUrl(BASE_URL, n) });
    expect(hrefs(email.html)).toEqual(expect.arrayContaining(ticketNumbers.map((n) => `${BASE_URL}/staff/tickets/${n}`)));
    expect(email.text).not.toContain('/api/staff/');
  });
});
