/**
 * Raising the L3 case: files it with the vendor under the escalation's stable request id and
 * records the case id on the ticket. A vendor that is down makes the activity fail, so Durable
 * retries it with backoff; a vendor that refuses the case is recorded as a failed escalation.
 */
import { isVendorEscalationPending } from '../domain/commands/vendor-escalation-state';
import { SYSTEM_ACTOR } from '../domain/ticket/actor';
import { ticketAfter } from '../orchestration/apply-result';
import type { LifecycleStep, VendorCaseFailure, VendorCaseOutcome } from '../orchestration/lifecycle-messages';
import { type LifecyclePorts, requireOrg } from '../orchestration/lifecycle-ports';
import { pendingEscalation, vendorCaseRequest, vendorRequestId } from './vendor-case-request';

export async function raiseVendorCase(ports: LifecyclePorts, { ticketNumber, now }: LifecycleStep): Promise<VendorCaseOutcome> {
  const org = await requireOrg(ports);
  const read = await ports.readTicket(ticketNumber);
  if (read.kind === 'failed') throw new Error(`raising the vendor case: the ticket store is unavailable (${read.failure.kind})`);
  if (read.kind !== 'found') return { outcome: 'not-needed' };
  const escalation = pendingEscalation(read.ticket);
  if (!isVendorEscalationPending(read.ticket) || escalation === undefined) return { outcome: 'not-needed' };

  const created = await ports.vendor.createCase(vendorCaseRequest(read.ticket, org, escalation), {
    requestId: vendorRequestId(read.ticket, escalation),
    correlationId: ticketNumber,
  });
  if (!created.ok && created.error.kind === 'unavailable') throw new Error(`the vendor is unavailable: ${created.error.message}`);
  const outcome = created.ok
    ? ({ status: 'opened', caseId: created.value.id } as const)
    : ({ status: 'failed', reason: `The vendor refused the case (${created.error.kind}): ${created.error.message}`.slice(0, 2000) } as const);
  // Only while the escalation still waits for its case: a re-run after recording changes nothing.
  // Written on the version read above: only a change meanwhile costs a second read.
  const result = await ports.applyToTicket(
    ticketNumber,
    (ticket) => (isVendorEscalationPending(ticket) ? { type: 'record-vendor-case', actor: SYSTEM_ACTOR, outcome } : null),
    now,
    { current: { stored: read.stored, etag: read.etag } },
  );
  ticketAfter(result, 'recording the vendor case');
  return outcome.status === 'opened' ? { outcome: 'opened', caseId: outcome.caseId } : { outcome: 'failed' };
}

/** The retries are spent: the escalation is recorded as failed, which tells the engineer and lead. */
export async function recordVendorCaseFailure(ports: LifecyclePorts, { ticketNumber, now, reason }: VendorCaseFailure): Promise<VendorCaseOutcome> {
  const result = await ports.applyToTicket(
    ticketNumber,
    (ticket) => (isVendorEscalationPending(ticket) ? { type: 'record-vendor-case', actor: SYSTEM_ACTOR, outcome: { status: 'failed', reason } } : null),
    now,
  );
  ticketAfter(result, 'recording the vendor case failure');
  return { outcome: 'failed' };
}
