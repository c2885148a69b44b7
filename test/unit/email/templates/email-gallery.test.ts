/**
 * Every email template, as its recipient reads it: the plain-text part is kept as a snapshot (a
 * change of wording shows in review), and the words are checked for what a person must never
 * read: internal names, doubled full stops, a staff member addressed as the requester.
 */
import { renderNotification } from '../../../../shared/email/render-notification';
import { TEMPLATE_NAMES } from '../../../../shared/email/templates/template-names';
import { sampleModel } from './sample-emails';

describe.each(TEMPLATE_NAMES.map((template) => [template]))('the %s email', (template) => {
  it('reads as its snapshot', async () => {
    const email = await renderNotification(sampleModel(template));
    expect(`Subject: ${email.subject}\n\n${email.text}`).toMatchSnapshot();
  });

  it('speaks in words, not in Baton’s internal names', async () => {
    const email = await renderNotification(sampleModel(template));
    expect(email.text).not.toMatch(/\b(entra-id|investigating|awaiting-customer|escalated-to-vendor|resolution-proposed|first-response|next-update)\b/);
    expect(email.text).not.toMatch(/[^.]\.\.(\s|$)/);
  });

  it('keeps the ticket’s subject root, so mail clients thread it', async () => {
    const email = await renderNotification(sampleModel(template));
    expect(email.subject.endsWith('[BTN-261123-7K2QX] Finance users cannot sign in after MFA change')).toBe(true);
  });
});

describe('what the emails tell each reader', () => {
  it('tells the engineer of a closure what the customer did, never “you confirmed”', async () => {
    const model = sampleModel('closed', 'engineer');
    const confirmed = { ...model, ticket: { ...model.ticket, closure: { reason: 'confirmed' as const, at: model.event.at, summary: '' } } };
    const email = await renderNotification(confirmed);
    expect(email.text).toContain('The customer confirmed the proposed resolution.');
    expect(email.text).not.toMatch(/\byou (confirmed|closed)\b/i);
  });

  it('tells the requester of a closure what they did', async () => {
    const model = sampleModel('closed', 'requester');
    const confirmed = { ...model, ticket: { ...model.ticket, closure: { reason: 'confirmed' as const, at: model.event.at, summary: '' } } };
    expect((await renderNotification(confirmed)).text).toContain('You confirmed the proposed resolution.');
  });

  it('tells a rejected requester that a reply reaches the desk, as Reply-To makes it do', async () => {
    const email = await renderNotification(sampleModel('rejected'));
    expect(email.text).toContain('reply to this email: your reply reaches Baton Cloud Support Desk.');
    expect(email.text).not.toContain('support contact');
  });

  it('names the product area by its title and the status in words', async () => {
    const email = await renderNotification(sampleModel('received'));
    expect(email.text).toContain('Product area: Microsoft Entra ID');
    expect(email.text).toContain('Status: Being investigated');
  });
});
