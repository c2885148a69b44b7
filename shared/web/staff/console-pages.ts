/**
 * The console's list pages as session-aware handlers: My work, the queue (and its assign form) and
 * the TAM view. Each reads what it needs through the console port, builds its pure view, and
 * renders it in the console frame. A store outage is a 503 page that says to retry; a broken
 * configuration or document is thrown to the page boundary.
 */
import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { mayIssue } from '../../domain/commands/command-roles';
import type { OrgConfig } from '../../domain/org/org-config';
import type { Ticket } from '../../domain/ticket/ticket';
import { TicketNumberSchema } from '../../domain/ticket/ticket-number';
import { actingRole, rosterEngineerOf, staffActor } from '../../http-api/staff-actor';
import { staffCommand } from '../../http-api/staff-command-body';
import { TicketServiceFault } from '../../http-api/ticket-outcomes';
import { readRequestBody } from '../../http-edge/request-body';
import { UnexpectedStoreFailure } from '../../http-edge/store-failure-problem';
import type { StoreFailure } from '../../store/store-failure';
import type { ApplyResult } from '../../ticket-service/apply-to-ticket';
import { html, type SafeHtml } from '../html';
import { htmlPageResponse, seeOther } from '../html-response';
import { renderConsolePage, type ConsoleSection } from './console-frame';
import type { ConsolePort } from './console-port';
import { renderMyWork } from './my-work/my-work-page';
import { myWorkView } from './my-work/my-work-view';
import { queueFiltersOf, queueQueryString } from './queue/queue-filters';
import { queueList } from './queue/queue-list';
import { noticeOf, noticeParameters, noticeText, type AssignOutcome } from './queue/queue-notice';
import { renderQueue } from './queue/queue-page';
import type { StaffPageHandler, StaffSession } from './staff-session';
import { STAFF_ROUTES } from './staff-routes';
import { consoleCommandId, FORM_CONTROLS } from './ticket/staff-command-post';
import { renderTamView } from './tam/tam-page';
import { contractsOfTam, tamView } from './tam/tam-view';
import { viewerZone } from './viewer-zone';

/** List pages reload themselves this often (when the script runs and nobody is typing). */
export const LIST_REFRESH_SECONDS = 60;

type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly response: HttpResponseInit };

