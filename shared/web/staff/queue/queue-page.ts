/**
 * The queue, rendered: the filter form (a plain GET form, so a filtered list is a link one can
 * share), the counts by SLA state, one page of tickets and, for people who may assign, a small
 * POST form on each row.
 */
import type { OrgConfig } from '../../../domain/org/org-config';
import { RegionSchema, SeveritySchema, type Instant } from '../../../domain/primitives';
import { FINISHED_STATUSES, TICKET_STATUSES } from '../../../domain/ticket/ticket-status';
import { html, type SafeHtml } from '../../html';
import { CLOCK_STATE_LABELS, RowSlaStateSchema } from '../sla-states';
import { STAFF_ROUTES } from '../staff-routes';
import { FORM_CONTROLS } from '../ticket/staff-command-post';
import { clockBadge, severityLabel, statusLabel, ticketLink, timeLeft } from '../ticket-list-markup';
import { queueQueryString, UNASSIGNED, type QueueFilters } from './queue-filters';
import type { QueueList, QueueRow } from './queue-list';
import type { NoticeText } from './queue-notice';

export interface QueuePageInput {
  readonly list: QueueList;
  readonly filters: QueueFilters;
  readonly org: Pick<OrgConfig, 'queues' | 'roster'>;
  readonly now: Instant;
  readonly zone: string;
  /** Present for people who may assign: what their row forms carry. */
  readonly assign?: AssignFormContext;
  readonly notice?: NoticeText;
  /** Rows the store could not read (a broken document), so the counts are known to be short. */
  readonly unreadable: number;
}

/** The session's CSRF token, and a fresh id for this drawing of the page (see FORM_CONTROLS.page). */
export interface AssignFormContext {
  readonly csrf: string;
  readonly pageId: string;
}

const QUEUE_PATH = `/${STAFF_ROUTES.queue}`;

interface Option {
  readonly value: string;
  readonly label: string;
}

function select(name: string, label: string, options: readonly Option[], chosen: string | undefined): SafeHtml {
  const items = options.map((option) => html`<option value="${option.value}"${option.value === (chosen ?? '') ? html` selected` : ''}>${option.label}</option>`);
  return html`<div class="field"><label for="filter-${name}">${label}</label><select id="filter-${name}" name="${name}"><option value="">Any</option>${items}</select></div>`;
}

function filterForm(input: QueuePageInput): SafeHtml {
  const { filters, org } = input;
  const open = TICKET_STATUSES.filter((status) => !FINISHED_STATUSES.includes(status));
  const engineers = [...org.roster.engineers].sort((first, second) => first.name.localeCompare(second.name));
  return html`<form class="panel filters" method="get" action="${QUEUE_PATH}" role="search" aria-label="Filter the queue">
<div class="field"><label for="filter-q">Search</label><input type="text" id="filter-q" name="q" value="${filters.q ?? ''}" placeholder="Number, title or company"></div>
${select('queue', 'Queue', org.queues.map((queue) => ({ value: queue.id, label: queue.name })), filters.queue)}
${select('status', 'Status', open.map((status) => ({ value: status, label: statusLabel(status) })), filters.status)}
${select('severity', 'Severity', SeveritySchema.options.map((severity) => ({ value: severity, label: severityLabel(severity) })), filters.severity)}
${select('region', 'Region', RegionSchema.options.map((region) => ({ value: region, label: region })), filters.region)}
${select('assignee', 'Assignee', [{ value: UNASSIGNED, label: 'Unassigned' }, ...engineers.map((engineer) => ({ value: engineer.id, label: engineer.name }))], filters.assignee)}
${select('sla', 'SLA', [{ value: 'at-risk', label: 'Breached or warning' }, ...RowSlaStateSchema.options.map((state) => ({ value: state, label: CLOCK_STATE_LABELS[state] }))], filters.sla)}
<div class="actions-row"><button type="submit" class="button">Show tickets</button><a href="${QUEUE_PATH}">Clear the filters</a></div>
</form>`;
}

function counts(input: QueuePageInput): SafeHtml {
  const items = RowSlaStateSchema.options.map((state) => {
    const link = `${QUEUE_PATH}${queueQueryString({ ...input.filters, sla: state }, 1)}`;
    return html`<li><a href="${link}">${CLOCK_STATE_LABELS[state]}</a><strong>${input.list.counts[state]}</strong></li>`;
  });
  return html`<h2 class="visually-hidden">Tickets by SLA state</h2><ul class="counts">${items}</ul>`;
}

