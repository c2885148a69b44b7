/**
 * The ticket application service's public face, for HTTP functions and orchestrator activities:
 * create the services once per process, then open tickets, apply commands, read and list.
 */
export { createTicketServices, ACCESS_VERSION, type TicketServices, type TicketServiceOptions } from './ticket-services';
export type { ApplyOptions, ApplyResult, DecideCommands, TicketChangedSignal } from './apply-to-ticket';
export type { OpenTicketRequest, OpenTicketResult } from '../intake/open-ticket';
export type { TicketRepository, TicketRead, TicketList, QueueViewFilter, SaveStamp } from '../store/ticket-repository';
export { durableLifecycleControl, type LifecycleControl, type LifecycleStart } from '../orchestration/lifecycle-control';
export { TICKET_LIFECYCLE_ORCHESTRATION, TICKET_CHANGED_EVENT, TicketLifecycleInputSchema, lifecycleInstanceId, type TicketLifecycleInput } from '../orchestration/lifecycle-names';
export { NO_SLA_DEADLINE, displayedSlaDeadline } from '../store/sla-deadline';
export { requesterLinks, staffTicketUrl, ticketStatusUrl } from './ticket-links';
export type { NotificationOutcome } from '../email/ticket-notifier';
