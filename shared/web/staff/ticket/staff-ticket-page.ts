/**
 * The console's ticket page, drawn from its model: where the ticket stands, the SLA clocks with
 * their reasons, the latest handoff brief, the vendor case, what the person can do, the intake
 * fields and the whole timeline with what the customer sees marked. Everything a person wrote is
 * interpolated as text by the escaping renderer.
 */
import { staffAttachmentsSection, type StaffUploadForm } from './staff-attachments-markup';
import { html, type HtmlValue, type SafeHtml } from '../../html';
import { describeTimeLeft } from '../time-left';
import type { TimelineLine, StaffTimelineItem } from './staff-timeline-entry';
import { commandForm, commandsSection, fieldId, type FormContext } from './command-forms-markup';
import type { ClockLine, HandoffPanel, StaffTicketPageModel, VendorPanel } from './staff-ticket-model';

function facts(lines: readonly TimelineLine[], id: string, prose = false): SafeHtml {
  return html`<dl class="facts" id="${id}">${lines.map((entry) => html`<dt>${entry.label}</dt><dd${prose ? html` class="prose"` : ''}>${entry.value}</dd>`)}</dl>`;
}

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * A counting clock's time left runs down to its due instant, and the console script keeps it
 * current; a stopped or paused one shows the working minutes the engine reports, which stand still.
 */
function leftCell(clock: ClockLine, now: string): HtmlValue {
  if (clock.state === 'not-started') return '—';
  if ((clock.state === 'running' || clock.state === 'warning' || clock.state === 'breached') && clock.dueAt !== undefined) {
    return html`<span data-due-at="${clock.dueAt}">${describeTimeLeft(Date.parse(clock.dueAt), Date.parse(now))}</span>`;
  }
  if (clock.remainingMinutes < 0) return `${duration(-clock.remainingMinutes)} over`;
  if (clock.state === 'met') return `${duration(clock.remainingMinutes)} to spare`;
  return `${duration(clock.remainingMinutes)} left when it resumes`;
}

function clockRow(clock: ClockLine, now: string): SafeHtml {
  return html`<tr data-metric="${clock.metric}" data-state="${clock.state}">
<th scope="row">${clock.metricLabel}</th>
<td data-label="State"><span class="clock-state clock-${clock.state === 'not-started' ? 'none' : clock.state}">${clock.stateLabel}</span></td>
<td data-label="Due">${clock.dueAt === undefined ? '—' : html`<time datetime="${clock.dueAt}">${clock.dueText ?? clock.dueAt}</time>`}</td>
<td data-label="Left">${leftCell(clock, now)}</td>
<td data-label="Why" class="explanation">${clock.explanation}</td>
</tr>`;
}

function clocksSection(model: StaffTicketPageModel): SafeHtml {
  const body =
    model.clocks.length === 0
      ? html`<p>No SLA clock runs yet: they start when the ticket is triaged.</p>`
      : html`<table class="clocks" id="sla-clocks">
<thead><tr><th scope="col">Clock</th><th scope="col">State</th><th scope="col">Due</th><th scope="col">Left</th><th scope="col">Why</th></tr></thead>
<tbody>${model.clocks.map((clock) => clockRow(clock, model.now))}</tbody>
</table>`;
  return html`<section class="panel" aria-labelledby="sla-title">
<h2 id="sla-title">SLA clocks</h2>
<p class="hint">Due times in your time zone, ${model.zone}; minutes count on the SLA calendar.</p>
${body}
</section>`;
}

function list(items: readonly string[]): SafeHtml {
  return html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;
}

function handoffSection(handoff: HandoffPanel | undefined, model: StaffTicketPageModel, context: FormContext): SafeHtml {
  if (handoff === undefined) return html``;
  const acknowledge = model.forms.find((form) => form.name === 'acknowledge-handoff');
  const state = handoff.awaitingAcknowledgement ? 'Waiting for the incoming engineer to acknowledge.' : 'Acknowledged.';
  return html`<section class="panel" id="handoff" aria-labelledby="handoff-title" data-awaiting="${handoff.awaitingAcknowledgement ? 'true' : 'false'}">
<h2 id="handoff-title">Latest handoff brief</h2>
<p>${handoff.headline}, ${handoff.at}. <strong>${state}</strong></p>
${handoff.stalled ? html`<p class="rule">Stalled: handoffs have gone round without a customer update. Escalate internally rather than hand it on again.</p>` : ''}
<h3>Next step</h3>
<p class="said">${handoff.nextStep ?? 'None given.'}</p>
${handoff.outgoingNote === undefined ? '' : html`<h3>Where it stands</h3><p class="said">${handoff.outgoingNote}</p>`}
<h3>What was tried</h3>
${handoff.tried.length === 0 ? html`<p>Nothing recorded.</p>` : list(handoff.tried)}
<h3>Questions already answered</h3>
${
  handoff.answeredQuestions.length === 0
    ? html`<p>None yet.</p>`
    : html`<dl class="facts">${handoff.answeredQuestions.map((answered) => html`<dt>${answered.question}</dt><dd class="prose">${answered.answer}</dd>`)}</dl>`
}
${handoff.openQuestions.length === 0 ? '' : html`<h3>Still waiting for an answer</h3>${list(handoff.openQuestions.map((open) => open.question))}`}
${acknowledge === undefined ? '' : commandForm(acknowledge, context)}
</section>`;
}

