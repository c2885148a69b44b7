/**
 * Every email template, fed a ticket in which every field a person typed is an HTML attack: no
 * markup survives into the HTML body, the attack shows as text, and the plain-text body and the
 * subject say the same thing without any escaping noise.
 */
import { renderNotification } from '../../../../shared/email/render-notification';
import type { NotificationModel, NotificationRecipient } from '../../../../shared/email/templates/notification-model';
import { TEMPLATE_NAMES, type TemplateName } from '../../../../shared/email/templates/template-names';
import { attack, escaped, eventFor, hostileTicket } from './hostile-ticket';

const REQUESTER: NotificationRecipient = { role: 'requester', email: 'ana@contoso.com', name: attack('recipient.name') };
const ENGINEER: NotificationRecipient = { role: 'engineer', email: 'maria.garcia@css.example', name: attack('recipient.name') };

/** The field whose words each template must show (beyond the ticket's headline). */
const SHOWN_FIELD: Readonly<Record<TemplateName, string>> = {
  received: 'description',
  rejected: 'reason.message',
  'tam-alert': 'businessImpact',
  assigned: 'reproductionSteps',
  unassigned: 'no-engineer.reason',
  'customer-update': 'agent.message',
  'info-requested': 'info.question',
  'customer-replied': 'customer.message',
  'severity-changed': 'severity.reason',
  'downgrade-proposed': 'downgrade.reason',
  'downgrade-answered': 'requester.name',
  'internal-escalation': 'escalation.reason',
  'vendor-escalation-raised': 'event.caseId',
  'vendor-escalation-failed': 'vendor-failure.reason',
  'vendor-update': 'vendor.note',
  'vendor-follow-up': 'vendor.unreachable',
  'sla-warning': 'sla.explanation',
  'sla-breach': 'sla.explanation',
  handoff: 'brief.answered.answer',
  'resolution-proposed': 'resolution.summary',
  'resolution-reminder': 'proposedResolution.summary',
  'resolution-rejected': 'rejection.reason',
  closed: 'closure.summary',
  reopened: 'reopen.reason',
};

function modelFor(template: TemplateName, recipient: NotificationRecipient): NotificationModel {
  const ticket = hostileTicket();
  const page = 'https://baton.example/tickets/BTN-261123-7K2QX?access=abc';
  return {
    template,
    ticket,
    event: eventFor(template, ticket),
    recipient,
    desk: { name: attack('desk.name'), email: 'support@css.example' },
    links: {
      staffTicket: 'https://baton.example/staff/tickets/BTN-261123-7K2QX',
      ...(recipient.role === 'requester' ? { requester: { statusPage: page, confirmResolution: `${page}&answer=confirm`, rejectResolution: `${page}&answer=reject` } } : {}),
    },
  };
}

describe.each(TEMPLATE_NAMES.map((template) => [template]))('the %s email', (template) => {
  it.each([['requester', REQUESTER], ['staff', ENGINEER]])('lets no markup through for a %s recipient', async (_label, recipient) => {
    const email = await renderNotification(modelFor(template, recipient));
    expect(email.html).not.toMatch(/<script|<img|onerror="/i);
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.text).not.toContain('&lt;');
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('shows what the person wrote, as text', async () => {
    const email = await renderNotification(modelFor(template, REQUESTER));
    const field = SHOWN_FIELD[template];
    expect(email.html).toContain(escaped(field));
    expect(email.text).toContain(attack(field));
  });
});

describe('links in emails', () => {
  it('gives the requester the status page and the resolution answers, and staff only the staff view', async () => {
    const forRequester = await renderNotification(modelFor('resolution-proposed', REQUESTER));
    expect(forRequester.html).toContain('href="https://baton.example/tickets/BTN-261123-7K2QX?access=abc&amp;answer=confirm"');
    expect(forRequester.html).toContain('href="https://baton.example/tickets/BTN-261123-7K2QX?access=abc&amp;answer=reject"');
    const forStaff = await renderNotification(modelFor('sla-breach', ENGINEER));
    expect(forStaff.html).not.toContain('access=');
    expect(forStaff.html).toContain('href="https://baton.example/staff/tickets/BTN-261123-7K2QX"');
  });

  it('never turns a non-web link into an anchor', async () => {
    const model = modelFor('received', REQUESTER);
    const hostile = { ...model, links: { ...model.links, requester: { statusPage: 'javascript:alert(1)', confirmResolution: 'x', rejectResolution: 'y' } } };
    const email = await renderNotification(hostile);
    expect(email.html).not.toContain('href="javascript:');
    expect(email.html).toContain('javascript:alert(1)');
  });
});
