/**
 * What the list says after an assignment from it. The form posts, the server assigns through the
 * domain and redirects to the list (post/redirect/get) with the outcome in the address as codes
 * only: the sentence is built here from the code, the ticket number and the roster's name for the
 * engineer, so no link can make the console display text of someone else's choosing.
 */
import { z } from 'zod';
import type { OrgConfig } from '../../../domain/org/org-config';
import { RejectionCodeSchema } from '../../../domain/commands/decision';
import { SlugSchema } from '../../../domain/primitives';
import { TicketNumberSchema } from '../../../domain/ticket/ticket-number';

export const AssignOutcomeSchema = z.union([
  z.literal('assigned'),
  z.literal('unchanged'),
  z.literal('not-found'),
  z.literal('not-on-roster'),
  z.literal('unavailable'),
  RejectionCodeSchema,
]);
export type AssignOutcome = z.infer<typeof AssignOutcomeSchema>;

export const AssignNoticeSchema = z.object({ outcome: AssignOutcomeSchema, ticket: TicketNumberSchema, engineer: SlugSchema.optional() });
export type AssignNotice = z.infer<typeof AssignNoticeSchema>;

/** The notice parameters' names, kept apart from the filters'. */
const PARAMETERS = { outcome: 'assign', ticket: 'assign-ticket', engineer: 'assign-to' } as const;

export function noticeParameters(notice: AssignNotice): [string, string][] {
  return [
    [PARAMETERS.outcome, notice.outcome],
    [PARAMETERS.ticket, notice.ticket],
    ...(notice.engineer === undefined ? [] : [[PARAMETERS.engineer, notice.engineer] as [string, string]]),
  ];
}

export function noticeOf(query: URLSearchParams): AssignNotice | undefined {
  const parsed = AssignNoticeSchema.safeParse({
    outcome: query.get(PARAMETERS.outcome) ?? undefined,
    ticket: query.get(PARAMETERS.ticket) ?? undefined,
    engineer: query.get(PARAMETERS.engineer) ?? undefined,
  });
  return parsed.success ? parsed.data : undefined;
}

export interface NoticeText {
  readonly ok: boolean;
  readonly text: string;
}

export function noticeText(notice: AssignNotice, org: Pick<OrgConfig, 'roster'>): NoticeText {
  const engineer = org.roster.engineers.find((candidate) => candidate.id === notice.engineer);
  const who = engineer?.name ?? 'that engineer';
  const ticket = notice.ticket;
  switch (notice.outcome) {
    case 'assigned':
      return { ok: true, text: `${ticket} is now assigned to ${who}.` };
    case 'unchanged':
      return { ok: true, text: `${ticket} was already assigned to ${who}; nothing changed.` };
    case 'not-found':
      return { ok: false, text: `${ticket} was not assigned: there is no such ticket.` };
    case 'not-on-roster':
      return { ok: false, text: `${ticket} was not assigned: choose an engineer of the roster.` };
    case 'unavailable':
      return { ok: false, text: `${ticket} was not assigned: the ticket store is unavailable. Please try again in a moment.` };
    case 'forbidden':
      return { ok: false, text: `${ticket} was not assigned: your role may not assign tickets.` };
    case 'invalid-state':
      return { ok: false, text: `${ticket} was not assigned: a ticket cannot be assigned in its current status (before triage, or once closed).` };
    case 'invalid-command':
    case 'window-closed':
    case 'too-early':
      return { ok: false, text: `${ticket} was not assigned: the assignment was refused (${notice.outcome.replace(/-/g, ' ')}).` };
  }
}
