/**
 * A varied open backlog for the benchmarks that list tickets (`staff-console`, `queue`): the
 * sample organisation's customers, queues, severities and engineers mixed, tickets of different
 * ages and stages, María García holding the first twenty.
 */
import type { Command } from '../shared/domain/commands/commands';
import { receiveTicket } from '../shared/domain/commands/receive-ticket';
import type { EngineerRef } from '../shared/domain/ticket/engineer-ref';
import type { Ticket } from '../shared/domain/ticket/ticket';
import { minimalBrief } from '../test/unit/domain/support/handoff-fixtures';
import { applyCommands, storyIntake, SYSTEM } from '../test/unit/http-api/support/ticket-story';
import { NOW, ORG } from '../test/unit/web/staff/support/console-tickets';

export const MARIAS_TICKETS = 20;
const ENGINEERS: readonly EngineerRef[] = ORG.roster.engineers.map((engineer) => ({ engineerId: engineer.id, name: engineer.name, email: engineer.email, region: engineer.region }));
const MARIA = ENGINEERS.find((engineer) => engineer.engineerId === 'maria-garcia');
const OTHERS = ENGINEERS.filter((engineer) => engineer.engineerId !== 'maria-garcia');
const CUSTOMERS = ORG.contracts.map((contract) => ({ contractId: contract.id, company: contract.company, tenant: contract.tenantDomains[0] ?? 'example.onmicrosoft.com' }));
const QUEUES = ['identity-and-devices', 'collaboration', 'azure-infrastructure'] as const;
const SEVERITIES = ['A', 'B', 'B', 'C', 'C'] as const;

/** The index-th ticket of a varied backlog: customers, queues, severities, assignees, ages and stages mixed. */
export function backlogTicket(index: number): Ticket {
  const customer = CUSTOMERS[index % CUSTOMERS.length] ?? CUSTOMERS[0];
  const severity = SEVERITIES[index % SEVERITIES.length] ?? 'C';
  const receivedAt = new Date(Date.parse(NOW) - ((index * 37) % (3 * 24 * 60)) * 60_000).toISOString();
  const { ticket } = receiveTicket({
    ticketNumber: `BTN-20261124-${String(index).padStart(5, '0')}`,
    intake: storyIntake({
      severity,
      company: customer?.company,
      tenantDomain: customer?.tenant,
      title: `Backlog request ${String(index)}: ${['sign-in failures', 'mail delays', 'VPN drops', 'policy not applied'][index % 4] ?? ''}`,
      requester: { name: 'Bench Requester', email: `bench-${String(index)}@contoso.com`, timeZone: 'Europe/London', available24x7: true },
    }),
    accessTokenHash: 'h'.repeat(43),
    receivedAt,
  });
  const engineer = index < MARIAS_TICKETS ? MARIA : index % 10 === 5 ? undefined : OTHERS[index % OTHERS.length];
  const commands: Command[] = [
    { type: 'start-validation', actor: SYSTEM },
    { type: 'triage', actor: SYSTEM, slaPolicyId: 'enterprise-emea', queueId: QUEUES[index % QUEUES.length] ?? 'identity-and-devices', contractId: customer?.contractId ?? 'contoso-unified' },
  ];
  if (engineer === undefined) return applyCommands(ticket, commands);
  commands.push({ type: 'assign', actor: SYSTEM, engineer });
  const actor = { role: 'engineer' as const, id: engineer.engineerId, name: engineer.name };
  if (index % 3 === 0) commands.push({ type: 'acknowledge', actor, message: 'Looking into it.' });
  if (index % 9 === 0) commands.push({ type: 'request-info', actor, message: 'Which users are affected?' });
  const assigned = applyCommands(ticket, commands);
  // Every fiftieth ticket was handed on at a shift end; one of them to María, who has not acknowledged it.
  const handedTo = index === MARIAS_TICKETS ? MARIA : index % 50 === 1 ? OTHERS[(index + 1) % OTHERS.length] : undefined;
  if (handedTo === undefined || handedTo.engineerId === engineer.engineerId) return assigned;
  return applyCommands(assigned, [{ type: 'handoff', actor: SYSTEM, toEngineer: handedTo, brief: minimalBrief(assigned) }]);
}

