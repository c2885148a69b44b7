/** The TAM's daily digest, rendered by the shared blocks: escaped HTML, the same words in plain text. */
import { TamDigestSchema, type AtRiskTicket, type TamDigest } from '../../../../shared/domain/notifications/tam-digest';
import { renderTamDigest } from '../../../../shared/email/render-notification';
import { attack, escaped } from './hostile-ticket';

const staffTicketUrl = (ticketNumber: string): string => `https://baton.example/staff/tickets/${ticketNumber}`;
const desk = { name: 'Baton Support', email: 'support@css.example' };

/** `name` null: a TAM the contracts do not name. */
function digestOf(tickets: AtRiskTicket[], name: string | null = 'Tom Reyes'): TamDigest {
  return TamDigestSchema.parse({
    template: 'tam-digest',
    to: [{ role: 'tam', email: 'tom.reyes@css.example', ...(name === null ? {} : { name }) }],
    messageId: 'tam-digest/2026-11-23/tom.reyes@css.example',
    day: '2026-11-23',
    tickets,
  });
}

const breached: AtRiskTicket = {
  ticketNumber: 'BTN-2026-000001',
  title: 'Finance cannot sign in',
  severity: 'A',
  customer: 'Contoso Ltd',
  status: 'investigating',
  risks: ['Next update (Sev A) breached at 15:05 UTC.'],
};
const stalled: AtRiskTicket = {
  ticketNumber: 'BTN-2026-000003',
  customer: 'ana@contoso.com',
  status: 'assigned',
  risks: ['3 follow-the-sun handoffs without an update to the customer.', 'First response (Sev B) warning since 09:00 UTC.'],
};

describe('the TAM digest email', () => {
  it('lists each ticket with its headline, every risk and a link to it', async () => {
    const email = await renderTamDigest({ digest: digestOf([breached, stalled]), desk, staffTicketUrl });
    expect(email.subject).toBe('Your at-risk tickets, 2026-11-23: 2');
    expect(email.text).toContain('Hello Tom Reyes,');
    expect(email.text).toContain("2 of your customers' tickets need attention today (2026-11-23):");
    expect(email.text).toContain('BTN-2026-000001 · Sev A · Contoso Ltd · Finance cannot sign in (being investigated)');
    expect(email.text).toContain('- Next update (Sev A) breached at 15:05 UTC.');
    expect(email.text).toContain('BTN-2026-000003 · Sev ? · ana@contoso.com · no title (assigned to an engineer)');
    expect(email.text).toContain('- 3 follow-the-sun handoffs without an update to the customer.\n- First response (Sev B) warning since 09:00 UTC.');
    expect(email.text).toContain('Open BTN-2026-000003: https://baton.example/staff/tickets/BTN-2026-000003');
    expect(email.html).toMatch(/<a\s+href="https:\/\/baton\.example\/staff\/tickets\/BTN-2026-000001"/);
    expect(email.text.endsWith('Baton Support\nsupport@css.example')).toBe(true);
  });

  it('speaks of one ticket in the singular, and greets by address when the TAM has no name', async () => {
    const email = await renderTamDigest({ digest: digestOf([breached], null), desk, staffTicketUrl });
    expect(email.subject).toBe('Your at-risk tickets, 2026-11-23: 1');
    expect(email.text).toContain('Hello tom.reyes@css.example,');
    expect(email.text).toContain("1 of your customers' tickets needs attention today (2026-11-23):");
  });

  it('shows hostile ticket titles, customers, risks and names as text, never as markup', async () => {
    const hostile: AtRiskTicket = { ...breached, title: attack('title'), customer: attack('company'), risks: [attack('risk')] };
    const email = await renderTamDigest({ digest: digestOf([hostile], attack('tam.name')), desk: { ...desk, name: attack('desk.name') }, staffTicketUrl });
    expect(email.html).not.toMatch(/<script|<img|onerror="/i);
    for (const field of ['title', 'company', 'risk', 'tam.name', 'desk.name']) {
      expect(email.html).toContain(escaped(field));
      expect(email.text).toContain(attack(field));
    }
    expect(email.text).not.toContain('&lt;');
  });
});
