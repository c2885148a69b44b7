/**
 * What the vendor's case tells us that the ticket does not know yet (new notes from their
 * engineers, a new status, the scope they found), as one `vendor-update` command. The same case
 * read twice, or a callback delivered twice, yields nothing the second time.
 */
import type { CommandOf } from '../domain/commands/commands';
import type { Actor } from '../domain/ticket/actor';
import type { Ticket } from '../domain/ticket/ticket';
import type { VendorCaseStatus } from '../domain/ticket/vendor-case';
import type { ServiceRequest, VendorCaseStatus as VendorApiStatus } from './vendor-schemas';

export const VENDOR_ACTOR: Actor = { role: 'vendor', id: 'vendor', name: 'Vendor support' };

/** The name Baton signs its own notes on a case with; those are never news to us. */
export const BATON_NOTE_AUTHOR = 'Baton';

const CASE_STATUS: Record<VendorApiStatus, VendorCaseStatus> = {
  open: 'open',
  'in-progress': 'investigating',
  resolved: 'solution-provided',
  closed: 'closed',
};

const MAX_NOTE = 8000;

export function vendorUpdateFor(ticket: Ticket, serviceRequest: ServiceRequest): CommandOf<'vendor-update'> | null {
  const vendorCase = ticket.vendorCase;
  if (vendorCase === undefined || vendorCase.caseId !== serviceRequest.id) return null;
  const recorded = ticket.timeline.flatMap((event) => (event.type === 'vendor-updated' ? [event.note] : []));
  const newNotes = serviceRequest.notes
    .filter((note) => note.createdByName !== BATON_NOTE_AUTHOR && note.text.trim() !== '')
    .filter((note) => !recorded.some((text) => text.includes(note.text.trim())));
  const status = CASE_STATUS[serviceRequest.status];
  const declaredScope = [...ticket.timeline].reverse().find((event) => event.type === 'vendor-updated' && event.scope !== undefined);
  const knownScope = declaredScope?.type === 'vendor-updated' ? declaredScope.scope : undefined;
  const newScope = serviceRequest.scope !== null && serviceRequest.scope !== knownScope ? serviceRequest.scope : undefined;
  if (newNotes.length === 0 && status === vendorCase.status && newScope === undefined) return null;
  const said = newNotes.map((note) => `${note.createdByName}: ${note.text.trim()}`);
  const note = said.length > 0 ? said.join('\n\n') : `Vendor case ${serviceRequest.id} is now ${status}${newScope === undefined ? '' : `; scope: ${newScope}`}.`;
  return { type: 'vendor-update', actor: VENDOR_ACTOR, note: note.slice(0, MAX_NOTE), status, ...(newScope === undefined ? {} : { scope: newScope }) };
}
