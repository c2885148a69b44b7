import type { HttpResponseInit } from '@azure/functions';
import { staffTicketPage } from '../../../../shared/web/staff/ticket/staff-ticket-handlers';
import { assignedTicket, engineerActor, LUKAS, MARIA } from '../../http-api/support/ticket-story';
import { CSRF_TOKEN, inMemoryTickets, pageRequest, rosterPrincipal, sessionOf, silentLogger, TAM, type InMemoryTickets } from './support/console-ticket-story';

const NOW = '2026-11-24T14:00:00.000Z';
const NUMBER = 'BTN-261124-C0NS2';
const maria = sessionOf(rosterPrincipal('maria-garcia'));

function fresh(): InMemoryTickets {
  return inMemoryTickets(assignedTicket({ ticketNumber: NUMBER, accessTokenHash: 'b'.repeat(64), receivedAt: '2026-11-24T13:00:00.000Z' }), NOW);
}

function markup(response: HttpResponseInit): string {
  expect(response.headers).toMatchObject({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  return String(response.body);
}

function seen(tickets: InMemoryTickets): string {
  return String(tickets.current().timeline.at(-1)?.sequence ?? 0);
}

describe('the console ticket page', () => {
  it('draws the ticket with each offered command as a form that posts to the page with the session’s CSRF token', async () => {
    const tickets = fresh();
    const answer = await staffTicketPage({ port: tickets, logger: silentLogger })(pageRequest(NUMBER), maria);
    const page = markup(answer);
    expect(answer.status).toBe(200);
    expect(page).toContain(`<span id="ticket-number">${NUMBER}</span>`);
    expect(page).toContain(`action="/staff/tickets/${NUMBER}" data-command="respond"`);
    expect(page.match(new RegExp(`name="csrf" value="${CSRF_TOKEN}"`, 'g'))?.length).toBeGreaterThanOrEqual(10);
    expect(page).not.toContain('data-command="assign"');
  });

  it('counts a running clock down to its due instant, which the console script keeps current', async () => {
    const page = markup(await staffTicketPage({ port: fresh(), logger: silentLogger })(pageRequest(NUMBER), maria));
    expect(page).toContain('<td data-label="Left"><span data-due-at="2026-11-24T15:00:00.000Z">1 h 00 min left</span></td>');
  });

  it('answers a ticket number that does not exist with a 404 page that says so', async () => {
    const answer = await staffTicketPage({ port: fresh(), logger: silentLogger })(pageRequest('BTN-261124-NONE0'), maria);
    expect(answer.status).toBe(404);
    expect(markup(answer)).toContain('There is no ticket <strong>BTN-261124-NONE0</strong>');
  });

  it('answers something that cannot be a ticket number with the same 404 page', async () => {
    const answer = await staffTicketPage({ port: fresh(), logger: silentLogger })(pageRequest('not-a-ticket'), maria);
    expect(answer.status).toBe(404);
  });

  it('answers 503 with Retry-After, and no ticket, while the store cannot be read', async () => {
    const down = { ...fresh(), readTicket: async () => ({ kind: 'failed', failure: { kind: 'unavailable', retryAfterSeconds: 4, reason: 'store answered 503' } }) as const };
    const answer = await staffTicketPage({ port: down, logger: silentLogger })(pageRequest(NUMBER), maria);
    expect(answer.status).toBe(503);
    expect(answer.headers).toMatchObject({ 'Retry-After': '4' });
    expect(markup(answer)).not.toContain('Conditional Access');
  });

  it('shows what a person wrote as text, never as markup', async () => {
    const tickets = fresh();
    tickets.changeBehind({ type: 'internal-note', actor: engineerActor(LUKAS), note: '<script>alert(1)</script><b>bold</b>' });
    const page = markup(await staffTicketPage({ port: tickets, logger: silentLogger })(pageRequest(NUMBER), maria));
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;');
    expect(page).not.toContain('<script>alert(1)');
  });
});

describe('a command form posted on the console', () => {
  it('goes down the API’s command path as the signed-in roster engineer and answers post/redirect/get', async () => {
    const tickets = fresh();
    const answer = await staffTicketPage({ port: tickets, logger: silentLogger })(
      pageRequest(NUMBER, { method: 'POST', form: { csrf: CSRF_TOKEN, type: 'request-info', seen: seen(tickets), message: 'Which policy blocks them?' } }),
      maria,
    );
    expect(answer.status).toBe(303);
    expect(answer.headers).toMatchObject({ Location: `/staff/tickets/${NUMBER}?done=request-info` });
    expect(tickets.issued).toEqual([{ type: 'request-info', message: 'Which policy blocks them?', actor: { role: 'engineer', id: 'maria-garcia', name: 'María García' } }]);
    expect(tickets.current().status).toBe('awaiting-customer');
  });

  it('applies a form sent twice from the same page once, and another text typed on it as another command', async () => {
    const tickets = fresh();
    const page = markup(await staffTicketPage({ port: tickets, logger: silentLogger })(pageRequest(NUMBER), maria));
    const pageId = /name="page" value="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(pageId).not.toBe('');
    const reply = (message: string) =>
      staffTicketPage({ port: tickets, logger: silentLogger })(pageRequest(NUMBER, { method: 'POST', form: { csrf: CSRF_TOKEN, type: 'respond', page: pageId, message } }), maria);
    expect((await reply('We are on it')).status).toBe(303);
    expect((await reply('We are on it')).status).toBe(303);
    expect((await reply('And a second thought')).status).toBe(303);
    const replies = tickets.current().timeline.filter((event) => event.type === 'agent-responded');
    expect(replies.map((event) => (event.type === 'agent-responded' ? event.message : ''))).toEqual(['We are on it', 'And a second thought']);
    expect(tickets.commandIds[0]).toBe(tickets.commandIds[1]);
    expect(tickets.commandIds[2]).not.toBe(tickets.commandIds[0]);
  });

  it('says after the redirect what was done', async () => {
    const page = markup(await staffTicketPage({ port: fresh(), logger: silentLogger })(pageRequest(NUMBER, { query: 'done=request-info' }), maria));
    expect(page).toContain('Your question was sent; the SLA clock pauses until the customer answers.');
  });

  it('turns a handoff note’s lines of what was tried into the list the brief reads', async () => {
    const tickets = fresh();
    await staffTicketPage({ port: tickets, logger: silentLogger })(
      pageRequest(NUMBER, { method: 'POST', form: { csrf: CSRF_TOKEN, type: 'handoff-note', summary: 'Policy compared', tried: 'Sign-in logs\r\n\r\nWhat-if tool', nextStep: 'Exclude break-glass' } }),
      maria,
    );
    expect(tickets.issued[0]).toMatchObject({ type: 'internal-note', note: 'Policy compared', nextStep: 'Exclude break-glass', tried: ['Sign-in logs', 'What-if tool'] });
  });

  it('draws the form again with a message next to each field at fault and what was typed, recording nothing', async () => {
    const tickets = fresh();
    const answer = await staffTicketPage({ port: tickets, logger: silentLogger })(
      pageRequest(NUMBER, { method: 'POST', form: { csrf: CSRF_TOKEN, type: 'escalate-to-vendor', justification: 'ab' } }),
      maria,
    );
    const page = markup(answer);
    expect(answer.status).toBe(400);
    expect(tickets.issued).toEqual([]);
    expect(page).toContain('<span class="field-error" id="escalate-to-vendor-justification-error">Justification must be at least 3 characters long.</span>');
    expect(page).toMatch(/<textarea id="escalate-to-vendor-justification"[^>]*aria-invalid="true">ab<\/textarea>/);
    expect(page).toContain('<details class="staff-command-fold" id="command-escalate-to-vendor" open>');
    expect(page).toContain('<a href="#escalate-to-vendor-justification">');
  });

  it('places an error on a nested field of the API body next to that field', async () => {
    const tickets = fresh();
    tickets.changeBehind({ type: 'escalate-to-vendor', actor: engineerActor(MARIA), justification: 'Token issuance fails upstream' });
    const answer = await staffTicketPage({ port: tickets, logger: silentLogger })(
      pageRequest(NUMBER, { method: 'POST', form: { csrf: CSRF_TOKEN, type: 'record-vendor-case', 'outcome.status': 'opened' } }),
      maria,
    );
    expect(answer.status).toBe(400);
    expect(markup(answer)).toContain('id="record-vendor-case-outcome-caseId-error">Case id (when opened) is required.</span>');
  });

  it('asks a team lead to choose an engineer from the list when the one sent is not a roster id', async () => {
    const tickets = fresh();
    const lead = sessionOf(rosterPrincipal('grace-okafor'));
    const answer = await staffTicketPage({ port: tickets, logger: silentLogger })(
      pageRequest(NUMBER, { method: 'POST', form: { csrf: CSRF_TOKEN, type: 'assign', engineerId: 'Lukas Becker' } }),
      lead,
    );
    const page = markup(answer);
    expect(answer.status).toBe(400);
    expect(tickets.issued).toEqual([]);
    expect(page).toContain('id="assign-engineerId-error">Choose an engineer from the list.</span>');
    expect(page).not.toContain('slug');
  });

  it('says a required field is required', async () => {
    const answer = await staffTicketPage({ port: fresh(), logger: silentLogger })(pageRequest(NUMBER, { method: 'POST', form: { csrf: CSRF_TOKEN, type: 'respond', message: '   ' } }), maria);
    expect(markup(answer)).toContain('id="respond-message-error">Reply is required.</span>');
  });

  it('shows the domain’s refusal beside the form with the typed text kept, and the matrix still holds for a form the page did not offer', async () => {
    const tickets = fresh();
    const lukas = sessionOf(rosterPrincipal('lukas-weber'));
    const answer = await staffTicketPage({ port: tickets, logger: silentLogger })(
      pageRequest(NUMBER, { method: 'POST', form: { csrf: CSRF_TOKEN, type: 'propose-resolution', summary: 'Exclude the account' } }),
      lukas,
    );
    const page = markup(answer);
    expect(answer.status).toBe(403);
    expect(page).toContain('You are not allowed to do this. Only the assigned engineer (or a team lead) can do this.');
    expect(tickets.current().status).toBe('assigned');
  });

  it('refuses a TAM a command reserved to engineers, whatever the form says', async () => {
    const tickets = fresh();
    const answer = await staffTicketPage({ port: tickets, logger: silentLogger })(
      pageRequest(NUMBER, { method: 'POST', form: { csrf: CSRF_TOKEN, type: 'respond', message: 'Hello from the TAM' } }),
      sessionOf(TAM),
    );
    expect(answer.status).toBe(403);
    expect(tickets.current().timeline.some((event) => event.type === 'agent-responded')).toBe(false);
  });

  it('refuses a command reserved to the requester, by name', async () => {
    const answer = await staffTicketPage({ port: fresh(), logger: silentLogger })(pageRequest(NUMBER, { method: 'POST', form: { csrf: CSRF_TOKEN, type: 'confirm-resolution' } }), maria);
    expect(answer.status).toBe(403);
    expect(markup(answer)).toContain('You are not allowed to do this. An engineer cannot confirm resolution. Nothing was recorded.');
  });

  it('tells the person when others changed the ticket between their page and their command', async () => {
    const tickets = fresh();
    const before = seen(tickets);
    tickets.changeBehind({ type: 'internal-note', actor: engineerActor(LUKAS), note: 'Meanwhile: the customer called' });
    const answer = await staffTicketPage({ port: tickets, logger: silentLogger })(
      pageRequest(NUMBER, { method: 'POST', form: { csrf: CSRF_TOKEN, type: 'respond', seen: before, message: 'We are on it' } }),
      maria,
    );
    expect(answer.headers).toMatchObject({ Location: `/staff/tickets/${NUMBER}?done=respond&changed=1` });
    const page = markup(await staffTicketPage({ port: tickets, logger: silentLogger })(pageRequest(NUMBER, { query: 'done=respond&changed=1' }), maria));
    expect(page).toContain('Meanwhile 1 other entry was added to the timeline since you opened the page');
  });

  it('answers 503 with nothing recorded while the store is unavailable', async () => {
    const tickets = fresh();
    const unavailable = { ...tickets, applyToTicket: async () => ({ kind: 'unavailable', failure: { kind: 'unavailable', retryAfterSeconds: 2, reason: 'store answered 503' } }) as const };
    const answer = await staffTicketPage({ port: unavailable, logger: silentLogger })(
      pageRequest(NUMBER, { method: 'POST', form: { csrf: CSRF_TOKEN, type: 'respond', message: 'We are on it' } }),
      maria,
    );
    expect(answer.status).toBe(503);
    expect(markup(answer)).toMatch(/temporarily unavailable\. Nothing was changed/);
    expect(markup(answer)).toContain('>We are on it</textarea>');
  });
});
