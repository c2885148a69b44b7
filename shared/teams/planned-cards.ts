/**
 * Which Teams cards a ticket's events call for (the domain's `teamsAlertFor`), each rendered as
 * its outbox message: addressed by route to its queue's or region's channel, under a UUID derived
 * from the event and the kind of alert, so planning the same events again adds no second card.
 * An event whose ticket has no channel configured makes no card.
 */
import { ticketClocks } from '../domain/agenda/sla-agenda';
import { teamsAlertFor } from '../domain/notifications/teams-alerts';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import type { TimelineEvent } from '../domain/timeline/timeline-event';
import { messageIdFor } from '../email/message-id';
import type { TeamsOutboxDraft } from '../email/outbox-message';
import { ticketAfterEvent } from '../email/planned-emails';
import { staffTicketUrl } from '../ticket-service/ticket-links';
import { workflowMessageFor } from './adaptive-card';
import { teamsRouteFor, type TeamsWebhooks } from './teams-webhooks';

export function plannedTeamsCards(ticket: Ticket, events: readonly TimelineEvent[], org: OrgConfig, webhooks: TeamsWebhooks, publicBaseUrl: string): TeamsOutboxDraft[] {
  return events.flatMap((event) => {
    const then = ticketAfterEvent(ticket, event);
    const alert = teamsAlertFor(then, event, () => ticketClocks(then, org, event.at));
    if (alert === undefined) return [];
    const route = teamsRouteFor(alert, webhooks);
    if (route === undefined) return [];
    return [
      {
        id: messageIdFor(alert.alertId),
        ticketNumber: ticket.ticketNumber,
        template: `teams-${alert.kind}`,
        channel: 'teams' as const,
        route,
        payload: workflowMessageFor(alert, staffTicketUrl(publicBaseUrl, ticket.ticketNumber)),
      },
    ];
  });
}
