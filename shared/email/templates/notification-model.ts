/**
 * What every template is given: the ticket as it stands after the event, the event that occasioned
 * the email, who receives it, who sends it and the links to put in it. Requester links exist only
 * for the requester: staff emails never carry an access token.
 */
import type { Recipient } from '../../domain/notifications/notification';
import type { Ticket } from '../../domain/ticket/ticket';
import type { TimelineEvent, TimelineEventOf, TimelineEventType } from '../../domain/timeline/timeline-event';
import type { TemplateName } from './template-names';

/** The domain's recipient: a role, an address and, when known, a name. */
export type NotificationRecipient = Recipient;
export type RecipientRole = Recipient['role'];

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
  readonly desk: { readonly name: string; readonly email: string; readonly brandColor?: string };
  readonly links: NotificationLinks;
  /** The organisation's product catalogue, to name the ticket's area by its title. */
  readonly productAreas?: readonly { readonly id: string; readonly name: string }[];
  /** The organisation's queues, to name a queue by its name. */
  readonly queues?: readonly { readonly id: string; readonly name: string }[];
}

export function eventOfType<Type extends TimelineEventType>(event: TimelineEvent, type: Type): TimelineEventOf<Type> | undefined {
  return event.type === type ? (event as TimelineEventOf<Type>) : undefined;
}
