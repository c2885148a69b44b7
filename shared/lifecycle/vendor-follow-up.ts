/**
 * The follow-up on an open vendor case, when its interval has passed: reads the case (recording
 * whatever the vendor said since), records the follow-up, and reminds the engineer by email that
 * the case is theirs to chase. A vendor that cannot be read is noted; the timer comes round again.
 */
import type { Command } from '../domain/lifecycle/commands';
import { vendorFollowUpDueAt } from '../domain/lifecycle/vendor-escalation-state';
import type { Instant } from '../domain/primitives';
import type { OrgConfig } from '../domain/org/org-config';
import { SYSTEM_ACTOR } from '../domain/ticket/actor';
import type { Ticket } from '../domain/ticket/ticket';
import { messageIdFor } from '../email/message-id';
import type { OutboxDraft } from '../email/outbox-message';
import type { ServiceRequest } from '../vendor/vendor-schemas';
import { ticketAfter } from './apply-result';
import type { LifecyclePorts } from './lifecycle-ports';
import { vendorUpdateFor } from './vendor-observation';

/**
 * `dueAt` names the follow-up: a re-run after a crash finds it applied under that id and still
 * queues the reminder (whose id is derived from the follow-up event, so it goes out once).
 */
export async function followUpVendorCase(ports: LifecyclePorts, ticket: Ticket, org: OrgConfig, now: Instant, dueAt: Instant): Promise<Ticket> {
  const caseId = ticket.vendorCase?.caseId;
  if (caseId === undefined) return ticket;
  const read = await ports.vendor.getCase(caseId, { correlationId: ticket.ticketNumber });
  const serviceRequest = read.ok ? read.value : undefined;
  const note = read.ok ? undefined : `The vendor could not be reached: ${read.error.message}`.slice(0, 8000);
  const result = await ports.applyToTicket(ticket.ticketNumber, (fresh) => followUpCommands(fresh, org, now, serviceRequest, note), now, {
    commandId: `vendor-follow-up/${dueAt}`,
  });
  const after = ticketAfter(result, 'following up the vendor case') ?? ticket;
  if (result.kind === 'applied') {
    const followUp = result.events.find((event) => event.type === 'vendor-followed-up');
    if (followUp !== undefined) await remindEngineer(ports, after, followUp.id, serviceRequest);
  }
  return after;
}

/** Pure: the follow-up (if still due on the fresh ticket) after whatever the vendor's case tells us. */
export function followUpCommands(ticket: Ticket, org: OrgConfig, now: Instant, serviceRequest: ServiceRequest | undefined, note: string | undefined): Command[] {
  const update = serviceRequest === undefined ? null : vendorUpdateFor(ticket, serviceRequest);
  const dueAt = vendorFollowUpDueAt(ticket, org.lifecycle);
  const due = dueAt !== undefined && Date.parse(dueAt) <= Date.parse(now);
  const followUp: Command = { type: 'follow-up-vendor', actor: SYSTEM_ACTOR, ...(note === undefined ? {} : { note }) };
  // An update from the vendor is itself the contact the interval runs from: no reminder needed then.
  return update !== null ? [update] : due ? [followUp] : [];
}

async function remindEngineer(ports: LifecyclePorts, ticket: Ticket, followUpEventId: string, serviceRequest: ServiceRequest | undefined): Promise<void> {
  const engineer = ticket.assignee;
  const vendorCase = ticket.vendorCase;
  if (engineer === undefined || vendorCase === undefined) return;
  const status = serviceRequest === undefined ? 'could not be read' : `is ${serviceRequest.status}`;
  const lines = [
    `Hello ${engineer.name},`,
    '',
    `Vendor case ${vendorCase.caseId} for ticket ${ticket.ticketNumber} (${ticket.title ?? 'no title'}) has had no news since ${vendorCase.lastCheckedAt ?? vendorCase.openedAt}.`,
    `The case ${status}. You remain the customer's point of contact: please chase the vendor and update the customer.`,
  ];
  const draft: OutboxDraft = {
    id: messageIdFor(followUpEventId, 'vendor-follow-up', engineer.email.toLowerCase()),
    ticketNumber: ticket.ticketNumber,
    template: 'vendor-follow-up',
    to: [{ email: engineer.email, name: engineer.name }],
    subject: `[${ticket.ticketNumber}] Follow up vendor case ${vendorCase.caseId}`,
    text: lines.join('\n'),
    html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join(''),
  };
  const enqueued = await ports.enqueueEmail(draft);
  if (enqueued.kind === 'failed') throw new Error(`the follow-up reminder could not be queued: ${enqueued.failure.kind}`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
