/**
 * Which ticket events call for a card in the staff's Microsoft Teams channel, as data: a new
 * Severity A, an SLA warning or breach, a follow-the-sun handoff (with its brief), an escalation to
 * a team lead (the stall rule's, or an engineer's), and a vendor's answer. Each alert carries the
 * clock that matters and how long it has left at the event's instant, so the card can say so.
 * The card's id derives from the event, so planning the same events again adds no second card.
 */
import { z } from 'zod';
import type { HandoffBrief } from '../handoff/handoff-brief';
import { type Instant, RegionSchema, SeveritySchema, SlugSchema } from '../primitives';
import type { SlaClock } from '../sla/sla-clock';
import { SlaMetricSchema } from '../sla/sla-clock';
import type { Ticket } from '../ticket/ticket';
import type { TimelineEvent } from '../timeline/timeline-event';

export const TeamsAlertKindSchema = z.enum(['sev-a', 'sla-warning', 'sla-breach', 'handoff', 'escalation', 'vendor-answer']);
export type TeamsAlertKind = z.infer<typeof TeamsAlertKindSchema>;

export const AlertClockSchema = z.object({
  metric: SlaMetricSchema,
  dueAt: z.string(),
  /** Minutes from the event to the due instant; negative once overdue. */
  minutesLeft: z.number().int(),
});
export type AlertClock = z.infer<typeof AlertClockSchema>;

export interface TeamsAlert {
  readonly kind: TeamsAlertKind;
  /** `teams/<event id>/<kind>`: one card per event and kind, however often it is planned. */
  readonly alertId: string;
  readonly ticketNumber: string;
  readonly at: Instant;
  readonly title?: string;
  readonly severity?: z.infer<typeof SeveritySchema>;
  /** The company, or the requester's address when the ticket names none. */
  readonly customer: string;
  /** Where the card goes: the ticket's queue channel, or its engineer's region channel. */
  readonly queueId?: z.infer<typeof SlugSchema>;
  readonly region?: z.infer<typeof RegionSchema>;
  readonly assignee?: string;
  readonly clock?: AlertClock;
  /** What the event adds: the handoff brief, the escalation's reason, the vendor's note. */
  readonly handoff?: { readonly from: string; readonly to: string; readonly fromRegion: string; readonly toRegion: string; readonly brief: HandoffBrief };
  readonly reason?: string;
  readonly note?: string;
}

function minutesBetween(from: Instant, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
}

function clockAt(metric: AlertClock['metric'], dueAt: string, at: Instant): AlertClock {
  return { metric, dueAt, minutesLeft: minutesBetween(at, dueAt) };
}

/** The running clock due soonest: what the team must beat next. */
function pressingClock(clocks: readonly SlaClock[], at: Instant): AlertClock | undefined {
  const running = clocks
    .filter((clock) => clock.stoppedAt === undefined && clock.dueAt !== undefined && (clock.state === 'running' || clock.state === 'breached'))
    .sort((first, second) => Date.parse(first.dueAt ?? '') - Date.parse(second.dueAt ?? ''));
  const next = running[0];
  return next?.dueAt === undefined ? undefined : clockAt(next.metric, next.dueAt, at);
}

function kindOf(ticket: Ticket, event: TimelineEvent): TeamsAlertKind | undefined {
  switch (event.type) {
    case 'ticket-triaged':
      return ticket.severity === 'A' ? 'sev-a' : undefined;
    case 'severity-raised':
      return event.to === 'A' ? 'sev-a' : undefined;
    case 'sla-warning-raised':
      return 'sla-warning';
    case 'sla-breached':
      return 'sla-breach';
    case 'handed-off':
      return 'handoff';
    case 'escalated-internally':
      return 'escalation';
    case 'vendor-updated':
      return 'vendor-answer';
    // Stryker disable next-line ConditionalExpression: without this case the switch falls out and the function returns undefined alike
    default:
      return undefined;
  }
}

/**
 * The card an event calls for, if any. `ticket` is the ticket as it stands once the event has been
 * applied; `clocksAt` works out its SLA clocks at the event's instant (for the clock the card
 * shows), asked only for a card that shows the pressing clock: most events call for no card.
 */
export function teamsAlertFor(ticket: Ticket, event: TimelineEvent, clocksAt: () => readonly SlaClock[]): TeamsAlert | undefined {
  const kind = kindOf(ticket, event);
  if (kind === undefined) return undefined;
  const clock =
    event.type === 'sla-warning-raised' || event.type === 'sla-breached' ? clockAt(event.metric, event.dueAt, event.at) : pressingClock(clocksAt(), event.at);
  const handoff =
    event.type === 'handed-off'
      ? { from: event.fromEngineer.name, to: event.toEngineer.name, fromRegion: event.fromRegion, toRegion: event.toRegion, brief: event.brief }
      : undefined;
  const assignee = event.type === 'handed-off' ? event.toEngineer : ticket.assignee;
  return {
    kind,
    alertId: `teams/${event.id}/${kind}`,
    ticketNumber: ticket.ticketNumber,
    at: event.at,
    customer: ticket.company ?? ticket.requesterEmail,
    ...(ticket.title === undefined ? {} : { title: ticket.title }),
    ...(ticket.severity === undefined ? {} : { severity: ticket.severity }),
    ...(ticket.queueId === undefined ? {} : { queueId: ticket.queueId }),
    ...(assignee === undefined ? {} : { region: assignee.region, assignee: assignee.name }),
    ...(clock === undefined ? {} : { clock }),
    ...(handoff === undefined ? {} : { handoff }),
    ...(event.type === 'escalated-internally' ? { reason: `${event.to.name}: ${event.reason}` } : {}),
    ...(event.type === 'severity-raised' ? { reason: event.reason } : {}),
    ...(event.type === 'vendor-updated' ? { note: event.note } : {}),
  };
}
