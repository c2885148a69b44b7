/**
 * The customer-visible timeline on the status page, newest first: what happened, who did it and
 * when (in the requester's time zone), and the words people wrote, always as text.
 */
import type { CustomerTimelineEntry } from '../../http-api/customer-timeline';
import { html, type SafeHtml } from '../html';
import { formatInstant } from './requester-time';
import { timelineHeadline } from './status-wording';

function entryMarkup(entry: CustomerTimelineEntry, zone: string): SafeHtml {
  const reasons = entry.reasons ?? [];
  return html`<li id="event-${entry.sequence}" data-event-type="${entry.type}">
<time class="when" datetime="${entry.at}">${formatInstant(entry.at, zone)}</time>
<span class="what">${timelineHeadline(entry)}</span>
${entry.text === undefined ? '' : html`<p class="said">${entry.text}</p>`}
${reasons.length === 0 ? '' : html`<ul class="reasons">${reasons.map((reason) => html`<li>${reason.message}</li>`)}</ul>`}
${entry.transcript === undefined ? '' : html`<details class="transcript"><summary>The chat that opened this ticket</summary><pre class="said">${entry.transcript}</pre></details>`}
</li>`;
}

export function timelineSection(entries: readonly CustomerTimelineEntry[], zone: string): SafeHtml {
  const newestFirst = [...entries].sort((a, b) => b.sequence - a.sequence);
  return html`<section class="panel" aria-labelledby="history-title">
<h2 id="history-title">History <span class="optional">(newest first)</span></h2>
<ol class="timeline" reversed>${newestFirst.map((entry) => entryMarkup(entry, zone))}</ol>
</section>`;
}
