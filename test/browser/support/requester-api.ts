/**
 * The other side of a browser test: the requester API read with the access token (to compare the
 * page with what the API says), and staff commands sent with a dev-issuer token.
 */
import { CustomerTicketViewSchema, type CustomerTicketView } from '../../../shared/api/customer-ticket-view';
import type { WebStack } from './web-stack';

export async function requesterView(web: WebStack, ticketNumber: string, accessToken: string): Promise<CustomerTicketView> {
  const response = await fetch(`${web.siteUrl}/api/tickets/${ticketNumber}`, { headers: { Authorization: `Bearer ${accessToken}` } });
  if (response.status !== 200) throw new Error(`the requester API answered ${response.status}`);
  return CustomerTicketViewSchema.parse(await response.json());
}

/** Polls the requester API until the ticket's status is one of `statuses` (the lifecycle runs on its own). */
export async function waitForStatus(web: WebStack, ticketNumber: string, accessToken: string, statuses: readonly string[], withinMs = 60_000): Promise<CustomerTicketView> {
  const giveUpAt = Date.now() + withinMs;
  for (;;) {
    const view = await requesterView(web, ticketNumber, accessToken);
    if (statuses.includes(view.status)) return view;
    if (Date.now() > giveUpAt) throw new Error(`ticket ${ticketNumber} stayed ${view.status}, expected one of ${statuses.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function staffToken(web: WebStack, name: string, role: 'engineer' | 'team-lead'): Promise<string> {
  const identity = web.stack.services.identity;
  if (identity === undefined) throw new Error('the stack runs without its dev issuer');
  return identity.mintToken({ role, name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@css.example` });
}

export async function staffCommand(web: WebStack, ticketNumber: string, token: string, command: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${web.siteUrl}/api/staff/tickets/${ticketNumber}/commands`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(command),
  });
  await response.arrayBuffer();
  return response.status;
}