function vendorSection(vendor: VendorPanel | undefined): SafeHtml {
  if (vendor === undefined) return html``;
  const lines: TimelineLine[] = [
    { label: 'Case', value: vendor.caseId ?? (vendor.pending ? 'Being opened by Baton' : 'Not opened') },
    ...(vendor.status === undefined ? [] : [{ label: 'Status', value: vendor.status }]),
    ...(vendor.openedText === undefined ? [] : [{ label: 'Opened', value: vendor.openedText }]),
    ...(vendor.nextFollowUpText === undefined ? [] : [{ label: 'Next follow-up', value: vendor.nextFollowUpText }]),
  ];
  return html`<section class="panel" id="vendor" aria-labelledby="vendor-title">
<h2 id="vendor-title">Vendor case</h2>
${facts(lines, 'vendor-facts')}
<h3>History</h3>
<ol class="timeline">${vendor.history.map((item) => timelineEntry(item, 'vendor-event'))}</ol>
</section>`;
}

function timelineEntry(item: StaffTimelineItem, idPrefix = 'event'): SafeHtml {
  return html`<li id="${idPrefix}-${item.sequence}" data-event-type="${item.type}" class="${item.customerVisible ? 'customer-visible' : 'internal'}">
<time class="when" datetime="${item.at}">${item.atText}</time>
<span class="what">${item.headline}</span> <span class="tag ${item.customerVisible ? 'tag-customer' : 'tag-internal'}">${item.customerVisible ? 'Customer sees this' : 'Internal'}</span>
<span class="by">by ${item.by}</span>
${item.text === undefined ? '' : html`<p class="said">${item.text}</p>`}
${item.lines.length === 0 ? '' : html`<dl class="facts">${item.lines.map((entry) => html`<dt>${entry.label}</dt><dd class="prose">${entry.value}</dd>`)}</dl>`}
</li>`;
}

function timelineSection(model: StaffTicketPageModel): SafeHtml {
  return html`<section class="panel" aria-labelledby="timeline-title">
<h2 id="timeline-title">Timeline <span class="optional">(newest first, internal entries included)</span></h2>
<ol class="timeline" id="timeline" reversed>${model.timeline.map((item) => timelineEntry(item))}</ol>
</section>`;
}

function notices(model: StaffTicketPageModel): SafeHtml {
  const failure = model.failure;
  const failed = model.forms.find((form) => form.name === failure?.name);
  const errors = failed === undefined || failure === undefined ? [] : failed.form.fields.flatMap((field) => {
    const message = failure.fieldErrors[field.name];
    return message === undefined ? [] : [html`<li><a href="#${fieldId(failed, field)}">${message}</a></li>`];
  });
  return html`${model.flash === undefined ? '' : html`<div class="notice notice-ok" role="status" id="flash"><p>${model.flash}</p></div>`}
${
  failure === undefined
    ? ''
    : html`<div class="error-summary" role="alert" tabindex="-1" id="command-failure"><h2>That did not go through</h2><p>${failure.summary}</p>${errors.length === 0 ? '' : html`<ul>${errors}</ul>`}</div>`
}`;
}

/** The page's main content; the console frame puts it in the document. */
export function renderStaffTicketMain(model: StaffTicketPageModel, context: FormContext, upload?: StaffUploadForm): SafeHtml {
  return html`<h1>Ticket <span id="ticket-number">${model.ticketNumber}</span></h1>
${model.title === undefined ? '' : html`<p class="lead" id="ticket-title">${model.title}</p>`}
${notices(model)}
<section class="panel" aria-labelledby="facts-title">
<h2 id="facts-title">Where it stands</h2>
${facts(model.facts, 'ticket-facts')}
</section>
${clocksSection(model)}
${handoffSection(model.handoff, model, context)}
${commandsSection(model.forms, context)}
${vendorSection(model.vendor)}
<section class="panel" aria-labelledby="intake-title">
<h2 id="intake-title">What the requester told us</h2>
${facts(model.intake, 'intake-fields', true)}
</section>
${staffAttachmentsSection(model.ticketNumber, model.attachments, model.zone, upload === undefined ? undefined : { ...upload, csrfToken: context.csrfToken, pageId: context.pageId })}
${timelineSection(model)}`;
}
