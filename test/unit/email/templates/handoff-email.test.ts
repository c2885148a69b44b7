/** The handoff email, rendered from a handoff the sample roster's real shifts produce. */
import { renderNotification } from '../../../../shared/email/render-notification';
import type { NotificationModel } from '../../../../shared/email/templates/notification-model';
import { workAroundTheClock } from '../../domain/agenda/support/round-the-clock';
import { sampleOrg } from '../../domain/support/org-fixtures';

const org = sampleOrg();
const STAFF_URL = 'https://baton.example/staff/tickets/BTN-2026-000777';

describe('the handoff email', () => {
  // Thanksgiving 2026: London's shift ends at 16:00 UTC and New York's on-call engineers take over.
  const { ticket, handoffs } = workAroundTheClock(org, '2026-11-26T14:00:00.000Z', '2026-11-26T17:00:00.000Z', 'azure-networking');
  const [handoff] = handoffs;

  it('tells the incoming engineer who hands over, from which region to which, in the order the sun goes', async () => {
    if (handoff === undefined) throw new Error('expected a handoff at the end of London’s shift');
    const model: NotificationModel = {
      template: 'handoff',
      ticket,
      event: handoff,
      recipient: { role: 'engineer', email: handoff.toEngineer.email, name: handoff.toEngineer.name },
      desk: org.supportDesk,
      links: { staffTicket: STAFF_URL },
    };
    const email = await renderNotification(model);
    expect(email.subject).toContain('Handed over to you');
    expect(email.text).toContain('Hello James Carter,');
    expect(email.text).toContain('Lukas Weber (EMEA) has handed ticket BTN-2026-000777 over to you at the end of EMEA’s shift, as the ticket follows the sun from EMEA to AMER.');
    expect(email.text).toContain('From: Lukas Weber (EMEA)\nTo: James Carter (AMER)');
  });
});
