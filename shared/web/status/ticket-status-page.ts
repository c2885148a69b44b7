/**
 * The requester's status page: where the ticket stands (status, severity, region and engineer's
 * first name), each SLA clock with its due time in the requester's time zone and whether it is
 * paused, what they can do now, and the customer-visible history. Built from the requester API's
 * view, so the page shows exactly what the API would and nothing more.
 */
import type { CustomerSlaClockSchema, CustomerTicketView } from '../../http-api/customer-ticket-view';
import type { z } from 'zod';
import { html, type SafeHtml } from '../html';
import { renderPage } from '../page-layout';
import { attachmentsSection, type AttachmentsSection } from './attachments-markup';
import { actionSections, type ActionFailure } from './action-forms-markup';
import { formatInstant } from './requester-time';
import type { WebAction } from './requester-web-actions';
import { CLOCK_STATE_WORDING, CLOSURE_WORDING, METRIC_WORDING, REGION_WORDING, severityWording, STATUS_WORDING } from './status-wording';
import { timelineSection } from './timeline-markup';

type CustomerSlaClock = z.infer<typeof CustomerSlaClockSchema>;

export interface TicketStatusPage {
  readonly deskName: string;
  readonly view: CustomerTicketView;
  readonly pagePath: string;
  /** The requester's IANA zone, already checked (UTC when unknown). */
  readonly zone: string;
  readonly actions: readonly WebAction[];
  /** After a successful action or a fresh intake, what to confirm at the top. */
  readonly flash?: string;
  readonly failure?: ActionFailure;
  readonly suggestedAnswer?: 'confirm' | 'reject';
  /** Files can be added now within these limits; refused ones are named beside the field. */
  readonly upload?: AttachmentsSection['upload'];
}

function flashNotice(flash: string | undefined): SafeHtml {
  if (flash === undefined) return html``;
  return html`<div class="notice notice-ok" role="status" tabindex="-1" id="flash" autofocus><p>${flash}</p></div>`;
}

function failureNotice(failure: ActionFailure | undefined): SafeHtml {
  if (failure === undefined) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" id="action-failure"><h2>That did not go through</h2><p>${failure.message}</p></div>`;
}

function facts(view: CustomerTicketView, zone: string): SafeHtml {
  return html`<section class="panel" aria-labelledby="facts-title">
<h2 id="facts-title">Where it stands</h2>
<dl class="facts">
<dt>Status</dt><dd><span class="badge" id="ticket-status" data-status="${view.status}">${STATUS_WORDING[view.status]}</span></dd>
<dt>Severity</dt><dd id="ticket-severity">${view.severity === undefined ? 'Not set' : severityWording(view.severity)}</dd>
<dt>Engineer</dt><dd id="ticket-engineer">${view.engineer === undefined ? 'Not assigned yet' : view.engineer.firstName}</dd>
<dt>Region working on it</dt><dd id="ticket-region">${view.region === undefined ? 'Not assigned yet' : REGION_WORDING[view.region]}</dd>
<dt>Opened</dt><dd>${formatInstant(view.createdAt, zone)}</dd>
<dt>Last change</dt><dd>${formatInstant(view.updatedAt, zone)}</dd>
${view.closure === undefined ? '' : html`<dt>Closed</dt><dd>${formatInstant(view.closure.at, zone)}: ${CLOSURE_WORDING[view.closure.reason]}</dd>`}
</dl>
</section>`;
}

function dueCell(clock: CustomerSlaClock, zone: string): SafeHtml {
  if (clock.dueAt === undefined) return html`—`;
  const when = html`<time datetime="${clock.dueAt}">${formatInstant(clock.dueAt, zone)}</time>`;
  if (clock.paused) return html`${when}<span class="hint">if the clock resumed now</span>`;
  if (clock.state === 'met') return html`was due ${when}`;
  return when;
}

function clockRow(clock: CustomerSlaClock, zone: string): SafeHtml {
  return html`<tr data-metric="${clock.metric}" data-paused="${clock.paused ? 'true' : 'false'}">
<th scope="row">${METRIC_WORDING[clock.metric]}</th>
<td data-label="State">${CLOCK_STATE_WORDING[clock.state]}${clock.paused ? html` <span class="hint">while we wait on you or the vendor</span>` : ''}</td>
<td data-label="Due">${dueCell(clock, zone)}</td>
</tr>`;
}

function clocks(view: CustomerTicketView, zone: string): SafeHtml {
  const body =
    view.sla.length === 0
      ? html`<p>Our response times start counting once your request has been checked and accepted.</p>`
      : html`<table class="clocks" id="sla-clocks">
<thead><tr><th scope="col">Commitment</th><th scope="col">State</th><th scope="col">Due</th></tr></thead>
<tbody>${view.sla.map((clock) => clockRow(clock, zone))}</tbody>
</table>`;
  return html`<section class="panel" aria-labelledby="clocks-title">
<h2 id="clocks-title">Our commitments to you</h2>
<p class="hint">Times are shown in your time zone, ${zone}.</p>
${body}
</section>`;
}

export function renderTicketStatusPage(page: TicketStatusPage): SafeHtml {
  const { view } = page;
  const main = html`<h1>Ticket <span id="ticket-number">${view.ticketNumber}</span></h1>
${view.title === undefined ? '' : html`<p class="lead" id="ticket-title">${view.title}</p>`}
${flashNotice(page.flash)}
${failureNotice(page.failure)}
${facts(view, page.zone)}
${actionSections(view, page.actions, {
  pagePath: page.pagePath,
  zone: page.zone,
  ...(page.failure === undefined ? {} : { failure: page.failure }),
  ...(page.suggestedAnswer === undefined ? {} : { suggestedAnswer: page.suggestedAnswer }),
})}
${attachmentsSection({ files: view.attachments, pagePath: page.pagePath, zone: page.zone, ...(page.upload === undefined ? {} : { upload: page.upload }) })}
${clocks(view, page.zone)}
${timelineSection(view.timeline, page.zone)}`;
  return renderPage({ title: `Ticket ${view.ticketNumber}`, deskName: page.deskName, main });
}
