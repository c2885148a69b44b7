import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import { OpenTicketSummarySchema } from '../../../../shared/store/console-queries';
import { lookUpAsset } from '../../../../shared/web/static-assets';
import { queuePage } from '../../../../shared/web/staff/console-pages';
import type { ConsolePort } from '../../../../shared/web/staff/console-port';
import { noticeOf } from '../../../../shared/web/staff/queue/queue-notice';
import type { StaffSession } from '../../../../shared/web/staff/staff-session';
import { inMemoryPorts, type InMemoryPorts } from '../../orchestration/support/in-memory-ports';
import { ARJUN_PRINCIPAL, NOW, ORG, unassignedTicket } from './support/console-tickets';

const session: StaffSession = { principal: ARJUN_PRINCIPAL, csrfToken: 'csrf-token-0123456789', expiresAt: '2026-11-24T15:00:00.000Z' };
const ticket = unassignedTicket('2026-11-24T13:45:00.000Z');

/** The real ticket service over an in-memory store, listed as the console lists it. */
let store: InMemoryPorts;
function port(): ConsolePort {
  return {
    orgConfig: async () => ({ kind: 'loaded', config: ORG }),
    now: () => NOW,
    applyToTicket: (number, decide, now, options) => store.applyToTicket(number, decide, now, options),
    openTicketSummaries: async () => ({ kind: 'read', summaries: [...store.tickets.values()].map((stored) => OpenTicketSummarySchema.parse(stored)), skipped: 0 }),
    openTicketsAssignedTo: async () => ({ kind: 'read', tickets: [], skipped: [] }),
    openTicketsUnderContracts: async () => ({ kind: 'read', tickets: [], skipped: [] }),
  };
}

beforeEach(() => {
  store = inMemoryPorts(ORG, () => NOW);
  store.put(ticket);
});

async function queueHtml(): Promise<string> {
  const response = await queuePage(port())(new HttpRequest({ url: 'http://127.0.0.1:7071/staff/queue', method: 'GET' }), session);
  return String(response.body);
}

/** The row's assign form as the browser would send it, with the engineer chosen. */
function assignPost(page: string, engineerId: string): string {
  const form = new RegExp(`<form class="assign-form"[^>]*>((?:(?!</form>)[\\s\\S])*name="ticketNumber" value="${ticket.ticketNumber}"[\\s\\S]*?)</form>`).exec(page)?.[1];
  if (form === undefined) throw new Error('no assign form for the ticket');
  const fields = new URLSearchParams();
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.set(name ?? '', (value ?? '').replace(/&amp;/g, '&'));
  fields.set('engineerId', engineerId);
  return fields.toString();
}

async function post(body: string): Promise<HttpResponseInit> {
  const request = new HttpRequest({ url: 'http://127.0.0.1:7071/staff/queue', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: { string: body } });
  return queuePage(port())(request, session);
}

const outcomeOf = (response: HttpResponseInit) => noticeOf(new URL(String((response.headers as Record<string, string>).Location), 'http://127.0.0.1:7071').searchParams)?.outcome;
const assignments = () => store.ticket(ticket.ticketNumber).timeline.filter((event) => event.type === 'engineer-assigned');

describe('assigning from the queue', () => {
  it('records a double submit of the same form once, and answers both as the assignment', async () => {
    const body = assignPost(await queueHtml(), 'priya-nair');
    const first = await post(body);
    const second = await post(body);
    expect([outcomeOf(first), outcomeOf(second)]).toEqual(['assigned', 'assigned']);
    expect(assignments()).toHaveLength(1);
  });

  it('takes a new choice made on a newer drawing of the list as a new assignment', async () => {
    await post(assignPost(await queueHtml(), 'priya-nair'));
    const reassigned = await post(assignPost(await queueHtml(), 'lukas-weber'));
    expect(outcomeOf(reassigned)).toBe('assigned');
    expect(assignments().map((event) => event.type === 'engineer-assigned' && event.engineer.engineerId)).toEqual(['priya-nair', 'lukas-weber']);
  });

  it('marks the form to be sent once, and the console script disables a sent form\'s button', async () => {
    expect(await queueHtml()).toMatch(/<form class="assign-form" method="post" action="\/staff\/queue" data-submit-once>/);
    const script = lookUpAsset('console.js');
    if (script.kind === 'unknown') throw new Error('no console script');
    expect(script.asset.body.toString('utf8')).toContain('form[data-submit-once]');
  });
});
