/**
 * Tickets of the sample organisation for the console's specifications, driven through the domain's
 * own `decide` and `evolve`, at a Tuesday afternoon in November: 14:00 UTC, when AMER (New York,
 * 09:00) and EMEA (London, 14:00) are on shift and APAC (Sydney, 01:00) is not.
 */
import type { StaffPrincipal } from '../../../../../shared/auth/staff-token';
import type { Command } from '../../../../../shared/domain/commands/commands';
import { receiveTicket } from '../../../../../shared/domain/commands/receive-ticket';
import { OrgConfigSchema, type OrgConfig } from '../../../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../../../shared/domain/org/sample/sample-org';
import type { EngineerRef } from '../../../../../shared/domain/ticket/engineer-ref';
import type { Ticket } from '../../../../../shared/domain/ticket/ticket';
import { minimalBrief } from '../../../domain/support/handoff-fixtures';
import { applyCommands, assignedTicket, LUKAS, MARIA, storyIntake, SYSTEM, TAM_EMAIL } from '../../../http-api/support/ticket-story';

export const NOW = '2026-11-24T14:00:00.000Z';
export const ORG: OrgConfig = OrgConfigSchema.parse(sampleOrgConfig);
export { LUKAS, MARIA, TAM_EMAIL };

export const MARIA_PRINCIPAL: StaffPrincipal = { id: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', roles: ['engineer'] };
export const ARJUN_PRINCIPAL: StaffPrincipal = { id: 'arjun-mehta', name: 'Arjun Mehta', email: 'arjun.mehta@css.example', roles: ['engineer', 'team-lead'] };
export const TOM_PRINCIPAL: StaffPrincipal = { id: 'tom-oid', name: 'Tom Reyes', email: TAM_EMAIL, roles: ['tam'] };
export const PRIYA: EngineerRef = { engineerId: 'priya-nair', name: 'Priya Nair', email: 'priya.nair@css.example', region: 'APAC' };

let sequence = 0;
function nextNumber(): string {
  sequence += 1;
  return `BTN-20261124-${String(sequence).padStart(5, '0')}`;
}

const AVAILABLE = { name: 'Ana Silva', email: 'ana.silva@contoso.com', timeZone: 'Europe/Lisbon', available24x7: true };

/** A Severity A Contoso ticket (first response within an hour, around the clock), assigned at receipt. */
export function sevATicket(receivedAt: string, engineer: EngineerRef = MARIA, title = 'Sign-ins fail for everyone'): Ticket {
  return assignedTicket({
    ticketNumber: nextNumber(),
    accessTokenHash: 'h'.repeat(43),
    receivedAt,
    engineer,
    intake: storyIntake({ severity: 'A', title, requester: AVAILABLE }),
  });
}

export function sevBTicket(receivedAt: string, engineer: EngineerRef = MARIA, title = 'Mailbox rules do not run'): Ticket {
  return assignedTicket({ ticketNumber: nextNumber(), accessTokenHash: 'h'.repeat(43), receivedAt, engineer, intake: storyIntake({ severity: 'B', title }) });
}

/** Triaged onto the identity queue, nobody assigned yet. */
export function unassignedTicket(receivedAt: string, severity: 'A' | 'B' | 'C' = 'B'): Ticket {
  const { ticket } = receiveTicket({
    ticketNumber: nextNumber(),
    intake: storyIntake({ severity, requester: AVAILABLE }),
    accessTokenHash: 'h'.repeat(43),
    receivedAt,
  });
  return applyCommands(ticket, [
    { type: 'start-validation', actor: SYSTEM },
    { type: 'triage', actor: SYSTEM, slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified', tamEmail: TAM_EMAIL },
  ]);
}

export function then(ticket: Ticket, ...commands: Command[]): Ticket {
  return applyCommands(ticket, commands);
}

/** Handed at shift end from its engineer to `to`, who has not acknowledged yet. */
export function handedTo(ticket: Ticket, to: EngineerRef): Ticket {
  return then(ticket, { type: 'handoff', actor: SYSTEM, toEngineer: to, brief: minimalBrief(ticket) });
}

export function engineer(engineerRef: EngineerRef): { role: 'engineer'; id: string; name: string } {
  return { role: 'engineer', id: engineerRef.engineerId, name: engineerRef.name };
}
