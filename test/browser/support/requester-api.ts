/**
 * The other side of a browser test: the requester API read with the access token (to compare the
 * page with what the API says), and staff commands sent with a dev-issuer token. Every request is
 * bounded (see bounded-request.ts).
 */
import { CustomerTicketViewSchema, type CustomerTicketView } from '../../../shared/http-api/customer-ticket-view';
import { boundedRequest, REQUEST_LIMIT_MS } from './bounded-request';
import { messageOf } from './error-notes';
import type { WebStack } from './web-stack';

/** The lifecycle assigns a ticket filed in office hours within a second, even on a loaded machine. */
export const STATUS_WAIT_MS = 20_000;
const POLL_INTERVAL_MS = 250;
/** The last poll still gets a fair chance to answer, so waitForStatus may overrun by this much. */
const LAST_POLL_LIMIT_MS = 2_000;
/** How long waitForStatus may take at most: a step wrapping it needs at least this. */
export const STATUS_WAIT_BOUND_MS = STATUS_WAIT_MS + LAST_POLL_LIMIT_MS;

export async function requesterView(web: WebStack, ticketNumber: string, accessToken: string, limitMs = REQUEST_LIMIT_MS): Promise<CustomerTicketView> {
  const url = `${web.siteUrl}/api/tickets/${ticketNumber}`;
  const answer = await boundedRequest({ method: 'GET', url, headers: { Authorization: `Bearer ${accessToken}` }, limitMs });
  if (answer.status !== 200) throw new Error(`GET /api/tickets/${ticketNumber} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return CustomerTicketViewSchema.parse(JSON.parse(answer.body));
}

/**
 * Polls the requester API until the ticket's status is one of `statuses` (the lifecycle runs on
 * its own). Settles within `withinMs` plus LAST_POLL_LIMIT_MS; when it gives up, it says what it
 * last saw, so a stalled lifecycle can be told from a slow one.
 */
export async function waitForStatus(web: WebStack, ticketNumber: string, accessToken: string, statuses: readonly string[], withinMs = STATUS_WAIT_MS): Promise<CustomerTicketView> {
  const waitingFor = `waiting for ticket ${ticketNumber} to become ${statuses.join(' or ')}`;
  const startedAt = Date.now();
  const giveUpAt = startedAt + withinMs;
  let last: CustomerTicketView | undefined;
  for (;;) {
    const limitMs = Math.max(LAST_POLL_LIMIT_MS, Math.min(REQUEST_LIMIT_MS, giveUpAt - Date.now()));
    try {
      last = await requesterView(web, ticketNumber, accessToken, limitMs);
    } catch (error) {
      throw new Error(`${waitingFor}: ${messageOf(error)}; ${lastSeen(last)}`);
    }
    if (statuses.includes(last.status)) return last;
    const remainingMs = giveUpAt - Date.now();
    if (remainingMs <= 0) throw new Error(`${waitingFor}: gave up after ${Date.now() - startedAt} ms; ${lastSeen(last)}`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_INTERVAL_MS, remainingMs)));
  }
}

function lastSeen(view: CustomerTicketView | undefined): string {
  if (view === undefined) return 'no view of the ticket was read';
  const events = view.timeline.map((entry) => entry.type).join(', ');
  return `it was last ${view.status}, timeline: ${events === '' ? '(empty)' : events}`;
}

export async function staffToken(web: WebStack, name: string, role: 'engineer' | 'team-lead'): Promise<string> {
  const identity = web.stack.services.identity;
  if (identity === undefined) throw new Error('the stack runs without its dev issuer');
  // The token's oid is the sample roster's engineer id, which is how staff are matched to the roster.
  const rosterId = name.toLowerCase().replace(/\s+/g, '-');
  return identity.mintToken({ role, name, id: rosterId, email: `${name.toLowerCase().replace(/\s+/g, '.')}@css.example` });
}

export async function staffCommand(web: WebStack, ticketNumber: string, token: string, command: Record<string, unknown>): Promise<number> {
  const answer = await boundedRequest({
    method: 'POST',
    url: `${web.siteUrl}/api/staff/tickets/${ticketNumber}/commands`,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(command),
  });
  return answer.status;
}
