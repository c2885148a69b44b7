/** Stored tickets for the service's pure parts, built through the domain's own receipt. */
import { receiveTicket } from '../../../shared/domain/commands/receive-ticket';
import { OrgConfigSchema, type OrgConfig } from '../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import type { StoredTicket } from '../../../shared/store/stored-ticket';
import { sampleIntake } from '../../integration/ticket-service/support/sample-intake';

export const RECEIVED_AT = '2026-11-24T10:00:00.000Z';

export function sampleOrg(): OrgConfig {
  return OrgConfigSchema.parse(sampleOrgConfig);
}

export function storedTicket(overrides: Record<string, unknown> = {}): StoredTicket {
  const { ticket } = receiveTicket({ ticketNumber: 'BTN-261124-7K2QX', intake: sampleIntake(overrides), accessTokenHash: 'h'.repeat(43), receivedAt: RECEIVED_AT });
  return { ...ticket, appliedCommands: [] };
}
