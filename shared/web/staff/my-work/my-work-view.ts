/**
 * My work, as data: the tickets assigned to the signed-in engineer, the ones a handoff brought them
 * and they have not acknowledged yet on top, the rest by their nearest SLA deadline; each clock's
 * state and due instant from the SLA engine; and whether the engineer is at work now and until
 * when, from the roster, in their region's time zone. Pure: the tickets and the time are given.
 */
import type { StaffPrincipal } from '../../../auth/staff-token';
import { ticketClocks } from '../../../domain/agenda/sla-agenda';
import { isAwaitingHandoffAcknowledgement } from '../../../domain/handoff/handoff-state';
import type { OrgConfig } from '../../../domain/org/org-config';
import type { Instant, Region, Severity } from '../../../domain/primitives';
import { engineerShiftEnd, engineersAtWork, nextShiftStart } from '../../../domain/roster/region-shifts';
import type { Engineer } from '../../../domain/roster/roster';
import type { SlaMetric } from '../../../domain/sla/sla-clock';
import type { Ticket } from '../../../domain/ticket/ticket';
import type { TicketStatus } from '../../../domain/ticket/ticket-status';
import { rosterEngineerOf } from '../../../http-api/staff-actor';
import { clockStateOf, type ClockState } from '../sla-states';
import { viewerZone } from '../viewer-zone';
import { ticketHeadline } from '../../../domain/ticket/ticket-headline';

export interface WorkClock {
  readonly metric: SlaMetric;
  readonly state: ClockState;
  /** Absent for a met clock and when the calendar never opens long enough. */
  readonly dueAt?: Instant;
}

export interface WorkRow {
  readonly ticketNumber: string;
  readonly title?: string;
  readonly company?: string;
  readonly severity?: Severity;
  readonly status: TicketStatus;
  readonly clocks: readonly WorkClock[];
  /** The nearest due instant among the clocks still counting (running, warning or breached). */
  readonly nearestDueAt?: Instant;
}

export type ShiftStanding =
  | { readonly kind: 'on-shift' | 'on-call'; readonly endsAt?: Instant }
  | { readonly kind: 'off'; readonly nextStartsAt?: Instant };

export interface MyWorkView {
  /** Absent for a person who is not on the roster: nobody assigns them tickets. */
  readonly engineer?: { readonly id: string; readonly name: string; readonly region: Region };
  readonly shift?: ShiftStanding;
  /** The time zone instants are shown in: the engineer's region's, else UTC. */
  readonly zone: string;
  readonly awaitingAcknowledgement: readonly WorkRow[];
  readonly assigned: readonly WorkRow[];
}

const COUNTING: readonly ClockState[] = ['running', 'warning', 'breached'];

export function workRow(ticket: Ticket, org: OrgConfig, now: Instant): WorkRow {
  const clocks = ticketClocks(ticket, org, now).flatMap((clock): WorkClock[] => {
    const state = clockStateOf(clock, now);
    if (state === undefined) return [];
    const dueAt = state === 'met' ? undefined : clock.dueAt;
    return [{ metric: clock.metric, state, ...(dueAt === undefined ? {} : { dueAt }) }];
  });
  const counting = clocks.flatMap((clock) => (COUNTING.includes(clock.state) && clock.dueAt !== undefined ? [clock.dueAt] : []));
  const nearestDueAt = counting.sort((first, second) => Date.parse(first) - Date.parse(second))[0];
  return {
    ...ticketHeadline(ticket),
    clocks,
    ...(nearestDueAt === undefined ? {} : { nearestDueAt }),
  };
}

/** Nearest deadline first; tickets with no clock counting after them, oldest number first. */
export function byNearestDeadline(first: WorkRow, second: WorkRow): number {
  const firstDue = first.nearestDueAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(first.nearestDueAt);
  const secondDue = second.nearestDueAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(second.nearestDueAt);
  if (firstDue !== secondDue) return firstDue < secondDue ? -1 : 1;
  return first.ticketNumber.localeCompare(second.ticketNumber);
}

/** On shift, on call (24x7 work only), or off until the region's next shift. */
export function shiftStanding(org: OrgConfig, engineer: Engineer, now: Instant): ShiftStanding {
  const atWork = engineersAtWork(org.roster, now, '24x7').get(engineer.id);
  if (atWork === undefined) {
    const nextStartsAt = nextShiftStart(org.roster, engineer.region, now);
    return { kind: 'off', ...(nextStartsAt === undefined ? {} : { nextStartsAt }) };
  }
  const endsAt = engineerShiftEnd(org.roster, engineer.id, now, atWork === 'on-call' ? '24x7' : 'business-hours');
  return { kind: atWork, ...(endsAt === undefined ? {} : { endsAt }) };
}

export interface MyWorkInput {
  readonly principal: StaffPrincipal;
  readonly org: OrgConfig;
  /** The open tickets assigned to the person's roster engineer. */
  readonly tickets: readonly Ticket[];
  readonly now: Instant;
}

export function myWorkView(input: MyWorkInput): MyWorkView {
  const { org, now } = input;
  const engineer = rosterEngineerOf(input.principal, org.roster.engineers);
  if (engineer === undefined) return { zone: 'UTC', awaitingAcknowledgement: [], assigned: [] };
  const mine = input.tickets.filter((ticket) => ticket.assignee?.engineerId === engineer.id);
  const waiting = mine.filter(isAwaitingHandoffAcknowledgement);
  const rest = mine.filter((ticket) => !waiting.includes(ticket));
  return {
    engineer: { id: engineer.id, name: engineer.name, region: engineer.region },
    shift: shiftStanding(org, engineer, now),
    zone: viewerZone(input.principal, org),
    awaitingAcknowledgement: waiting.map((ticket) => workRow(ticket, org, now)).sort(byNearestDeadline),
    assigned: rest.map((ticket) => workRow(ticket, org, now)).sort(byNearestDeadline),
  };
}
