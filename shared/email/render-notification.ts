/**
 * Renders one notification: picks the template by name and turns its document into subject, HTML
 * and plain text, with every user-supplied string escaped. The TAM's daily digest, which speaks of
 * no single ticket event, has a model of its own and goes through the same rendering.
 */
import { customerUpdateEmail } from './templates/customer-update';
import { renderEmail, type EmailDocument, type RenderedEmail } from './templates/email-document';
import { engineerAssignedEmail } from './templates/engineer-assigned';
import { handoffEmail } from './templates/handoff';
import { infoRequestedEmail } from './templates/info-requested';
import type { NotificationModel } from './templates/notification-model';
import { resolutionProposedEmail } from './templates/resolution-proposed';
import { downgradeAnsweredEmail, downgradeProposedEmail, severityChangedEmail } from './templates/severity-emails';
import { slaBreachEmail, slaWarningEmail } from './templates/sla-alert';
import { customerRepliedEmail, resolutionRejectedEmail } from './templates/staff-conversation';
import { internalEscalationEmail, unassignedEmail } from './templates/staffing-escalations';
import { tamAlertEmail } from './templates/tam-alert';
import { tamDigestEmail, type TamDigestModel } from './templates/tam-digest';
import type { TemplateName } from './templates/template-names';
import { ticketClosedEmail } from './templates/ticket-closed';
import { ticketReceivedEmail } from './templates/ticket-received';
import { ticketRejectedEmail } from './templates/ticket-rejected';
import { ticketReopenedEmail } from './templates/ticket-reopened';
import { vendorEscalationEmail } from './templates/vendor-escalation';
import { vendorFollowUpEmail } from './templates/vendor-follow-up';
import { vendorEscalationFailedEmail, vendorUpdateEmail } from './templates/vendor-staff';

const TEMPLATES: Readonly<Record<TemplateName, (model: NotificationModel) => EmailDocument>> = {
  received: ticketReceivedEmail,
  rejected: ticketRejectedEmail,
  'tam-alert': tamAlertEmail,
  assigned: engineerAssignedEmail,
  unassigned: unassignedEmail,
  'customer-update': customerUpdateEmail,
  'info-requested': infoRequestedEmail,
  'customer-replied': customerRepliedEmail,
  'severity-changed': severityChangedEmail,
  'downgrade-proposed': downgradeProposedEmail,
  'downgrade-answered': downgradeAnsweredEmail,
  'internal-escalation': internalEscalationEmail,
  'vendor-escalation-raised': vendorEscalationEmail,
  'vendor-escalation-failed': vendorEscalationFailedEmail,
  'vendor-update': vendorUpdateEmail,
  'vendor-follow-up': vendorFollowUpEmail,
  'sla-warning': slaWarningEmail,
  'sla-breach': slaBreachEmail,
  handoff: handoffEmail,
  'resolution-proposed': resolutionProposedEmail,
  'resolution-reminder': resolutionProposedEmail,
  'resolution-rejected': resolutionRejectedEmail,
  closed: ticketClosedEmail,
  reopened: ticketReopenedEmail,
};

export function renderNotification(model: NotificationModel): Promise<RenderedEmail> {
  return renderEmail(TEMPLATES[model.template](model), { deskName: model.desk.name, ...(model.desk.brandColor === undefined ? {} : { brandColor: model.desk.brandColor }) });
}

export function renderTamDigest(model: TamDigestModel): Promise<RenderedEmail> {
  return renderEmail(tamDigestEmail(model), { deskName: model.desk.name, ...(model.desk.brandColor === undefined ? {} : { brandColor: model.desk.brandColor }) });
}
