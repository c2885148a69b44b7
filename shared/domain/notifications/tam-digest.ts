/**
 * The daily digest each TAM receives of their customers' tickets at risk: an SLA clock past its
 * warning or breached, or follow-the-sun handoffs stalled without news for the customer. It is
 * the one notification about no single event, so it is keyed by its recipient and its day: one
 * per TAM per day, however often the timer runs.
 */
import { z } from 'zod';
import { ticketClocks } from '../agenda/sla-agenda';
import { LocalDateSchema } from '../calendar/weekly-hours';
import { isHandoffStalled } from '../handoff/handoff-stall';
import { type Instant, SeveritySchema } from '../primitives';
import type { OrgConfig } from '../org/org-config';
import type { SlaClock } from '../sla/sla-clock';
import type { Ticket } from '../ticket/ticket';
import { TicketNumberSchema } from '../ticket/ticket-number';
import { isFinished, TicketStatusSchema } from '../ticket/ticket-status';
import { RecipientSchema } from './notification';
import { notificationContextFor } from './notification-context';

export const TAM_DIGEST_TEMPLATE = 'tam-digest';

export const AtRiskTicketSchema = z.object({
  ticketNumber: TicketNumberSchema,
  title: z.string().optional(),
  severity: SeveritySchema.optional(),
  /** The company, or the requester's address when the ticket names none. */
  customer: z.string().min(1),
  status: TicketStatusSchema,
  /** One line per reason, e.g. the SLA engine's explanation of a breached clock. */
  risks: z.array(z.string().min(1)).min(1),
});
export type AtRiskTicket = z.infer<typeof AtRiskTicketSchema>;

export const TamDigestSchema = z.object({
  template: z.literal(TAM_DIGEST_TEMPLATE),
  to: z.array(RecipientSchema.extend({ role: z.literal('tam') })).length(1),
  messageId: z.string().min(1),
  /** The UTC day the digest is for (YYYY-MM-DD). */
  day: LocalDateSchema,
  tickets: z.array(AtRiskTicketSchema).min(1),
});
export type TamDigest = z.infer<typeof TamDigestSchema>;

/** The digest's day: UTC, the timer's own zone, so every TAM's digest of a run shares it. */
export function digestDay(now: Instant): string {
  return new Date(now).toISOString().slice(0, 10);
}

export function tamDigestMessageId(tamEmail: string, day: string): string {
  return `${TAM_DIGEST_TEMPLATE}/${day}/${tamEmail.trim().toLowerCase()}`;
}

/** Pure: the digests due at `now`, one per TAM with at least one open ticket at risk, by address. */
export function tamDigestsFor(tickets: readonly Ticket[], org: OrgConfig, now: Instant): TamDigest[] {
  const byTam = new Map<string, AtRiskTicket[]>();
  for (const ticket of [...tickets].sort((first, second) => first.ticketNumber.localeCompare(second.ticketNumber))) {
    const tam = notificationContextFor(ticket, org).tam?.email.toLowerCase();
    if (tam === undefined || isFinished(ticket.status)) continue;
    const risks = ticketRisks(ticket, org, now);
    if (risks.length === 0) continue;
    byTam.set(tam, [...(byTam.get(tam) ?? []), atRisk(ticket, risks)]);
  }
  const day = digestDay(now);
  return [...byTam.entries()]
    .sort(([first], [second]) => first.localeCompare(second))
    .map(([email, atRiskTickets]) => {
      const name = tamName(org, email);
      return {
        template: TAM_DIGEST_TEMPLATE,
        to: [{ role: 'tam', email, ...(name === undefined ? {} : { name }) }],
        messageId: tamDigestMessageId(email, day),
        day,
        tickets: atRiskTickets,
      };
    });
}

/** Why a ticket is at risk at `now`; none when it is not. */
export function ticketRisks(ticket: Ticket, org: OrgConfig, now: Instant): string[] {
  const nowMs = Date.parse(now);
  const slaRisks = ticketClocks(ticket, org, now)
    // A clock met, or stopped late, is no longer to beat; one not started has no warning instant.
    .filter((clock) => clock.stoppedAt === undefined)
    // A breached clock has passed its warning instant too, which comes before its due instant.
    .filter((clock) => hasWarned(clock, nowMs))
    .map((clock) => clock.explanation);
  const stalled = isHandoffStalled(ticket, org.lifecycle.handoffStallThreshold)
    ? [`${String(ticket.handoffsSinceCustomerUpdate)} follow-the-sun handoffs without an update to the customer.`]
    : [];
  return [...slaRisks, ...stalled];
}

function hasWarned(clock: SlaClock, nowMs: number): boolean {
  // Stryker disable next-line ConditionalExpression: an absent warning instant parses to NaN, never at or before now; the check is for the type
  return clock.warningAt !== undefined && Date.parse(clock.warningAt) <= nowMs;
}

function atRisk(ticket: Ticket, risks: string[]): AtRiskTicket {
  return {
    ticketNumber: ticket.ticketNumber,
    ...(ticket.title === undefined ? {} : { title: ticket.title }),
    ...(ticket.severity === undefined ? {} : { severity: ticket.severity }),
    customer: ticket.company ?? ticket.requesterEmail,
    status: ticket.status,
    risks,
  };
}

function tamName(org: Pick<OrgConfig, 'contracts'>, email: string): string | undefined {
  return org.contracts.find((contract) => contract.tamEmail?.toLowerCase() === email)?.tamName;
}
