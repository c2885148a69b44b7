/**
 * The TAM's daily digest as an outbox message: the domain's digest rendered by the shared
 * templates, under the UUID its domain message id (TAM + day) maps to, so a re-run the same day
 * finds it queued already and sends nothing twice.
 */
import type { TamDigest } from '../domain/notifications/tam-digest';
import type { OrgConfig } from '../domain/org/org-config';
import { messageIdFor } from '../email/message-id';
import type { OutboxDraft } from '../email/outbox-message';
import { renderTamDigest } from '../email/render-notification';
import { staffTicketUrl } from '../ticket-service/ticket-links';

/** Where a digest without tickets would be filed; the domain never makes one. */
const NO_TICKET = 'digest';

export async function tamDigestDraft(digest: TamDigest, desk: OrgConfig['supportDesk'], publicBaseUrl: string): Promise<OutboxDraft> {
  const email = await renderTamDigest({ digest, desk, staffTicketUrl: (ticketNumber) => staffTicketUrl(publicBaseUrl, ticketNumber) });
  return {
    id: messageIdFor(digest.messageId),
    // The outbox files each message under a ticket; a digest spans several, so it is filed under the first.
    ticketNumber: digest.tickets[0]?.ticketNumber ?? NO_TICKET,
    template: digest.template,
    to: digest.to.map((recipient) => (recipient.name === undefined ? { email: recipient.email } : { email: recipient.email, name: recipient.name })),
    replyTo: [{ email: desk.email, name: desk.name }],
    ...email,
  };
}
