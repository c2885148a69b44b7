/**
 * The daily digest each TAM receives of their customers' tickets at risk: an SLA clock past its
 * warning or breached, or follow-the-sun handoffs stalled without news for the customer. One
 * email per TAM per day, with an id derived from both, so a re-run sends nothing twice.
 */
import { ticketClocks } from '../domain/agenda/sla-agenda';
import { isHandoffStalled } from '../domain/handoff/handoff-stall';
import type { Instant } from '../domain/primitives';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import { messageIdFor } from '../email/message-id';
import type { OutboxDraft } from '../email/outbox-message';

export interface AtRiskTicket {
  readonly ticketNumber: string;
  readonly headline: string;
  /** One line per reason, e.g. the SLA engine's explanation of a breached clock. */
  readonly risks: readonly string[];
}

export interface TamDigest {
  readonly tamEmail: string;
  readonly tamName?: string;
  readonly tickets: readonly AtRiskTicket[];
}

/** Pure: the digests due at `now`, one per TAM with at least one ticket at risk. */
export function tamDigests(tickets: readonly Ticket[], org: OrgConfig, now: Instant): TamDigest[] {
  const byTam = new Map<string, AtRiskTicket[]>();
  for (const ticket of tickets) {
    if (ticket.tamEmail === undefined || ticket.status === 'closed' || ticket.status === 'rejected') continue;
    const risks = risksOf(ticket, org, now);
    if (risks.length === 0) continue;
    const tam = ticket.tamEmail.toLowerCase();
    const headline = `${ticket.ticketNumber} · Sev ${ticket.severity ?? '?'} · ${ticket.company ?? ticket.requesterEmail} · ${ticket.title ?? 'no title'} (${ticket.status})`;
    byTam.set(tam, [...(byTam.get(tam) ?? []), { ticketNumber: ticket.ticketNumber, headline, risks }]);
  }
  return [...byTam.entries()]
    .sort(([first], [second]) => first.localeCompare(second))
    .map(([tamEmail, atRisk]) => {
      const tamName = org.contracts.find((contract) => contract.tamEmail?.toLowerCase() === tamEmail)?.tamName;
      return { tamEmail, ...(tamName === undefined ? {} : { tamName }), tickets: atRisk };
    });
}

function risksOf(ticket: Ticket, org: OrgConfig, now: Instant): string[] {
  const nowMs = Date.parse(now);
  const slaRisks = ticketClocks(ticket, org, now)
    .filter((clock) => clock.stoppedAt === undefined && clock.state !== 'not-started' && clock.state !== 'met')
    .filter((clock) => clock.state === 'breached' || (clock.warningAt !== undefined && Date.parse(clock.warningAt) <= nowMs))
    .map((clock) => clock.explanation);
  const stalled = isHandoffStalled(ticket, org.lifecycle.handoffStallThreshold)
    ? [`${String(ticket.handoffsSinceCustomerUpdate)} follow-the-sun handoffs without an update to the customer.`]
    : [];
  return [...slaRisks, ...stalled];
}

/** The digest as an outbox message; `day` (YYYY-MM-DD) keys it, so the day's digest goes out once. */
export function tamDigestEmail(digest: TamDigest, day: string, desk: OrgConfig['supportDesk']): OutboxDraft {
  const greeting = `Hello ${digest.tamName ?? digest.tamEmail},`;
  const intro = `${String(digest.tickets.length)} of your customers' tickets need attention today (${day}):`;
  const items = digest.tickets.map((ticket) => ({ title: ticket.headline, risks: ticket.risks }));
  const text = [greeting, '', intro, '', ...items.flatMap((item) => [`* ${item.title}`, ...item.risks.map((risk) => `  - ${risk}`), '']), desk.name].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    '<ul>',
    ...items.map((item) => `<li><strong>${escapeHtml(item.title)}</strong><ul>${item.risks.map((risk) => `<li>${escapeHtml(risk)}</li>`).join('')}</ul></li>`),
    '</ul>',
    `<p>${escapeHtml(desk.name)}</p>`,
  ].join('');
  return {
    id: messageIdFor('tam-digest', digest.tamEmail, day),
    // The outbox files each message under a ticket; a digest spans several, so it is filed under the first.
    ticketNumber: digest.tickets[0]?.ticketNumber ?? 'digest',
    template: 'tam-digest',
    to: [{ email: digest.tamEmail, ...(digest.tamName === undefined ? {} : { name: digest.tamName }) }],
    subject: `Your at-risk tickets, ${day}: ${String(digest.tickets.length)}`,
    html,
    text,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
