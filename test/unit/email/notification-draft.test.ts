/**
 * Every email template, as the outbox message that carries it: threaded into its recipient's
 * conversation about the ticket (Message-ID, In-Reply-To, References), Reply-To the desk, and
 * every word a person typed still escaped in the HTML and plain in the text.
 */
import { notificationMessageId, type Notification } from '../../../shared/domain/notifications/notification';
import { internetMessageId } from '../../../shared/email/email-thread';
import { notificationDraft, type DraftContext } from '../../../shared/email/notification-draft';
import { outboxMessageId } from '../../../shared/email/planned-emails';
import { TEMPLATE_NAMES, type TemplateName } from '../../../shared/email/templates/template-names';
import { attack, escaped } from './templates/hostile-ticket';
import { RECIPIENT_OF, sampleModel } from './templates/sample-emails';

const SENDER = 'DoNotReply@baton.example';
const EARLIER_EMAIL = '00000000-0000-5000-8000-000000000001';

async function draftOf(template: TemplateName) {
  const model = sampleModel(template, RECIPIENT_OF[template], attack);
  const recipient = model.recipient;
  const notification: Notification = {
    template,
    to: [recipient],
    messageId: notificationMessageId(model.event.id, template, recipient.email),
    ticketNumber: model.ticket.ticketNumber,
    eventId: model.event.id,
    data: {},
  };
  const id = outboxMessageId(notification);
  const context: DraftContext = {
    desk: { name: 'Baton Cloud Support Desk', email: 'support@css.example' },
    replyToAddress: 'support@css.example',
    senderAddress: SENDER,
    conversations: new Map([[recipient.email, [EARLIER_EMAIL, id]]]),
  };
  const draft = await notificationDraft({ notification, ticket: model.ticket, event: model.event }, model.links, context);
  if (draft === undefined) throw new Error('expected a draft');
  return { draft, id };
}

describe.each(TEMPLATE_NAMES.map((template) => [template]))('the %s email in the outbox', (template) => {
  it('carries its own Message-ID and answers the recipient’s previous email about the ticket', async () => {
    const { draft, id } = await draftOf(template);
    expect(draft.headers).toEqual({
      'Message-ID': internetMessageId(id, SENDER),
      'In-Reply-To': internetMessageId(EARLIER_EMAIL, SENDER),
      References: internetMessageId(EARLIER_EMAIL, SENDER),
    });
    expect(draft.replyTo).toEqual([{ email: 'support@css.example', name: 'Baton Cloud Support Desk' }]);
  });

  it('keeps what people typed escaped in the HTML and plain in the text', async () => {
    const { draft } = await draftOf(template);
    expect(draft.html).not.toMatch(/<script|<img|onerror="/i);
    expect(draft.html).toContain(escaped('title'));
    expect(draft.text).not.toContain('&lt;');
    expect(draft.subject).toContain(attack('title'));
  });
});
