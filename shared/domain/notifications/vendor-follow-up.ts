/**
 * The reminder Baton's own follow-up of a vendor case sends the assigned engineer: the case has
 * gone quiet, and chasing the vendor and keeping the customer informed stay with them. An
 * engineer who follows the case up themselves needs no reminder, so only Baton's follow-ups (the
 * timer's) call for one. Being tied to the follow-up event, the reminder of each follow-up cycle
 * has its own message id and goes out once however often the event is announced.
 */
import { z } from 'zod';
import { InstantSchema } from '../primitives';
import type { Ticket } from '../ticket/ticket';
import { VendorCaseStatusSchema } from '../ticket/vendor-case';
import type { TimelineEvent, TimelineEventOf, TimelineEventType } from '../timeline/timeline-event';

export const VendorFollowUpFactsSchema = z.object({
  caseId: z.string().min(1),
  /** The case's status as last known: the follow-up found nothing newer, or could not read it. */
  vendorStatus: VendorCaseStatusSchema,
  /** The last contact with the vendor before this follow-up: the case opened, an update, a follow-up. */
  quietSince: InstantSchema,
  /** Set when the vendor could not be read on this follow-up, with why. */
  unreachable: z.string().optional(),
});
export type VendorFollowUpFacts = z.infer<typeof VendorFollowUpFactsSchema>;

const VENDOR_CONTACTS: readonly TimelineEventType[] = ['vendor-case-opened', 'vendor-updated', 'vendor-followed-up'];

export function callsForFollowUpReminder(event: TimelineEventOf<'vendor-followed-up'>): boolean {
  return event.actor.role === 'system';
}

/**
 * What the reminder says of the case, read from the ticket as it stands right after `event`.
 * Baton's follow-up notes only that the vendor could not be reached, so a note means exactly that.
 */
export function vendorFollowUpFacts(ticket: Ticket, event: TimelineEventOf<'vendor-followed-up'>): VendorFollowUpFacts | undefined {
  const vendorCase = ticket.vendorCase;
  if (vendorCase === undefined) return undefined;
  const facts = { caseId: vendorCase.caseId, vendorStatus: vendorCase.status, quietSince: lastContactBefore(ticket, event) ?? vendorCase.openedAt };
  return event.note === undefined ? facts : { ...facts, unreachable: event.note };
}

function lastContactBefore(ticket: Ticket, event: TimelineEvent): string | undefined {
  // Stryker disable next-line OptionalChaining: a ticket with a vendor case always has its case-opened event before any follow-up, so a contact is always found; the check is for the type
  return ticket.timeline.filter((earlier) => earlier.sequence < event.sequence && VENDOR_CONTACTS.includes(earlier.type)).at(-1)?.at;
}
