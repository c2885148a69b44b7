/** My work, rendered: the shift line, the handoffs to acknowledge, then the assigned tickets. */
import type { Instant } from '../../../domain/primitives';
import { html, type SafeHtml } from '../../html';
import { formatInstant } from '../../status/requester-time';
import { clockBadge, METRIC_LABELS, severityLabel, statusLabel, ticketLink, timeLeft } from '../ticket-list-markup';
import type { MyWorkView, ShiftStanding, WorkRow } from './my-work-view';

function shiftLine(shift: ShiftStanding, zone: string): SafeHtml {
  switch (shift.kind) {
    case 'on-shift':
      return html`<p class="shift-status">You are on shift${shift.endsAt === undefined ? '' : html` until <time datetime="${shift.endsAt}">${formatInstant(shift.endsAt, zone)}</time>`}.</p>`;
    case 'on-call':
      return html`<p class="shift-status">You are on call (around-the-clock work only)${shift.endsAt === undefined ? '' : html` until <time datetime="${shift.endsAt}">${formatInstant(shift.endsAt, zone)}</time>`}.</p>`;
    case 'off':
      return html`<p class="shift-status">You are off shift.${shift.nextStartsAt === undefined ? '' : html` Your region's next shift starts <time datetime="${shift.nextStartsAt}">${formatInstant(shift.nextStartsAt, zone)}</time>.`}</p>`;
  }
}

function clocksCell(row: WorkRow, now: Instant, zone: string): SafeHtml {
  if (row.clocks.length === 0) return html`<td data-label="SLA"><span class="clock-state clock-none">No clock yet</span></td>`;
  const lines = row.clocks.map(
    (clock) =>
      html`<li>${METRIC_LABELS[clock.metric]}: ${clockBadge(clock.state)}${clock.dueAt !== undefined && clock.state !== 'paused' ? timeLeft(clock.dueAt, now, zone) : ''}</li>`,
  );
  return html`<td data-label="SLA"><ul class="clock-list">${lines}</ul></td>`;
}

function ticketTable(caption: string, rows: readonly WorkRow[], now: Instant, zone: string): SafeHtml {
  const body = rows.map(
    (row) => html`<tr>
<td data-label="Ticket">${ticketLink(row.ticketNumber)}</td>
<td data-label="Title">${row.title ?? ''}${row.company === undefined ? '' : html`<span class="time-left">${row.company}</span>`}</td>
<td data-label="Severity">${severityLabel(row.severity)}</td>
<td data-label="Status">${statusLabel(row.status)}</td>
${clocksCell(row, now, zone)}
</tr>`,
  );
  return html`<table class="tickets"><caption>${caption}</caption>
<thead><tr><th scope="col">Ticket</th><th scope="col">Title</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">SLA clocks</th></tr></thead>
<tbody>${body}</tbody></table>`;
}

export function renderMyWork(view: MyWorkView, now: Instant): SafeHtml {
  if (view.engineer === undefined) {
    return html`<h1>My work</h1>
<div class="notice notice-info"><p>You are not on the roster, so no tickets are assigned to you. The <a href="/staff/queue">queue</a> shows every open ticket.</p></div>`;
  }
  const handoffs =
    view.awaitingAcknowledgement.length === 0
      ? ''
      : html`<section class="section" aria-labelledby="handoffs-heading"><h2 id="handoffs-heading">Handoffs waiting for your acknowledgement (${view.awaitingAcknowledgement.length})</h2>
<p class="summary-line">Read each brief and acknowledge it on the ticket's page.</p>
${ticketTable('Handed to you, not yet acknowledged', view.awaitingAcknowledgement, now, view.zone)}</section>`;
  const assigned =
    view.assigned.length === 0
      ? html`<p class="empty">No other open ticket is assigned to you.</p>`
      : ticketTable('Nearest SLA deadline first', view.assigned, now, view.zone);
  return html`<h1>My work</h1>
${view.shift === undefined ? '' : shiftLine(view.shift, view.zone)}
${handoffs}
<section class="section" aria-labelledby="assigned-heading"><h2 id="assigned-heading">Assigned to you (${view.assigned.length})</h2>
${assigned}</section>`;
}
