/**
 * What the staff console walk does besides clicking: files tickets through the requester API as a
 * customer of the sample organisation would, reads a ticket as the staff API shows it (to know who
 * the lifecycle assigned, and to wait for it to act) and reads the emails the stand-in holds
 * (staff-console.ts signs people in on the dev issuer's page). Every request is bounded (see
 * bounded-request.ts).
 */
import { IntakeAnswerSchema, type IntakeAnswer } from '../../../shared/intake/intake-answer';
import { StaffTicketViewSchema, type StaffTicketView } from '../../../shared/http-api/staff-ticket-view';
import { boundedRequest } from './bounded-request';
import type { WebStack } from './web-stack';

export interface SampleIntake {
  readonly email: string;
  readonly severity: 'A' | 'B' | 'C';
  readonly title: string;
}

/** A Contoso request about Entra ID: Contoso's plan allows every severity, and its TAM is Tom Reyes. */
export async function fileTicket(web: WebStack, intake: SampleIntake): Promise<IntakeAnswer> {
  const body = {
    requester: { name: 'Ines Duarte', email: intake.email, timeZone: 'Europe/Lisbon', available24x7: intake.severity === 'A' },
    company: 'Contoso Ltd',
    tenantDomain: 'contoso.onmicrosoft.com',
    productArea: 'entra-id',
    severity: intake.severity,
    scope: 'cloud',
    title: intake.title,
    description: 'Since this morning every member of the finance group gets AADSTS53003 when signing in to Outlook on the web from managed laptops.',
    businessImpact: 'Thirty people cannot read or send email during the month-end close.',
  };
  const answer = await boundedRequest({ method: 'POST', url: `${web.siteUrl}/api/tickets`, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (answer.status !== 202 && answer.status !== 201) throw new Error(`filing "${intake.title}" answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return IntakeAnswerSchema.parse(JSON.parse(answer.body));
}

/** A bearer token of an admin who is nobody on the roster: only the test reads with it. */
async function observerToken(web: WebStack): Promise<string> {
  const identity = web.stack.services.identity;
  if (identity === undefined) throw new Error('the stack runs without its dev issuer');
  return identity.mintToken({ role: 'admin', name: 'Walk Observer' });
}

export async function staffView(web: WebStack, ticketNumber: string): Promise<StaffTicketView> {
  const answer = await boundedRequest({ method: 'GET', url: `${web.siteUrl}/api/staff/tickets/${ticketNumber}`, headers: { Authorization: `Bearer ${await observerToken(web)}` } });
  if (answer.status !== 200) throw new Error(`GET /api/staff/tickets/${ticketNumber} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return StaffTicketViewSchema.parse(JSON.parse(answer.body));
}

/** Polls the staff API until `ready` holds (the lifecycle runs on its own); says what it last saw when it gives up. */
export async function waitForTicket(web: WebStack, ticketNumber: string, what: string, ready: (view: StaffTicketView) => boolean, withinMs: number): Promise<StaffTicketView> {
  const giveUpAt = Date.now() + withinMs;
  for (;;) {
    const view = await staffView(web, ticketNumber);
    if (ready(view)) return view;
    if (Date.now() > giveUpAt) throw new Error(`ticket ${ticketNumber} did not become ${what} within ${withinMs} ms: it is ${view.status}, timeline ${view.timeline.map((entry) => entry.type).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The console links in the emails the stand-in holds for `to`, newest last. */
export function consoleLinksMailedTo(web: WebStack, to: string, ticketNumber: string): string[] {
  const email = web.stack.services.email;
  if (email === undefined) throw new Error('the stack runs without its email stand-in');
  const links = email
    .messages({ to })
    .flatMap((message) => [...(message.plainText ?? '').matchAll(/https?:\/\/[^\s"<>]+/g)].map((match) => match[0]));
  return links.filter((link) => new URL(link).pathname === `/staff/tickets/${ticketNumber}`);
}