function unavailablePage(session: StaffSession, active: ConsoleSection, retryAfterSeconds: number): HttpResponseInit {
  const body = html`<div class="notice notice-failed" role="alert"><h1>The ticket store is unavailable</h1>
<p>Nothing could be read just now. Please reload this page in ${String(retryAfterSeconds)} seconds.</p></div>`;
  return htmlPageResponse(renderConsolePage({ title: 'Temporarily unavailable', session, active, body }), {
    status: 503,
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

function storeFailure(failure: StoreFailure, session: StaffSession, active: ConsoleSection): HttpResponseInit {
  if (failure.kind === 'unavailable') return unavailablePage(session, active, failure.retryAfterSeconds);
  if (failure.kind === 'unexpected') throw new UnexpectedStoreFailure(failure);
  throw new TicketServiceFault(`the store answered a read with ${failure.kind}`);
}

/** Tickets a list should have shown but could not (unreadable, or past the page's limit): never silently. */
function unshownNotice(unshown: number): SafeHtml | '' {
  if (unshown === 0) return '';
  return html`<div class="notice notice-failed" role="alert"><p>${unshown} ${unshown === 1 ? 'ticket' : 'tickets'} could not be shown on this page. The queue lists every open ticket.</p></div>`;
}

async function loadOrg(port: ConsolePort, session: StaffSession, active: ConsoleSection): Promise<Loaded<OrgConfig>> {
  const load = await port.orgConfig();
  switch (load.kind) {
    case 'loaded':
      return { ok: true, value: load.config };
    case 'failed':
      return { ok: false, response: storeFailure(load.failure, session, active) };
    case 'missing':
      throw new TicketServiceFault('no organisation configuration is loaded');
    case 'invalid':
      throw new TicketServiceFault(load.reason);
  }
}

export function myWorkPage(port: ConsolePort): StaffPageHandler {
  return async (_request, session) => {
    const org = await loadOrg(port, session, 'my-work');
    if (!org.ok) return org.response;
    const engineer = rosterEngineerOf(session.principal, org.value.roster.engineers);
    let tickets: readonly Ticket[] = [];
    let unshown = 0;
    if (engineer !== undefined) {
      const read = await port.openTicketsAssignedTo(engineer.id);
      if (read.kind === 'failed') return storeFailure(read.failure, session, 'my-work');
      tickets = read.tickets;
      unshown = read.skipped.length;
    }
    const now = port.now();
    const view = myWorkView({ principal: session.principal, org: org.value, tickets, now });
    const page = renderConsolePage({
      title: 'My work',
      session,
      active: 'my-work',
      body: html`${unshownNotice(unshown)}${renderMyWork(view, now)}`,
      deskName: org.value.supportDesk.name,
      autoRefreshSeconds: LIST_REFRESH_SECONDS,
      renderedAt: now,
    });
    return htmlPageResponse(page);
  };
}

/** Whether the person may assign, by the role matrix the domain enforces anyway. */
export function mayAssign(session: StaffSession): boolean {
  return mayIssue(actingRole(session.principal.roles, 'assign'), 'assign');
}

async function showQueue(request: HttpRequest, session: StaffSession, port: ConsolePort): Promise<HttpResponseInit> {
  const org = await loadOrg(port, session, 'queue');
  if (!org.ok) return org.response;
  const query = new URL(request.url).searchParams;
  // Sent back here after an assignment, which another instance may have written: the list must show it.
  const notice = noticeOf(query);
  const read = await port.openTicketSummaries({ afterAChange: notice !== undefined });
  if (read.kind === 'failed') return storeFailure(read.failure, session, 'queue');
  const filters = queueFiltersOf(query);
  const now = port.now();
  const assigner = mayAssign(session);
  const list = queueList(read.summaries, filters, { now, assignerOrder: assigner, stallThreshold: org.value.lifecycle.handoffStallThreshold });
  const body = renderQueue({
    list,
    filters,
    org: org.value,
    now,
    zone: viewerZone(session.principal, org.value),
    ...(assigner ? { assign: { csrf: session.csrfToken, pageId: randomUUID() } } : {}),
    ...(notice === undefined ? {} : { notice: noticeText(notice, org.value) }),
    unreadable: read.skipped,
  });
  return htmlPageResponse(
    renderConsolePage({ title: 'Queue', session, active: 'queue', body, deskName: org.value.supportDesk.name, autoRefreshSeconds: LIST_REFRESH_SECONDS, renderedAt: now }),
  );
}

function assignOutcome(result: ApplyResult): AssignOutcome {
  switch (result.kind) {
    case 'applied':
      return 'assigned';
    case 'unchanged':
      return 'unchanged';
    case 'rejected':
      return result.rejection.code;
    case 'not-found':
      return 'not-found';
    case 'unavailable':
      return 'unavailable';
    case 'failed':
      throw new TicketServiceFault(result.reason);
  }
}

function field(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null || !(name in body)) return undefined;
  const value: unknown = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Assigns from the list through the same command path and role matrix as the JSON API's `assign`,
 * then sends the browser back to the list it came from, with the outcome (post/redirect/get).
 */
async function assignFromQueue(request: HttpRequest, session: StaffSession, port: ConsolePort): Promise<HttpResponseInit> {
  const read = await readRequestBody(request, { instance: `/${STAFF_ROUTES.queue}` });
  if (read.kind === 'rejected') return read.response;
  // Only the list's own filters go back into the address; anything else in `return` is dropped.
  const back = queueFiltersOf(new URLSearchParams(field(read.body, 'return') ?? ''));
  const ticket = TicketNumberSchema.safeParse(field(read.body, 'ticketNumber') ?? '');
  const engineerId = field(read.body, 'engineerId') ?? '';
  const redirect = (outcome: AssignOutcome, ticketNumber: string): HttpResponseInit => {
    const query = new URLSearchParams(queueQueryString(back).replace(/^\?/, ''));
    for (const [name, value] of noticeParameters({ outcome, ticket: ticketNumber, ...(engineerId === '' ? {} : { engineer: engineerId }) })) query.set(name, value);
    return seeOther(`/${STAFF_ROUTES.queue}?${query.toString()}`);
  };
  if (!ticket.success) return seeOther(`/${STAFF_ROUTES.queue}${queueQueryString(back)}`);

  const org = await loadOrg(port, session, 'queue');
  if (!org.ok) return org.response;
  const engineers = org.value.roster.engineers;
  const built = staffCommand({ type: 'assign', engineerId }, staffActor(session.principal, 'assign', engineers), engineers);
  if (!built.ok) return redirect('not-on-roster', ticket.data);
  // The same choice sent twice from one drawing of the list (a double click) is one assignment, answered alike.
  const page = field(read.body, FORM_CONTROLS.page);
  const commandId = page === undefined || page === '' ? undefined : consoleCommandId(page, { type: 'assign', ticketNumber: ticket.data, engineerId });
  const result = await port.applyToTicket(ticket.data, () => built.command, port.now(), commandId === undefined ? {} : { commandId });
  return redirect(assignOutcome(result), ticket.data);
}

export function queuePage(port: ConsolePort): StaffPageHandler {
  return (request, session) => (request.method === 'POST' ? assignFromQueue(request, session, port) : showQueue(request, session, port));
}

/** The TAM view answers people holding the TAM role only (the navigation offers it to no one else). */
function notATamPage(session: StaffSession): HttpResponseInit {
  const body = html`<h1>TAM view</h1>
<div class="notice notice-info" role="status"><p>This page lists a technical account manager's customers. Your roles do not include TAM.</p></div>`;
  return htmlPageResponse(renderConsolePage({ title: 'TAM view', session, body }), { status: 403 });
}

export function tamPage(port: ConsolePort): StaffPageHandler {
  return async (_request, session) => {
    if (!session.principal.roles.includes('tam')) return notATamPage(session);
    const org = await loadOrg(port, session, 'tam');
    if (!org.ok) return org.response;
    const read = await port.openTicketsUnderContracts(contractsOfTam(org.value, session.principal).map((contract) => contract.id));
    if (read.kind === 'failed') return storeFailure(read.failure, session, 'tam');
    const now = port.now();
    const view = tamView({ principal: session.principal, org: org.value, tickets: read.tickets, now });
    const body = html`${unshownNotice(read.skipped.length)}${renderTamView(view, now, viewerZone(session.principal, org.value))}`;
    return htmlPageResponse(
      renderConsolePage({ title: 'TAM view', session, active: 'tam', body, deskName: org.value.supportDesk.name, autoRefreshSeconds: LIST_REFRESH_SECONDS, renderedAt: now }),
    );
  };
}
