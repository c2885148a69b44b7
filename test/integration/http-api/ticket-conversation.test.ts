/**
 * A ticket's conversation through the HTTP API of the running app: the requester reading and
 * answering with their access token (JSON, web form, or a browser's form post), engineers, a team
 * lead and a TAM acting with staff tokens, the domain's refusals as problems, and the queue.
 */
import { CustomerTicketViewSchema, type CustomerTicketView } from '../../../shared/http-api/customer-ticket-view';
import { QueueViewSchema } from '../../../shared/http-api/queue-view';
import { StaffTicketViewSchema, type StaffTicketView } from '../../../shared/http-api/staff-ticket-view';
import { ProblemSchema } from '../../../shared/http-edge/problem';
import { IntakeAnswerSchema } from '../../../shared/intake/intake-answer';
import { MARIA } from '../../unit/http-api/support/ticket-story';
import { bearer, callApi, type ApiAnswer } from './support/api-call';
import { startApiStack, STAFF, type ApiStack, type SeededTicket } from './support/api-stack';

let api: ApiStack;
const tokens: Record<'maria' | 'lukas' | 'lead' | 'tam', string> = { maria: '', lukas: '', lead: '', tam: '' };

beforeAll(async () => {
  api = await startApiStack();
  tokens.maria = await api.staffToken(STAFF.assignedEngineer);
  tokens.lukas = await api.staffToken(STAFF.otherEngineer);
  tokens.lead = await api.staffToken(STAFF.teamLead);
  tokens.tam = await api.staffToken(STAFF.tam);
}, 180_000);

afterAll(() => api?.stop());

function problemOf(answer: ApiAnswer) {
  expect(answer.mediaType).toBe('application/problem+json');
  return ProblemSchema.parse(answer.body);
}

