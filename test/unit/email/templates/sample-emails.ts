/**
 * Every email template as a person receives it: a realistic ticket of the sample organisation
 * (a Nestlé S.A. requester, María García on it, the real product catalogue and desk), the event
 * that occasions the template, and the recipient the domain sends it to. The gallery of snapshots
 * and screenshots renders these.
 */
import { sampleOrg } from '../../domain/support/org-fixtures';
import type { NotificationModel, NotificationRecipient } from '../../../../shared/email/templates/notification-model';
import type { TemplateName } from '../../../../shared/email/templates/template-names';
import { writtenEventFor, writtenTicket, type Write } from './written-ticket';

const SAMPLE_TEXT: Readonly<Record<string, string>> = {
  'requester.name': 'Ana Silva',
  company: 'Nestlé S.A.',
  title: 'Finance users cannot sign in after MFA change',
  description: 'Since 08:00 every user in the finance group gets AADSTS50076 when signing in to Outlook and Teams.\nOther groups are fine.',
  businessImpact: 'Month-end closing is stopped for 40 people.',
  whatWasTried: 'Re-registered MFA for two users; no change.',
  errorText: 'AADSTS50076: Due to a configuration change made by your administrator…',
  reproductionSteps: 'Sign in as any member of finance@contoso.com from a managed laptop.',
  expectedBehaviour: 'Sign-in with the authenticator app.',
  actualBehaviour: 'The prompt loops back to the password page.',
  attachmentsNote: 'Sign-in log export available on request.',
  'vendorCase.caseId': 'SR-2611230042',
  'event.caseId': 'SR-2611230042',
  'proposedResolution.summary': 'The conditional access policy "Finance MFA" excluded the new authentication strength; it now includes it.',
  'resolution.summary': 'The conditional access policy "Finance MFA" excluded the new authentication strength; it now includes it.',
  'pendingDowngrade.reason': 'Sign-in works again for most users; two remain affected.',
  'downgrade.reason': 'Sign-in works again for most users; two remain affected.',
  'closure.summary': 'Conditional access policy corrected; all finance users sign in again.',
  solution: 'Conditional access policy corrected; all finance users sign in again.',
  'engineer.name': 'María García',
  'actor.name': 'María García',
  'from.name': 'María García',
  'to.name': 'Lukas Weber',
  'escalation.to.name': 'Grace Okafor',
  'recipient.name': 'Ana Silva',
  'reason.message': 'The description does not say what fails or since when.',
  'no-engineer.reason': 'Nobody qualified is on shift in EMEA until 07:00 UTC.',
  'agent.message': 'I can see the failed sign-ins in your tenant and am looking at the conditional access policies now.',
  'info.question': 'Which conditional access policies were changed this morning, and by whom?',
  'customer.message': 'The "Finance MFA" policy was edited at 07:45 by our identity team.',
  'severity.reason': 'All of finance is now affected, not only two users.',
  'escalation.reason': 'Second handoff without news for the customer.',
  'vendor-failure.reason': 'The vendor API answered 503 three times.',
  'vendor.note': 'We reproduced the loop with authentication strengths in preview; a fix is rolling out.',
  'vendor.unreachable': 'No answer from the vendor since the case was opened.',
  'sla.explanation': 'First response is due 1 hour after receipt (Severity A, 24×7).',
  'rejection.reason': 'Two users still cannot sign in.',
  'reopen.reason': 'The loop is back since this morning.',
  'brief.problemStatement': 'Finance users loop on the MFA prompt after the "Finance MFA" policy change.',
  'brief.businessImpact': 'Month-end closing is stopped for 40 people.',
  'brief.whatWasTried': 'Re-registered MFA for two users; compared sign-in logs.',
  'brief.evidence.errorText': 'AADSTS50076',
  'brief.outgoingNote': 'Policy export attached to the ticket; the customer answers quickly.',
  'brief.nextStep': 'Check the authentication strength on the policy with the customer.',
  'brief.answered.question': 'Which policy changed?',
  'brief.answered.answer': 'Finance MFA, at 07:45.',
  'brief.open.question': 'Can you send a sign-in log export for one affected user?',
  'brief.note.author': 'María García',
  'brief.note': 'Reproduced with a test user in the finance group.',
};

/** Realistic words for each field a person types; a field without sample words is named plainly. */
export const writeSample: Write = (field) => SAMPLE_TEXT[field] ?? `Sample ${field}`;

/** Who the domain sends each template to first (see `notificationsFor`). */
export const RECIPIENT_OF: Readonly<Record<TemplateName, NotificationRecipient['role']>> = {
  received: 'requester',
  rejected: 'requester',
  'tam-alert': 'tam',
  assigned: 'engineer',
  unassigned: 'team-lead',
  'customer-update': 'requester',
  'info-requested': 'requester',
  'customer-replied': 'engineer',
  'severity-changed': 'requester',
  'downgrade-proposed': 'requester',
  'downgrade-answered': 'engineer',
  'internal-escalation': 'team-lead',
  'vendor-escalation-raised': 'requester',
  'vendor-escalation-failed': 'engineer',
  'vendor-update': 'engineer',
  'vendor-follow-up': 'engineer',
  'sla-warning': 'engineer',
  'sla-breach': 'engineer',
  handoff: 'engineer',
  'resolution-proposed': 'requester',
  'resolution-reminder': 'requester',
  'resolution-rejected': 'engineer',
  closed: 'requester',
  reopened: 'engineer',
};

const PEOPLE: Readonly<Record<NotificationRecipient['role'], NotificationRecipient>> = {
  requester: { role: 'requester', email: 'ana@contoso.com', name: 'Ana Silva' },
  engineer: { role: 'engineer', email: 'maria.garcia@css.example', name: 'María García' },
  'team-lead': { role: 'team-lead', email: 'grace.okafor@css.example', name: 'Grace Okafor' },
  tam: { role: 'tam', email: 'tom.reyes@css.example', name: 'Tom Reyes' },
};

export const PUBLIC_BASE_URL = 'https://baton.example';

export function sampleModel(template: TemplateName, role: NotificationRecipient['role'] = RECIPIENT_OF[template], write: Write = writeSample): NotificationModel {
  const org = sampleOrg();
  const ticket = writtenTicket(write);
  const page = `${PUBLIC_BASE_URL}/tickets/${ticket.ticketNumber}?access=sample-token`;
  // A handoff goes to the engineer taking over.
  const recipient = template === 'handoff' ? { role, email: 'lukas.weber@css.example', name: 'Lukas Weber' } : PEOPLE[role];
  return {
    template,
    ticket,
    event: writtenEventFor(template, ticket, write),
    recipient,
    desk: org.supportDesk,
    productAreas: org.productCatalogue,
    queues: org.queues,
    links: {
      staffTicket: `${PUBLIC_BASE_URL}/staff/tickets/${ticket.ticketNumber}`,
      ...(role === 'requester' ? { requester: { statusPage: page, confirmResolution: `${page}&answer=confirm#resolution`, rejectResolution: `${page}&answer=reject#resolution` } } : {}),
    },
  };
}
