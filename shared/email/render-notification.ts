/**
 * Renders one notification: picks the template by name and turns its document into subject, HTML
 * and plain text, with every user-supplied string escaped.
 */
import { customerUpdateEmail } from './templates/customer-update';
import { renderEmail, type EmailDocument, type RenderedEmail } from './templates/email-document';
import { engineerAssignedEmail } from './templates/engineer-assigned';
import { handoffEmail } from './templates/handoff';
import { infoRequestedEmail } from './templates/info-requested';
import type { NotificationModel } from './templates/notification-model';
import { resolutionProposedEmail } from './templates/resolution-proposed';
import { slaBreachEmail, slaWarningEmail } from './templates/sla-alert';
import { tamAlertEmail } from './templates/tam-alert';
import type { TemplateName } from './templates/template-names';
import { ticketClosedEmail } from './templates/ticket-closed';
import { ticketReceivedEmail } from './templates/ticket-received';
import { ticketRejectedEmail } from './templates/ticket-rejected';
import { ticketReopenedEmail } from './templates/ticket-reopened';
import { vendorEscalationEmail } from './templates/vendor-escalation';

const TEMPLATES: Readonly<Record<TemplateName, (model: NotificationModel) => EmailDocument>> = {
  'ticket-received': ticketReceivedEmail,
  'ticket-rejected': ticketRejectedEmail,
  'tam-alert': tamAlertEmail,
  'engineer-assigned': engineerAssignedEmail,
  'customer-update': customerUpdateEmail,
  'info-requested': infoRequestedEmail,
  'sla-warning': slaWarningEmail,
  'sla-breach': slaBreachEmail,
  handoff: handoffEmail,
  'vendor-escalation': vendorEscalationEmail,
  'resolution-proposed': resolutionProposedEmail,
  'ticket-closed': ticketClosedEmail,
  'ticket-reopened': ticketReopenedEmail,
};

export function renderNotification(model: NotificationModel): RenderedEmail {
  return renderEmail(TEMPLATES[model.template](model));
}
