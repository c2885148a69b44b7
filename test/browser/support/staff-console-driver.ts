/**
 * What the staff console walk does besides clicking: files tickets through the requester API as a
 * customer of the sample organisation would, reads a ticket as the staff API shows it (to know who
 * the lifecycle assigned, and to wait for it to act), reads the emails the stand-in holds, and
 * signs a person of the sample organisation in on a virtual clock far from the machine's, with the
 * session the console would have sealed for them (staff-console.ts signs in on the dev issuer's page). Every
 * request is bounded (see bounded-request.ts).
 */
import { CosmosClient } from '@azure/cosmos';
import type { BrowserContext } from 'playwright-core';
import { samplePeople } from '../../../infra/local/identity/dev-people';
import { cosmosClientOptionsForStandIn } from '../../../infra/local/services/cosmos-standin';
import { BATON_DATABASE, CONFIG_CONTAINER } from '../../../shared/store/containers';
import { staffCookieName } from '../../../shared/web/staff/session/session-cookies';
import { STORED_SESSION_KEY_DOCUMENT_ID } from '../../../shared/web/staff/session/session-keys';
import { DEFAULT_SESSION_LIFETIMES, sealSession, startedSession } from '../../../shared/web/staff/session/staff-session-codec';
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

/** The key the offline stack seals sessions with, which it stores on first use of a console page. */
async function storedSessionKey(web: WebStack): Promise<Uint8Array> {
  const cosmos = web.stack.services.cosmos;
  if (cosmos === undefined) throw new Error('the stack runs without its Cosmos stand-in');
  await boundedRequest({ method: 'GET', url: `${web.siteUrl}/staff/tickets/BTN-261128-AAAAA` });
  const client = new CosmosClient(cosmosClientOptionsForStandIn(cosmos.endpoint, cosmos.key));
  try {
    const { resource } = await client.database(BATON_DATABASE).container(CONFIG_CONTAINER).item(STORED_SESSION_KEY_DOCUMENT_ID, STORED_SESSION_KEY_DOCUMENT_ID).read<{ key: string }>();
    if (resource === undefined) throw new Error('the console stored no session key');
    return new Uint8Array(Buffer.from(resource.key, 'base64url'));
  } finally {
    client.dispose();
  }
}

/**
 * Signs `name` in as the console's callback would: the person the dev issuer's sign-in page offers
 * under that name, in a session sealed with the stack's key at the stack's time. For a stack on a
 * virtual clock far from the machine's, whose dev issuer's tokens the sign-in callback would find
 * expired or not yet valid.
 */
export async function sealedSignIn(web: WebStack, context: BrowserContext, name: string): Promise<void> {
  const person = samplePeople().find((candidate) => candidate.name === name);
  if (person === undefined) throw new Error(`${name} is nobody the dev issuer's sign-in page offers`);
  const principal = { id: person.id, name: person.name, email: person.email, roles: [...person.roles] };
  const sealed = await sealSession(startedSession(principal, web.stack.now()), await storedSessionKey(web), DEFAULT_SESSION_LIFETIMES);
  await context.addCookies([{ name: staffCookieName('session', web.siteUrl), value: sealed, url: web.siteUrl, httpOnly: true, sameSite: 'Lax' }]);
}
