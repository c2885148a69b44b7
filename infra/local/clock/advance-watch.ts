/**
 * Builds the report of one stack advance: the host's invocations come back with the advance
 * itself; the emails and vendor callbacks are whatever the stand-ins recorded after the watch
 * began.
 */
import type { StackAdvance } from '../host/child/stack-clock';
import type { EmailStandIn } from '../services/email-standin';
import type { VendorStandIn } from '../services/vendor-standin';
import type { ClockAdvanceReport } from './advance-report';

export interface WatchedServices {
  readonly email?: Pick<EmailStandIn, 'messages'>;
  readonly vendor?: Pick<VendorStandIn, 'callbackDeliveries'>;
}

/** Notes what the stand-ins hold now; the function it answers reports what they added since. */
export function watchWhatFires(services: WatchedServices): (moved: StackAdvance) => ClockAdvanceReport {
  // By sequence, not by count: the mailbox may be emptied while time moves.
  const lastEmailBefore = services.email?.messages().at(-1)?.sequence ?? 0;
  const callbacksBefore = services.vendor?.callbackDeliveries().length ?? 0;
  return (moved) => ({
    from: new Date(moved.from).toISOString(),
    to: new Date(moved.now).toISOString(),
    timersFired: moved.fired,
    invocations: [...moved.invocations],
    emails: (services.email?.messages().filter((email) => email.sequence > lastEmailBefore) ?? []).map((email) => ({
      at: email.storedAt,
      to: [...email.to, ...email.cc, ...email.bcc].map((recipient) => recipient.address),
      subject: email.subject,
    })),
    vendorCallbacks: (services.vendor?.callbackDeliveries().slice(callbacksBefore) ?? []).map((delivery) => ({
      at: delivery.at,
      caseId: delivery.caseId,
      change: delivery.change,
      ...(delivery.status === undefined ? {} : { status: delivery.status }),
      ...(delivery.error === undefined ? {} : { error: delivery.error }),
    })),
  });
}
