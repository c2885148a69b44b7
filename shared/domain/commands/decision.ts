/**
 * The shape of a decision: the events to append, or a typed rejection the edge maps to
 * problem+json. Handlers write event drafts; `stampEvents` gives them their ids, order and time.
 */
import { z } from 'zod';
import { Instant } from '../primitives';
import { Actor } from '../ticket/actor';
import { Ticket } from '../ticket/ticket';
import { eventId } from '../timeline/event-base';
import { EVENT_VISIBILITY, TimelineEvent } from '../timeline/timeline-event';
import { latestInstant } from './instants';

export const RejectionCodeSchema = z.enum(['forbidden', 'invalid-state', 'invalid-command', 'window-closed', 'too-early']);
export type RejectionCode = z.infer<typeof RejectionCodeSchema>;

export interface Rejection {
  code: RejectionCode;
  message: string;
}

export type Decision = { ok: true; events: TimelineEvent[] } | { ok: false; rejection: Rejection };

type DistributiveOmit<Union, Key extends PropertyKey> = Union extends unknown ? Omit<Union, Key> : never;

/** An event before it has a place on the timeline; the actor defaults to the command's. */
export type EventDraft = DistributiveOmit<TimelineEvent, 'id' | 'sequence' | 'at' | 'actor' | 'visibility'>;

export type Verdict = { ok: true; drafts: EventDraft[] } | { ok: false; rejection: Rejection };

export function accepted(...drafts: EventDraft[]): Verdict {
  return { ok: true, drafts };
}

export function rejected(code: RejectionCode, message: string): { ok: false; rejection: Rejection } {
  return { ok: false, rejection: { code, message } };
}

/**
 * Numbers the drafts after the ticket's last event. An event never predates the one before it:
 * a few milliseconds of clock skew between instances must not reorder the official record.
 */
export function stampEvents(ticket: Ticket, drafts: readonly EventDraft[], now: Instant, actor: Actor): TimelineEvent[] {
  // Stryker disable next-line OptionalChaining: a ticket's timeline starts with its receipt, so it is never empty
  const lastSequence = ticket.timeline[ticket.timeline.length - 1]?.sequence ?? 0;
  const at = latestInstant(now, ticket.updatedAt);
  return drafts.map((draft, index) => {
    const sequence = lastSequence + index + 1;
    return { ...draft, id: eventId(ticket.ticketNumber, sequence), sequence, at, actor, visibility: EVENT_VISIBILITY[draft.type] };
  });
}
