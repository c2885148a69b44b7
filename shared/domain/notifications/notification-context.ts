/**
 * Who, besides the requester and the assignee, a ticket's notifications may reach: the customer's
 * TAM and the team leads of its queue and region, looked up in the organisation's configuration.
 */
import { z } from 'zod';
import { OrgConfig } from '../org/org-config';
import { teamLeadsFor } from '../org/team-leads';
import { EngineerRefSchema } from '../ticket/engineer-ref';
import { Ticket } from '../ticket/ticket';

export const NotificationContextSchema = z.object({
  teamLeads: z.array(EngineerRefSchema),
  tam: z.object({ email: z.email(), name: z.string().optional() }).optional(),
});
export type NotificationContext = z.infer<typeof NotificationContextSchema>;

export function notificationContextFor(ticket: Ticket, org: Pick<OrgConfig, 'contracts' | 'queues' | 'roster'>): NotificationContext {
  const contract = org.contracts.find((candidate) => candidate.id === ticket.contractId);
  const tamEmail = ticket.tamEmail ?? contract?.tamEmail;
  const teamLeads = teamLeadsFor(ticket, org);
  if (tamEmail === undefined) {
    return { teamLeads };
  }
  const tamName = contract?.tamEmail === tamEmail ? contract.tamName : undefined;
  return { teamLeads, tam: tamName === undefined ? { email: tamEmail } : { email: tamEmail, name: tamName } };
}
