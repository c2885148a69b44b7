/**
 * The lifecycle's first step: both validation layers at once (entitlement, then mandatory
 * information), then either rejection with every reason (emailed by the service) or triage onto
 * the plan's SLA policy and the routed queue, which alerts the TAM of a Severity A ticket.
 * Re-running it finds the verdict already on the ticket and changes nothing.
 */
import type { Command } from '../domain/commands/commands';
import { commandsAfterValidation } from '../domain/commands/validation-commands';
import { validateTicket } from '../domain/commands/validate-ticket';
import type { Instant } from '../domain/primitives';
import type { OrgConfig } from '../domain/org/org-config';
import { routeToQueue } from '../domain/routing/route-to-queue';
import { SYSTEM_ACTOR } from '../domain/ticket/actor';
import type { Ticket } from '../domain/ticket/ticket';
import type { LifecycleStep, ValidationOutcome } from './lifecycle-messages';
import { type LifecyclePorts, requireOrg } from './lifecycle-ports';
import { ticketAfter } from './apply-result';

export async function validateTicketStep(ports: LifecyclePorts, { ticketNumber, now }: LifecycleStep): Promise<ValidationOutcome> {
  const org = await requireOrg(ports);
  const result = await ports.applyToTicket(ticketNumber, (ticket) => validationCommands(ticket, org, now), now);
  const ticket = ticketAfter(result, 'validation');
  if (ticket === undefined) return { outcome: 'missing' };
  return { outcome: ticket.status === 'rejected' ? 'rejected' : 'accepted' };
}

/** Pure: what validation asks of the ticket as it stands (nothing once a verdict is on record). */
export function validationCommands(ticket: Ticket, org: OrgConfig, now: Instant): Command[] {
  if (ticket.status !== 'received' && ticket.status !== 'validating') return [];
  const start: Command[] = ticket.status === 'received' ? [{ type: 'start-validation', actor: SYSTEM_ACTOR }] : [];
  const validation = validateTicket(ticket, org, now);
  if (!validation.ok) return [...start, ...commandsAfterValidation(validation, '')];
  const routing = ticket.productArea === undefined || ticket.severity === undefined ? undefined : routeToQueue(org.queues, ticket.productArea, ticket.severity);
  if (routing?.ok !== true) {
    const reason = { code: 'product-area-not-covered' as const, field: 'productArea', message: `No support queue takes ${String(ticket.productArea)} tickets of Severity ${String(ticket.severity)}.` };
    return [...start, ...commandsAfterValidation({ ok: false, reasons: [reason] }, '')];
  }
  return [...start, ...commandsAfterValidation(validation, routing.queue.id)];
}
