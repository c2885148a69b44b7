/**
 * A vendor's callback about one of our cases: the signature is checked before anything is read,
 * the case is traced to its ticket by the ticket number in the case title, the case is read as it
 * stands now, and whatever it says that the ticket does not know yet is applied as one
 * `vendor-update` (which wakes the ticket's lifecycle). A delivery repeated, or older than what we
 * know, changes nothing.
 */
import type { HttpResponseInit } from '@azure/functions';
import { TicketNumberSchema } from '../domain/ticket/ticket-number';
import type { Instant } from '../domain/primitives';
import { malformedBodyProblem, problemType, serviceUnavailableProblem, unauthorizedProblem } from '../http-edge/problem';
import type { TicketChangedSignal } from '../ticket-service/apply-to-ticket';
import { retryAfterOf } from '../store/store-failure';
import { verifyVendorCallback } from '../vendor/vendor-callback-signature';
import type { LifecyclePorts } from '../orchestration/lifecycle-ports';
import { ticketNumberInCaseTitle } from '../vendor/vendor-case-request';
import { vendorUpdateFor } from '../vendor/vendor-observation';

export interface VendorCallbackRequest {
  readonly rawBody: string;
  readonly signatureHeader: string | null;
}

export interface VendorCallbackContext {
  readonly ports: Pick<LifecyclePorts, 'applyToTicket' | 'vendor'>;
  readonly secrets: readonly string[];
  readonly now: Date;
  readonly signalTicketChanged: TicketChangedSignal;
}

/** What Baton did with a verified delivery; 2xx either way, so the vendor stops retrying. */
export type CallbackOutcome = 'applied' | 'already-known' | 'unknown-case';

const SIGNATURE_CHALLENGE = 'VendorSignature realm="baton", header="x-vendor-signature"';

/**
 * 503 rather than 401 or 404: the vendor did nothing wrong, and a sender that retries keeps its
 * notices until the operator sets the secret (the follow-up timer reads the case meanwhile).
 */
function notConfiguredProblem(): HttpResponseInit {
  return serviceUnavailableProblem(300, {
    type: problemType('vendor-callback/not-configured'),
    detail: 'Vendor callbacks are not configured on this Baton: no callback secret is set, so no delivery can be verified. Nothing was changed; please retry later.',
  });
}

export async function handleVendorCallback(request: VendorCallbackRequest, context: VendorCallbackContext): Promise<HttpResponseInit> {
  if (context.secrets.length === 0) return notConfiguredProblem();
  const verified = verifyVendorCallback({ rawBody: request.rawBody, signatureHeader: request.signatureHeader, secret: context.secrets, now: context.now });
  if (!verified.ok) {
    return verified.reason === 'invalid-payload'
      ? malformedBodyProblem('The body is not a service request update.')
      : unauthorizedProblem({ challenge: SIGNATURE_CHALLENGE, detail: `The callback signature was refused (${verified.reason}).` });
  }
  const serviceRequest = verified.event.serviceRequest;
  const ticketNumber = TicketNumberSchema.safeParse(ticketNumberInCaseTitle(serviceRequest.title));
  if (!ticketNumber.success) return accepted('unknown-case');
  const now: Instant = context.now.toISOString();
  // A vendor answer is often two changes (a note, then the status), each with its callback, which
  // may arrive in either order: applying each snapshot recorded the answer twice (two "Vendor
  // update" emails) or rolled the status back. The case as it stands now records it once; the
  // delivered snapshot serves only when the case cannot be read.
  const read = await context.ports.vendor.getCase(serviceRequest.id, { correlationId: ticketNumber.data });
  const current = read.ok && read.value.id === serviceRequest.id ? read.value : serviceRequest;
  const result = await context.ports.applyToTicket(ticketNumber.data, (ticket) => vendorUpdateFor(ticket, current), now, {
    signalTicketChanged: context.signalTicketChanged,
  });
  switch (result.kind) {
    case 'applied':
      return accepted('applied');
    case 'unchanged':
    case 'rejected':
      return accepted('already-known');
    case 'not-found':
      return accepted('unknown-case');
    case 'unavailable':
      return serviceUnavailableProblem(retryAfterOf(result.failure));
    case 'failed':
      throw new Error(`vendor callback for ${ticketNumber.data}: ${result.reason}`);
  }
}

function accepted(outcome: CallbackOutcome): HttpResponseInit {
  return { status: 200, jsonBody: { outcome } };
}
