/**
 * The follow-up on an open vendor case, when its interval has passed: reads the case (recording
 * whatever the vendor said since) and records the follow-up. The reminder to the engineer that the
 * case is theirs to chase is the domain's notification of that follow-up, queued with the others
 * by the ticket service. A vendor that cannot be read is noted; the timer comes round again.
 */
import type { Command } from '../domain/commands/commands';
import { vendorFollowUpDueAt } from '../domain/commands/vendor-escalation-state';
import type { Instant } from '../domain/primitives';
import type { OrgConfig } from '../domain/org/org-config';
import { SYSTEM_ACTOR } from '../domain/ticket/actor';
import type { Ticket } from '../domain/ticket/ticket';
import type { ServiceRequest } from './vendor-schemas';
import type { LifecyclePorts } from '../orchestration/lifecycle-ports';
import type { StoredTicketVersion } from '../store/ticket-repository';
import type { ApplyResult } from '../ticket-service/apply-to-ticket';
import { vendorUpdateFor } from './vendor-observation';

/**
 * `dueAt` names the follow-up, so a second run for the same due follow-up finds it applied under
 * that id and appends nothing (`current`, the version the turn holds, saves reading the ticket); the ticket service then announces the recorded events again, and
 * the reminder's id, derived from the follow-up event, keeps that to one email.
 */
export async function followUpVendorCase(
  ports: Pick<LifecyclePorts, 'vendor' | 'applyToTicket'>,
  ticket: Ticket,
  org: OrgConfig,
  now: Instant,
  dueAt: Instant,
  current?: StoredTicketVersion,
): Promise<ApplyResult> {
  const caseId = ticket.vendorCase?.caseId;
  if (caseId === undefined) return { kind: 'unchanged', ticket, ...(current === undefined ? {} : { version: current }) };
  const read = await ports.vendor.getCase(caseId, { correlationId: ticket.ticketNumber });
  const serviceRequest = read.ok ? read.value : undefined;
  const note = read.ok ? undefined : `The vendor could not be reached: ${read.error.message}`.slice(0, 8000);
  return ports.applyToTicket(ticket.ticketNumber, (fresh) => followUpCommands(fresh, org, now, serviceRequest, note), now, {
    commandId: `vendor-follow-up/${dueAt}`,
    ...(current === undefined ? {} : { current }),
  });
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
