/**
 * The console's list pages over the real ticket service and the Cosmos stand-in, below the session
 * layer: each handler is called with a session as the session layer hands it over, and answers the
 * HTML a browser gets. The assign form goes through the service's one command path.
 */
import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import type { StaffPrincipal } from '../../../../shared/auth/staff-token';
import { ticketApiPort } from '../../../../shared/http-api/app-ticket-api';
import type { TicketServices } from '../../../../shared/ticket-service/ticket-services';
import { myWorkPage, queuePage, tamPage } from '../../../../shared/web/staff/console-pages';
import { consolePort, type ConsolePort } from '../../../../shared/web/staff/console-port';
import type { StaffSession } from '../../../../shared/web/staff/staff-session';
import { ManualClock, startTicketServiceFixture, type TicketServiceFixture } from '../../ticket-service/support/ticket-service-fixture';
import { ARJUN_PRINCIPAL, handedTo, LUKAS, MARIA, MARIA_PRINCIPAL, NOW, ORG, sevATicket, sevBTicket, TOM_PRINCIPAL, unassignedTicket } from '../../../unit/web/staff/support/console-tickets';

const CSRF = 'csrf-of-this-session-0123456789';

function sessionOf(principal: StaffPrincipal): StaffSession {
  return { principal, csrfToken: CSRF, expiresAt: '2026-11-24T15:00:00.000Z' };
}

function get(path: string): HttpRequest {
  return new HttpRequest({ url: `http://127.0.0.1:7071${path}`, method: 'GET', headers: {} });
}

function post(path: string, form: Record<string, string>): HttpRequest {
  return new HttpRequest({
    url: `http://127.0.0.1:7071${path}`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: { string: new URLSearchParams(form).toString() },
  });
}

function bodyOf(response: HttpResponseInit): string {
  return typeof response.body === 'string' ? response.body : '';
}

function locationOf(response: HttpResponseInit): string {
  const headers = (response.headers ?? {}) as Record<string, string>;
  return headers['Location'] ?? '';
}

