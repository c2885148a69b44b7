/** The TAM view, rendered: the customers' open tickets with their risks, then the digest's list. */
import type { Instant } from '../../../domain/primitives';
import { html, type SafeHtml } from '../../html';
import { clockBadge, severityLabel, statusLabel, ticketLink, timeLeft } from '../ticket-list-markup';
import type { TamRow, TamView } from './tam-view';

function nearestClock(row: TamRow, now: Instant, zone: string): SafeHtml {
  const counting = row.clocks.find((clock) => clock.dueAt !== undefined && clock.dueAt === row.nearestDueAt);
  if (counting !== undefined && row.nearestDueAt !== undefined) return html`${clockBadge(counting.state)}${timeLeft(row.nearestDueAt, now, zone)}`;
  const paused = row.clocks.some((clock) => clock.state === 'paused');
  return clockBadge(paused ? 'paused' : 'no-clock');
}

function flags(row: TamRow): SafeHtml {
  const found = [row.breached ? 'Breached' : undefined, row.warning ? 'Warning' : undefined, row.stalled ? 'Stalled' : undefined].filter(
    (flag): flag is string => flag !== undefined,
  );
  return found.length === 0 ? html`<span class="empty">None</span>` : html`${found.map((flag) => html`<span class="flag">${flag}</span> `)}`;
}

function ticketTable(view: TamView, now: Instant, zone: string): SafeHtml {
  if (view.tickets.length === 0) return html`<p class="empty">Your customers have no open tickets.</p>`;
  const rows = view.tickets.map(
    (row) => html`<tr>
<td data-label="Ticket">${ticketLink(row.ticketNumber)}</td>
<td data-label="Customer">${row.customer}</td>
<td data-label="Title">${row.title ?? ''}</td>
<td data-label="Severity">${severityLabel(row.severity)}</td>
<td data-label="Status">${statusLabel(row.status)}</td>
<td data-label="Assignee">${row.assignee?.name ?? 'Unassigned'}</td>
<td data-label="Nearest SLA deadline">${nearestClock(row, now, zone)}</td>
<td data-label="Risks">${flags(row)}</td>
</tr>`,
  );
  return html`<table class="tickets"><caption>Severity A first, then tickets at risk, then the nearest SLA deadline</caption>
<thead><tr><th scope="col">Ticket</th><th scope="col">Customer</th><th scope="col">Title</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Assignee</th><th scope="col">Nearest SLA deadline</th><th scope="col">Risks</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function digest(view: TamView): SafeHtml {
  if (view.digest.length === 0) return html`<p class="empty">Nothing is at risk: no digest would be sent to you today.</p>`;
  const items = view.digest.map(
    (ticket) => html`<li>${ticketLink(ticket.ticketNumber)} · ${severityLabel(ticket.severity)} · ${ticket.customer}${ticket.title === undefined ? '' : html` · ${ticket.title}`}
<ul>${ticket.risks.map((risk) => html`<li>${risk}</li>`)}</ul></li>`,
  );
  return html`<ol class="digest-list">${items}</ol>`;
}

export function renderTamView(view: TamView, now: Instant, zone: string): SafeHtml {
  const customers = view.contracts.map((contract) => contract.customer);
  return html`<h1>TAM view</h1>
<p class="lead">${customers.length === 0 ? 'No contract names you as its TAM.' : `Your customers: ${customers.join(', ')}.`}</p>
<section class="section" aria-labelledby="tam-tickets-heading"><h2 id="tam-tickets-heading">Open tickets of your customers (${view.tickets.length})</h2>
${ticketTable(view, now, zone)}</section>
<section class="section" aria-labelledby="digest-heading"><h2 id="digest-heading">At risk today: the daily digest's list (${view.digest.length})</h2>
${digest(view)}</section>`;
}