/** Sent once: the browser disables its button on submit, and the page id makes a second post a replay. */
function assignForm(row: QueueRow, input: QueuePageInput, assign: AssignFormContext): SafeHtml {
  const id = `assign-${row.ticketNumber}`;
  const engineers = [...input.org.roster.engineers].sort((first, second) => first.region.localeCompare(second.region) || first.name.localeCompare(second.name));
  const options = engineers.map(
    (engineer) => html`<option value="${engineer.id}"${engineer.id === row.assignee?.engineerId ? html` selected` : ''}>${engineer.name} (${engineer.region})</option>`,
  );
  return html`<form class="assign-form" method="post" action="${QUEUE_PATH}" data-submit-once>
<input type="hidden" name="${FORM_CONTROLS.csrf}" value="${assign.csrf}">
<input type="hidden" name="${FORM_CONTROLS.page}" value="${assign.pageId}">
<input type="hidden" name="ticketNumber" value="${row.ticketNumber}">
<input type="hidden" name="return" value="${queueQueryString(input.filters)}">
<label class="visually-hidden" for="${id}">Assign ${row.ticketNumber} to</label>
<select id="${id}" name="engineerId">${row.assignee === undefined ? html`<option value="">Choose an engineer</option>` : ''}${options}</select>
<button type="submit" class="button button-small">Assign</button>
</form>`;
}

function rowMarkup(row: QueueRow, input: QueuePageInput): SafeHtml {
  const flags = [row.assignee === undefined ? html`<span class="flag">Unassigned</span> ` : '', row.stalled ? html`<span class="flag">Stalled</span>` : ''];
  return html`<tr>
<td data-label="Ticket">${ticketLink(row.ticketNumber)}</td>
<td data-label="Title">${row.title ?? ''}${row.company === undefined ? '' : html`<span class="time-left">${row.company}</span>`}</td>
<td data-label="Severity">${severityLabel(row.severity)}</td>
<td data-label="Status">${statusLabel(row.status)}</td>
<td data-label="Queue">${input.org.queues.find((queue) => queue.id === row.queueId)?.name ?? row.queueId ?? 'None yet'}</td>
<td data-label="Assignee">${row.assignee === undefined ? '' : html`${row.assignee.name} (${row.assignee.region})`} ${flags}</td>
<td data-label="SLA">${clockBadge(row.slaState)}${row.dueAt === undefined ? '' : timeLeft(row.dueAt, input.now, input.zone)}</td>
${input.assign === undefined ? '' : html`<td data-label="Assign">${assignForm(row, input, input.assign)}</td>`}
</tr>`;
}

function pager(input: QueuePageInput): SafeHtml {
  const { page, pages } = input.list;
  if (pages <= 1) return html``;
  const link = (target: number, label: string, rel: string): SafeHtml => html`<a href="${QUEUE_PATH}${queueQueryString(input.filters, target)}" rel="${rel}">${label}</a>`;
  return html`<nav class="pager" aria-label="Pages">
${page > 1 ? link(page - 1, 'Previous page', 'prev') : ''}
<span>Page ${page} of ${pages}</span>
${page < pages ? link(page + 1, 'Next page', 'next') : ''}
</nav>`;
}

export function renderQueue(input: QueuePageInput): SafeHtml {
  const { list } = input;
  const notice =
    input.notice === undefined
      ? ''
      : input.notice.ok
        ? html`<div class="notice notice-ok" role="status"><p>${input.notice.text}</p></div>`
        : html`<div class="notice notice-failed" role="alert"><p>${input.notice.text}</p></div>`;
  const unreadable = input.unreadable === 0 ? '' : html`<div class="notice notice-failed" role="alert"><p>${input.unreadable} stored tickets could not be read and are missing from this list.</p></div>`;
  const table =
    list.rows.length === 0
      ? html`<p class="empty">No open ticket matches these filters.</p>`
      : html`<table class="tickets"><caption>${input.assign === undefined ? 'Nearest SLA deadline first' : 'Unassigned and stalled tickets first, then the nearest SLA deadline'}</caption>
<thead><tr><th scope="col">Ticket</th><th scope="col">Title</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Queue</th><th scope="col">Assignee</th><th scope="col">SLA</th>${input.assign === undefined ? '' : html`<th scope="col">Assign</th>`}</tr></thead>
<tbody>${list.rows.map((row) => rowMarkup(row, input))}</tbody></table>`;
  return html`<h1>Queue</h1>
${notice}${unreadable}
${filterForm(input)}
${counts(input)}
<p class="summary-line" role="status">${list.matching} open ${list.matching === 1 ? 'ticket matches' : 'tickets match'}${list.pages > 1 ? html`, page ${list.page} of ${list.pages}` : ''}.</p>
${table}
${pager(input)}`;
}