async function requesterView(seeded: SeededTicket): Promise<CustomerTicketView> {
  const answer = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${seeded.ticket.ticketNumber}`, headers: bearer(seeded.token) });
  expect(answer.status).toBe(200);
  return CustomerTicketViewSchema.parse(answer.body);
}

async function staffCommand(seeded: SeededTicket, token: string, command: Record<string, unknown>): Promise<ApiAnswer> {
  return callApi(api.baseUrl, { method: 'POST', path: `/api/staff/tickets/${seeded.ticket.ticketNumber}/commands`, headers: bearer(token), json: command });
}

async function staffView(answer: ApiAnswer): Promise<StaffTicketView> {
  expect(answer.status).toBe(200);
  return StaffTicketViewSchema.parse(answer.body);
}

async function requesterAction(seeded: SeededTicket, suffix: string, json: Record<string, string> = {}): Promise<ApiAnswer> {
  return callApi(api.baseUrl, { method: 'POST', path: `/api/tickets/${seeded.ticket.ticketNumber}/${suffix}`, headers: bearer(seeded.token), json });
}

describe('a requester opening a ticket', () => {
  it('reads it with the token from the intake answer, as a Bearer token or through the link', async () => {
    const intake = await callApi(api.baseUrl, {
      method: 'POST',
      path: '/api/tickets',
      json: {
        requester: { name: 'Rui Costa', email: 'rui.costa@contoso.com', timeZone: 'Europe/Lisbon', available24x7: false },
        company: 'Contoso Ltd',
        tenantDomain: 'contoso.onmicrosoft.com',
        productArea: 'exchange-online',
        severity: 'C',
        scope: 'cloud',
        title: 'Shared mailbox calendar does not sync',
        description: 'The Lisbon reception shared mailbox calendar stopped syncing to Outlook for iOS on Monday; the web view is current.',
        businessImpact: 'Reception double-books meeting rooms.',
      },
    });
    expect(intake.status).toBe(202);
    const opened = IntakeAnswerSchema.parse(intake.body);

    const byHeader = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${opened.ticketNumber}`, headers: bearer(opened.accessToken) });
    const byLink = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${opened.ticketNumber}?access=${encodeURIComponent(opened.accessToken)}` });
    expect(byHeader.status).toBe(200);
    expect(byLink.status).toBe(200);
    expect(CustomerTicketViewSchema.parse(byHeader.body)).toMatchObject({ ticketNumber: opened.ticketNumber, title: 'Shared mailbox calendar does not sync' });
    expect(CustomerTicketViewSchema.parse(byLink.body).ticketNumber).toBe(opened.ticketNumber);
  });
});

describe('a partner the support desk registers as a customer contact', () => {
  const partner = { name: 'Ines Duarte', email: 'ines.duarte@lisbon-it.example', timeZone: 'Europe/Lisbon', available24x7: false };
  const request = {
    requester: partner,
    company: 'Contoso Ltd',
    tenantDomain: 'contoso.onmicrosoft.com',
    productArea: 'intune',
    severity: 'C',
    scope: 'cloud',
    title: 'Autopilot profile not assigned to new laptops',
    description: 'Twenty laptops imported into Autopilot yesterday still show no deployment profile; older devices in the same group are fine.',
    businessImpact: 'New starters in Lisbon cannot be set up this week.',
  };

  async function statusAfterValidation(ticketNumber: string, accessToken: string): Promise<string> {
    for (let attempt = 0; attempt < 120; attempt += 1) {
      const view = CustomerTicketViewSchema.parse((await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${ticketNumber}`, headers: bearer(accessToken) })).body);
      if (!['received', 'validating'].includes(view.status)) return view.status;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${ticketNumber} was never validated`);
  }

  async function openTicket(key: string): Promise<string> {
    const intake = await callApi(api.baseUrl, { method: 'POST', path: '/api/tickets', headers: { 'idempotency-key': key }, json: request });
    expect(intake.status).toBe(202);
    const opened = IntakeAnswerSchema.parse(intake.body);
    return statusAfterValidation(opened.ticketNumber, opened.accessToken);
  }

  it('is refused before, and served under the customer\'s contract after, a team lead registers them', async () => {
    expect(await openTicket('partner-before-registration')).toBe('rejected');

    const refused = await callApi(api.baseUrl, { method: 'POST', path: '/api/staff/contracts/contoso-unified/contacts', headers: bearer(tokens.maria), json: { email: partner.email } });
    expect(problemOf(refused).status).toBe(403);
    const badInput = await callApi(api.baseUrl, { method: 'POST', path: '/api/staff/contracts/contoso-unified/contacts', headers: bearer(tokens.lead), json: { email: 'not an address' } });
    expect(problemOf(badInput)).toMatchObject({ status: 400, errors: [{ field: 'email' }] });

    const registered = await callApi(api.baseUrl, { method: 'POST', path: '/api/staff/contracts/contoso-unified/contacts', headers: bearer(tokens.lead), json: { email: 'Ines.Duarte@Lisbon-IT.example' } });
    expect(registered.status).toBe(200);
    expect(registered.body).toMatchObject({ contractId: 'contoso-unified', registered: true, contacts: expect.arrayContaining(['ines.duarte@lisbon-it.example']) });

    expect(await openTicket('partner-after-registration')).not.toBe('rejected');
  });
});

describe('a conversation on one ticket', () => {
  let seeded: SeededTicket;
  const internalNote = 'Named location list was edited on Friday by the network team';

  beforeAll(async () => {
    seeded = await api.seedTicket({ engineer: MARIA });
  });

  it('shows the requester the engineer who acknowledged, by first name, with the SLA clocks', async () => {
    const staff = await staffView(await staffCommand(seeded, tokens.maria, { type: 'acknowledge', message: 'I have your ticket and I am reading the sign-in logs.' }));
    expect(staff.status).toBe('investigating');
    const view = await requesterView(seeded);
    expect(view).toMatchObject({ status: 'investigating', engineer: { firstName: 'María' }, region: 'AMER' });
    expect(view.timeline.at(-1)).toMatchObject({ type: 'acknowledged', by: { role: 'engineer', name: 'María' } });
    expect(view.sla.map((clock) => clock.metric)).toEqual(['first-response', 'next-update', 'resolution']);
    const resolution = view.sla.find((clock) => clock.metric === 'resolution');
    expect(resolution?.paused).toBe(false);
    expect(resolution?.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
  });

  it('keeps internal and handoff notes for staff, with every SLA clock explained', async () => {
    await staffView(await staffCommand(seeded, tokens.maria, { type: 'internal-note', note: internalNote }));
    const staff = await staffView(await staffCommand(seeded, tokens.maria, { type: 'handoff-note', summary: 'Compared the policy', nextStep: 'Ask for the proxy egress IPs', tried: ['Sign-in logs'] }));
    expect(staff.timeline.filter((entry) => entry.type === 'internal-note-added').map((entry) => entry.details)).toEqual([
      { note: internalNote },
      { note: 'Compared the policy', nextStep: 'Ask for the proxy egress IPs', tried: ['Sign-in logs'] },
    ]);
    expect(staff.sla.every((clock) => clock.explanation.length > 20)).toBe(true);
    const requesterText = JSON.stringify(await requesterView(seeded));
    expect(requesterText).not.toContain(internalNote);
    expect(requesterText).not.toContain('proxy egress');
  });

  it('pauses the clocks while waiting on the requester, who answers through the web form', async () => {
    await staffView(await staffCommand(seeded, tokens.maria, { type: 'request-info', message: 'Which public IP addresses do the laptops use?' }));
    const waiting = await requesterView(seeded);
    expect(waiting.status).toBe('awaiting-customer');
    expect(waiting.sla.some((clock) => clock.paused)).toBe(true);

    const reply = await callApi(api.baseUrl, {
      method: 'POST',
      path: `/api/tickets/${seeded.ticket.ticketNumber}/replies`,
      headers: bearer(seeded.token),
      form: { message: 'They leave through 203.0.113.0/24.' },
    });
    expect(reply.status).toBe(200);
    const view = CustomerTicketViewSchema.parse(reply.body);
    expect(view.status).toBe('investigating');
    expect(view.timeline.at(-1)).toMatchObject({ type: 'customer-replied', text: 'They leave through 203.0.113.0/24.', by: { role: 'requester', name: 'Ana Silva' } });
  });

  it('sends a browser that posted the form without JavaScript back to the status page', async () => {
    const reply = await callApi(api.baseUrl, {
      method: 'POST',
      path: `/api/tickets/${seeded.ticket.ticketNumber}/replies?access=${encodeURIComponent(seeded.token)}`,
      headers: { accept: 'text/html,application/xhtml+xml' },
      form: { message: 'One more detail: it started after the proxy change.' },
    });
    expect(reply.status).toBe(303);
    expect(reply.headers.get('location')).toBe(`/tickets/${seeded.ticket.ticketNumber}?access=${encodeURIComponent(seeded.token)}`);
  });

  it('lets the requester reject a proposed resolution, and refuses a confirmation with nothing proposed', async () => {
    await staffView(await staffCommand(seeded, tokens.maria, { type: 'propose-resolution', summary: 'Added the range to the named location.' }));
    expect((await requesterView(seeded)).proposedResolution?.summary).toBe('Added the range to the named location.');
    const rejected = await requesterAction(seeded, 'resolution/reject', { reason: 'Two users are still blocked.' });
    expect(rejected.status).toBe(200);
    expect(CustomerTicketViewSchema.parse(rejected.body)).toMatchObject({ status: 'investigating' });

    const confirm = await requesterAction(seeded, 'resolution/confirm');
    expect(confirm.status).toBe(409);
    expect(problemOf(confirm)).toMatchObject({ type: 'https://baton.dev/problems/ticket/invalid-state', detail: 'cannot confirm resolution while the ticket is investigating' });
  });

  it('answers a rule the domain enforces with 422 and the role matrix with 403, each with the domain reason', async () => {
    const raise = await staffCommand(seeded, tokens.maria, { type: 'change-severity', to: 'A', reason: 'Spreading to other teams' });
    expect(raise.status).toBe(422);
    expect(problemOf(raise).detail).toContain('24x7');

    const notTheirs = await staffCommand(seeded, tokens.lukas, { type: 'propose-resolution', summary: 'Try again later.' });
    expect(notTheirs.status).toBe(403);
    expect(problemOf(notTheirs).detail).toBe('only the assigned engineer (or a team lead) can do this');

    // Staff are matched to the roster on oid only: carrying the assignee's email is not being her.
    const lookalike = await staffCommand(seeded, await api.staffToken(STAFF.assignedEngineersEmail), { type: 'propose-resolution', summary: 'Try again later.' });
    expect(lookalike.status).toBe(403);
    expect(problemOf(lookalike).detail).toBe('only the assigned engineer (or a team lead) can do this');

    const lead = await staffCommand(seeded, tokens.lead, { type: 'respond', message: 'A team lead is following this ticket too.' });
    expect((await staffView(lead)).timeline.at(-1)).toMatchObject({ type: 'agent-responded', actor: { role: 'team-lead', id: 'grace-okafor' } });
  });

  it('asks the requester before a downgrade takes effect', async () => {
    const proposed = await staffView(await staffCommand(seeded, tokens.tam, { type: 'change-severity', to: 'C', reason: 'A workaround is in place' }));
    expect(proposed.severity).toBe('B');
    expect((await requesterView(seeded)).pendingDowngrade).toMatchObject({ from: 'B', to: 'C', reason: 'A workaround is in place' });

    const consent = await requesterAction(seeded, 'severity-downgrade/consent');
    expect(consent.status).toBe(200);
    const view = CustomerTicketViewSchema.parse(consent.body);
    expect(view.severity).toBe('C');
    expect(view.pendingDowngrade).toBeUndefined();
  });

  it('closes with the requester’s own solution, reopens once, and refuses a second reopen', async () => {
    const closed = await requesterAction(seeded, 'self-close', { solution: 'We removed the stale named location.' });
    expect(CustomerTicketViewSchema.parse(closed.body)).toMatchObject({ status: 'closed', closure: { reason: 'self-closed' } });
    const reopened = await requesterAction(seeded, 'reopen', { reason: 'It broke again this morning.' });
    expect(CustomerTicketViewSchema.parse(reopened.body).status).toBe('reopened');
    const again = await requesterAction(seeded, 'reopen', { reason: 'Still broken.' });
    expect(again.status).toBe(409);
  });
});

describe('input the API refuses', () => {
  let seeded: SeededTicket;

  beforeAll(async () => {
    seeded = await api.seedTicket();
  });

  it('names every invalid field of a requester action', async () => {
    const empty = await requesterAction(seeded, 'replies', { message: '   ' });
    expect(empty.status).toBe(400);
    expect(problemOf(empty).errors?.map((error) => error.field)).toEqual(['message']);
    const extra = await requesterAction(seeded, 'replies', { message: 'Hello', priority: 'urgent' });
    expect(problemOf(extra).errors).toEqual([{ field: 'priority', message: 'is not an accepted field' }]);
  });

  it('refuses bodies that are neither JSON nor a web form, and oversized ones', async () => {
    const text = await callApi(api.baseUrl, { method: 'POST', path: `/api/tickets/${seeded.ticket.ticketNumber}/replies`, headers: { ...bearer(seeded.token), 'content-type': 'text/plain' }, json: 'hi' });
    expect(text.status).toBe(415);
    const huge = await requesterAction(seeded, 'replies', { message: 'x'.repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    expect(problemOf(huge).status).toBe(413);
  });

  it('refuses a staff command with an actor, an unknown type or an engineer not on the roster', async () => {
    const withActor = await staffCommand(seeded, tokens.lead, { type: 'respond', message: 'Hi', actor: { role: 'admin' } });
    expect(problemOf(withActor).errors?.map((error) => error.field)).toEqual(['actor']);
    const unknown = await staffCommand(seeded, tokens.lead, { type: 'teleport' });
    expect(unknown.status).toBe(400);
    const stranger = await staffCommand(seeded, tokens.lead, { type: 'assign', engineerId: 'nobody-here' });
    expect(problemOf(stranger).errors).toEqual([{ field: 'engineerId', message: 'is not an engineer on the roster' }]);
  });

  it('treats a malformed ticket number like a missing ticket', async () => {
    const answer = await callApi(api.baseUrl, { method: 'GET', path: '/api/staff/tickets/not%20a%20ticket', headers: bearer(tokens.tam) });
    expect(answer.status).toBe(404);
    expect(problemOf(answer).status).toBe(404);
  });
});

describe('the queue', () => {
  it('puts the nearest SLA deadline first and narrows by queue and status', async () => {
    const severityA = await api.seedTicket({ intakeOverrides: { severity: 'A', requester: { name: 'Zoe Park', email: 'zoe.park@contoso.com', timeZone: 'Europe/London', available24x7: true } } });
    const waiting = await api.seedTicket({ then: () => [{ type: 'request-info', actor: { role: 'engineer', id: MARIA.engineerId, name: MARIA.name }, message: 'Which users?' }] });

    const answer = await callApi(api.baseUrl, { method: 'GET', path: '/api/queue?queue=identity-and-devices&limit=100', headers: bearer(tokens.lead) });
    expect(answer.status).toBe(200);
    const queue = QueueViewSchema.parse(answer.body);
    const deadlines = queue.items.flatMap((item) => (item.slaNextDueAt === undefined ? [] : [Date.parse(item.slaNextDueAt)]));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(queue.items.every((item) => item.queueId === 'identity-and-devices')).toBe(true);
    const numbers = queue.items.map((item) => item.ticketNumber);
    expect(numbers.indexOf(severityA.ticket.ticketNumber)).toBeLessThan(numbers.indexOf(waiting.ticket.ticketNumber));

    const filtered = QueueViewSchema.parse((await callApi(api.baseUrl, { method: 'GET', path: '/api/queue?status=awaiting-customer', headers: bearer(tokens.lead) })).body);
    expect(filtered.items.map((item) => item.status)).toEqual(filtered.items.map(() => 'awaiting-customer'));
    expect(filtered.items.map((item) => item.ticketNumber)).toContain(waiting.ticket.ticketNumber);
  });

  it('hands out the queue a page at a time, each ticket once and the nearest deadline first, until no continuation follows', async () => {
    await Promise.all(Array.from({ length: 5 }, () => api.seedTicket()));
    const whole = QueueViewSchema.parse((await callApi(api.baseUrl, { method: 'GET', path: '/api/queue?limit=200', headers: bearer(tokens.lead) })).body);
    expect(whole.continuation).toBeUndefined();

    const paged: string[] = [];
    let continuation: string | undefined;
    let pages = 0;
    do {
      const path = `/api/queue?limit=2${continuation === undefined ? '' : `&continuation=${encodeURIComponent(continuation)}`}`;
      const page = QueueViewSchema.parse((await callApi(api.baseUrl, { method: 'GET', path, headers: bearer(tokens.lead) })).body);
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((item) => item.ticketNumber));
      continuation = page.continuation;
      pages += 1;
    } while (continuation !== undefined && pages < 100);
    expect(pages).toBeGreaterThan(2);
    expect(paged).toEqual(whole.items.map((item) => item.ticketNumber));
  });

  it('refuses a continuation of another filter, or one it never handed out, naming the field', async () => {
    const first = QueueViewSchema.parse((await callApi(api.baseUrl, { method: 'GET', path: '/api/queue?limit=1', headers: bearer(tokens.lead) })).body);
    expect(first.continuation).toBeDefined();
    const foreign = `/api/queue?limit=1&status=assigned&continuation=${encodeURIComponent(first.continuation ?? '')}`;
    const forged = `/api/queue?limit=1&continuation=${Buffer.from(JSON.stringify({ token: '{"token":"+RID:x#RTD:bm90IGpzb24","range":{}}' })).toString('base64url')}`;
    for (const path of [foreign, '/api/queue?continuation=%7Bnot-base64', forged]) {
      const answer = await callApi(api.baseUrl, { method: 'GET', path, headers: bearer(tokens.lead) });
      expect(answer.status).toBe(400);
      expect(problemOf(answer).errors?.map((error) => error.field)).toEqual(['continuation']);
    }
  });

  it('refuses an unknown filter value with the field named', async () => {
    const answer = await callApi(api.baseUrl, { method: 'GET', path: '/api/queue?status=sleeping&limit=0', headers: bearer(tokens.lead) });
    expect(answer.status).toBe(400);
    expect(problemOf(answer).errors?.map((error) => error.field).sort()).toEqual(['limit', 'status']);
  });
});
