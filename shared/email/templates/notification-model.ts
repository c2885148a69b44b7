/**
 * What every template is given: the ticket as it stands after the event, the event that occasioned
 * the email, who receives it, who sends it and the links to put in it. Requester links exist only
 * for the requester: staff emails never carry an access token.
 */
import type { Ticket } from '../../domain/ticket/ticket';
import type { TimelineEvent, TimelineEventOf, TimelineEventType } from '../../domain/timeline/timeline-event';
import type { TemplateName } from './template-names';

export type RecipientRole = 'requester' | 'engineer' | 'team-lead' | 'tam';

export interface NotificationRecipient {
  readonly email: string;
  readonly name?: string;
  readonly role: RecipientRole;
}

export interface NotificationLinks {
  /** Present only when the recipient is the requester. */
  readonly requester?: {
    readonly statusPage: string;
    readonly confirmResolution: string;
    readonly rejectResolution: string;
  };
  /** The staff view of the ticket. */
  readonly staffTicket: string;
}

export interface NotificationModel {
  readonly template: TemplateName;
  readonly ticket: Ticket;
  readonly event: TimelineEvent;
  readonly recipient: NotificationRecipient;
  readonly desk: { readonly name: string; readonly email: string };
  readonly links: NotificationLinks;
}

export function eventOfType<Type extends TimelineEventType>(event: TimelineEvent, type: Type): TimelineEventOf<Type> | undefined {
  return event.type === type ? (event as TimelineEventOf<Type>) : undefined;
}
