/**
 * Severity A commits the requester to answer around the clock (as with Microsoft). Without that
 * commitment the domain proposes B; it never lowers the severity silently.
 */
import { Severity } from '../primitives';

export interface SeverityProposal {
  to: Severity;
  reason: string;
}

export const SEV_A_WITHOUT_24X7_REASON =
  'Severity A is worked around the clock and needs the requester available 24x7; without that availability we propose Severity B.';

/** A ticket without a severity yet commits the requester to nothing. */
export function requiresTwentyFourSeven(severity: Severity | undefined): boolean {
  return severity === 'A';
}

export function severityProposalForAvailability(ticket: { severity?: Severity; requester: { available24x7?: boolean } }): SeverityProposal | undefined {
  if (requiresTwentyFourSeven(ticket.severity) && ticket.requester.available24x7 !== true) {
    return { to: 'B', reason: SEV_A_WITHOUT_24X7_REASON };
  }
  return undefined;
}