describe('the console\'s list pages', () => {
  let fixture: TicketServiceFixture;
  let services: TicketServices;
  let port: ConsolePort;
  const mine = sevATicket('2026-11-24T13:30:00.000Z', MARIA, 'Conditional Access blocks <finance>');
  const handed = handedTo(sevBTicket('2026-11-24T09:00:00.000Z', LUKAS, 'Mail flow delayed'), MARIA);
  const unassigned = unassignedTicket('2026-11-24T13:45:00.000Z');

  beforeAll(async () => {
    fixture = await startTicketServiceFixture();
    services = fixture.services({ clock: new ManualClock(NOW) }).services;
    port = consolePort(services, ticketApiPort(services, undefined));
    expect((await services.ensureStore()).kind).toBe('ready');
    for (const ticket of [mine, handed, unassigned]) expect((await services.repository.create(ticket, { org: ORG, now: NOW })).kind).toBe('created');
  });

  afterAll(() => fixture.stop());

  describe('My work', () => {
    it('shows the engineer the handoff to acknowledge above the ticket with a counting clock', async () => {
      const response = await myWorkPage(port)(get('/staff'), sessionOf(MARIA_PRINCIPAL));
      expect(response.status).toBe(200);
      const page = bodyOf(response);
      expect(page.indexOf(handed.ticketNumber)).toBeGreaterThan(-1);
      expect(page.indexOf(handed.ticketNumber)).toBeLessThan(page.indexOf(mine.ticketNumber));
      expect(page).toContain('Handoffs waiting for your acknowledgement (1)');
      expect(page).toContain('data-due-at="2026-11-24T14:30:00.000Z"');
      expect(page).toContain('30 min left');
      expect(page).toContain('You are on shift until');
      expect(page).toContain('Conditional Access blocks &lt;finance&gt;');
      expect(page).not.toContain(unassigned.ticketNumber);
    });

    it('answers with the console\'s private-page headers', async () => {
      const response = await myWorkPage(port)(get('/staff'), sessionOf(MARIA_PRINCIPAL));
      expect(response.headers).toMatchObject({ 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY', 'Content-Type': 'text/html; charset=utf-8' });
    });
  });

  describe('the queue', () => {
    it('filters with a plain GET form and counts the open tickets by SLA state', async () => {
      const response = await queuePage(port)(get('/staff/queue?assignee=unassigned'), sessionOf(MARIA_PRINCIPAL));
      expect(response.status).toBe(200);
      const page = bodyOf(response);
      expect(page).toContain('1 open ticket matches');
      expect(page).toContain(unassigned.ticketNumber);
      expect(page).not.toContain(`>${mine.ticketNumber}<`);
      expect(page).toContain('<option value="unassigned" selected>Unassigned</option>');
      // An engineer may not assign (the role matrix), so there is no assign form.
      expect(page).not.toContain('class="assign-form"');
    });

    it('gives a team lead an assign form on each row, carrying the session\'s CSRF token', async () => {
      const page = bodyOf(await queuePage(port)(get('/staff/queue'), sessionOf(ARJUN_PRINCIPAL)));
      expect(page).toContain('class="assign-form"');
      expect(page).toContain(`<input type="hidden" name="csrf" value="${CSRF}">`);
      // Nobody is preselected for a ticket nobody owns: an assignment is always a choice.
      expect(page).toContain(`<select id="assign-${unassigned.ticketNumber}" name="engineerId"><option value="">Choose an engineer</option>`);
      // Unassigned first for people who assign.
      expect(page.indexOf(unassigned.ticketNumber)).toBeLessThan(page.indexOf(mine.ticketNumber));
    });

    it('assigns from the list through the domain, then redirects to the same list with the outcome', async () => {
      const response = await queuePage(port)(
        post('/staff/queue', { csrf: CSRF, ticketNumber: unassigned.ticketNumber, engineerId: 'maria-garcia', return: '?assignee=unassigned&page=1' }),
        sessionOf(ARJUN_PRINCIPAL),
      );
      expect(response.status).toBe(303);
      const location = locationOf(response);
      expect(location).toBe(`/staff/queue?assignee=unassigned&assign=assigned&assign-ticket=${unassigned.ticketNumber}&assign-to=maria-garcia`);
      const stored = await services.repository.read(unassigned.ticketNumber);
      expect(stored.kind === 'found' && stored.ticket.assignee?.engineerId).toBe('maria-garcia');
      const after = bodyOf(await queuePage(port)(get(location), sessionOf(ARJUN_PRINCIPAL)));
      expect(after).toContain(`${unassigned.ticketNumber} is now assigned to María García.`);
      expect(after).toContain('0 open tickets match');
    });

    it('refuses an assignment by someone the role matrix does not allow, and says so on the list', async () => {
      const response = await queuePage(port)(post('/staff/queue', { csrf: CSRF, ticketNumber: mine.ticketNumber, engineerId: 'lukas-weber', return: '' }), sessionOf(MARIA_PRINCIPAL));
      expect(locationOf(response)).toBe(`/staff/queue?assign=forbidden&assign-ticket=${mine.ticketNumber}&assign-to=lukas-weber`);
      const stored = await services.repository.read(mine.ticketNumber);
      expect(stored.kind === 'found' && stored.ticket.assignee?.engineerId).toBe('maria-garcia');
      const page = bodyOf(await queuePage(port)(get(locationOf(response)), sessionOf(MARIA_PRINCIPAL)));
      expect(page).toContain(`<div class="notice notice-failed" role="alert"><p>${mine.ticketNumber} was not assigned: your role may not assign tickets.</p></div>`);
    });

    it('says so when the engineer is not on the roster or the ticket does not exist', async () => {
      const notOnRoster = await queuePage(port)(post('/staff/queue', { csrf: CSRF, ticketNumber: mine.ticketNumber, engineerId: 'nobody-here' }), sessionOf(ARJUN_PRINCIPAL));
      expect(locationOf(notOnRoster)).toContain('assign=not-on-roster');
      const missing = await queuePage(port)(post('/staff/queue', { csrf: CSRF, ticketNumber: 'BTN-20261124-ZZZZZ', engineerId: 'maria-garcia' }), sessionOf(ARJUN_PRINCIPAL));
      expect(locationOf(missing)).toContain('assign=not-found');
    });

    it('keeps only the list\'s own filters in the address it redirects to', async () => {
      const response = await queuePage(port)(
        post('/staff/queue', { csrf: CSRF, ticketNumber: 'BTN-20261124-ZZZZZ', engineerId: 'maria-garcia', return: '//evil.example/?queue=collaboration&next=https://evil.example' }),
        sessionOf(ARJUN_PRINCIPAL),
      );
      expect(locationOf(response)).toMatch(/^\/staff\/queue\?/);
      expect(locationOf(response)).not.toContain('evil');
    });
  });

  describe('the TAM view', () => {
    it('shows a TAM their customers\' open tickets, Severity A first, and the digest\'s list', async () => {
      const response = await tamPage(port)(get('/staff/tam'), sessionOf(TOM_PRINCIPAL));
      expect(response.status).toBe(200);
      const page = bodyOf(response);
      expect(page).toContain('Your customers: Contoso Ltd.');
      expect(page.indexOf(mine.ticketNumber)).toBeLessThan(page.indexOf(handed.ticketNumber));
      expect(page).toContain('At risk today: the daily digest');
    });

    it('is refused to people without the TAM role', async () => {
      const response = await tamPage(port)(get('/staff/tam'), sessionOf(MARIA_PRINCIPAL));
      expect(response.status).toBe(403);
      expect(bodyOf(response)).not.toContain(mine.ticketNumber);
    });
  });
});
