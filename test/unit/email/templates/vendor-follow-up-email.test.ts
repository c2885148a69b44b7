/** The reminder to chase a quiet vendor case, rendered from the domain's follow-up event. */
import { instantPlus } from '../../../../shared/domain/commands/instants';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { renderNotification } from '../../../../shared/email/render-notification';
import type { NotificationModel } from '../../../../shared/email/templates/notification-model';
import { apply, applyAll, engineer, investigatingTicket, maria, system } from '../../domain/support/ticket-fixtures';
import { attack, escaped } from './hostile-ticket';

const STAFF_URL = 'https://baton.example/staff/tickets/BTN-2026-000042';

function followedUp(title: string, note?: string): Ticket {
  const opened = applyAll(investigatingTicket({ title }), [
    { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend transport logs are needed.' },
    { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: 'SR-7' } },
  ]);
  const at = instantPlus(opened.vendorCase?.openedAt ?? '', { hours: 4 });
  return apply(opened, { type: 'follow-up-vendor', actor: system, ...(note === undefined ? {} : { note }) }, at);
}

function render(ticket: Ticket) {
  const event = ticket.timeline.at(-1);
  if (event === undefined) throw new Error('expected the follow-up on the timeline');
  const model: NotificationModel = {
    template: 'vendor-follow-up',
    ticket,
    event,
    recipient: { role: 'engineer', email: maria.email, name: maria.name },
    desk: { name: 'Baton Support', email: 'support@css.example' },
    links: { staffTicket: STAFF_URL },
  };
  return renderNotification(model);
}

describe('the vendor follow-up reminder', () => {
  it('tells the engineer which case went quiet since when, its status, and that chasing it is theirs', async () => {
    const ticket = followedUp('Mail queues on the hybrid connector');
    const email = await render(ticket);
    expect(email.subject).toBe('Follow up vendor case SR-7: [BTN-2026-000042] Mail queues on the hybrid connector');
    const openedAt = ticket.vendorCase?.openedAt ?? '';
    expect(email.text).toContain(`Hello ${maria.name},`);
    expect(email.text).toContain(`Vendor case SR-7 for ticket BTN-2026-000042 has had no news since ${openedAt.slice(0, 16).replace('T', ' ')} UTC.`);
    expect(email.text).toContain('The case is open.');
    expect(email.text).toContain("You remain the customer's point of contact: please chase the vendor and update the customer.");
    expect(email.text).toContain(`Open the ticket: ${STAFF_URL}`);
    expect(email.html).toContain(`href="${STAFF_URL}"`);
    expect(email.text).not.toContain('access=');
  });

  it('quotes why the vendor could not be read, instead of a status it does not know', async () => {
    const email = await render(followedUp('Mail queues on the hybrid connector', 'The vendor could not be reached: vendor answered 503'));
    expect(email.text).toContain('The case could not be read this time:\n\n> The vendor could not be reached: vendor answered 503');
    expect(email.text).not.toContain('The case is open.');
  });

  it('shows a hostile ticket title as text in both bodies and keeps the subject on one line', async () => {
    const email = await render(followedUp(`${attack('title')}\nBcc: everyone@example.com`, attack('vendor.note')));
    expect(email.html).not.toMatch(/<script|<img|onerror="/i);
    expect(email.html).toContain(escaped('title'));
    expect(email.html).toContain(escaped('vendor.note'));
    expect(email.text).toContain(attack('title'));
    expect(email.text).toContain(attack('vendor.note'));
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});
