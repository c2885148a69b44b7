/**
 * Who leads a ticket's work: the lead of its queue, and the team leads of the region that has it
 * now. They are told of SLA alerts and stalls, and called in by internal escalations.
 */
import { Engineer } from '../roster/roster';
import { EngineerRef } from '../ticket/engineer-ref';
import { Ticket } from '../ticket/ticket';
import { OrgConfig } from './org-config';

export function engineerRefOf(engineer: Engineer): EngineerRef {
  return { engineerId: engineer.id, name: engineer.name, email: engineer.email, region: engineer.region };
}

/** The queue's lead first (they own escalations), then the region's leads; each once. */
export function teamLeadsFor(ticket: Pick<Ticket, 'queueId' | 'assignee'>, org: Pick<OrgConfig, 'queues' | 'roster'>): EngineerRef[] {
  const queueLeadId = org.queues.find((queue) => queue.id === ticket.queueId)?.leadEngineerId;
  const leads = org.roster.engineers.filter((engineer) => engineer.role === 'team-lead');
  const queueLead = leads.filter((engineer) => engineer.id === queueLeadId);
  const regionLeads = leads.filter((engineer) => engineer.region === ticket.assignee?.region && engineer.id !== queueLeadId);
  return [...queueLead, ...regionLeads].map(engineerRefOf);
}
