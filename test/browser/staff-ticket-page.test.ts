/**
 * The console's ticket page in a real browser, served by its own handler (see
 * served-staff-page.ts) over a ticket service kept in memory: people of the sample roster work a
 * ticket through its forms with and without JavaScript, a refusal comes back beside its field, a
 * handoff brief is acknowledged, and axe-core finds no violation at desktop and phone widths.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildHandoffBrief } from '../../shared/domain/handoff/build-handoff-brief';
import type { StaffPrincipal } from '../../shared/auth/staff-token';
import { ticketSlaClocks } from '../../shared/http-api/ticket-sla-clocks';
import { staffTicketPage } from '../../shared/web/staff/ticket/staff-ticket-handlers';
import { applyCommands, assignedTicket, engineerActor, LUKAS, MARIA, SYSTEM } from '../unit/http-api/support/ticket-story';
import { inMemoryTickets, org, rosterPrincipal, sessionOf, silentLogger, TAM, type InMemoryTickets } from '../unit/web/staff/support/console-ticket-story';
import { launchChromium } from './support/chromium';
import { DESKTOP, PHONE } from './support/screenshots';
import { accessibilityViolations as axeViolations, saveStaffScreenshot } from './support/staff-console';
import { serveStaffPage, type ServedPage } from './support/served-staff-page';

const NOW = '2026-11-24T14:00:00.000Z';
const NUMBER = 'BTN-261124-W4LK1';
const TICKET_ROUTE = /^\/staff\/tickets\/([^/]+)$/;
const ACTION_LIMIT_MS = 8_000;

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const servers: ServedPage[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

afterAll(async () => {
  await browser?.close();
}, 20_000);

function assigned(): InMemoryTickets {
  return inMemoryTickets(assignedTicket({ ticketNumber: NUMBER, accessTokenHash: 'c'.repeat(64), receivedAt: '2026-11-24T13:00:00.000Z' }), NOW);
}

async function pageAs(principal: StaffPrincipal, tickets: InMemoryTickets, options: { javaScript?: boolean; width?: number } = {}): Promise<Page> {
  if (browser === undefined) throw new Error('Chromium has not started (see the beforeAll failure)');
  const served = await serveStaffPage(TICKET_ROUTE, staffTicketPage({ port: tickets, logger: silentLogger }), sessionOf(principal));
  servers.push(served);
  const context = await browser.newContext({
    baseURL: served.origin,
    javaScriptEnabled: options.javaScript ?? true,
    viewport: options.width === undefined ? DESKTOP : { ...PHONE, width: options.width },
  });
  contexts.push(context);
  context.setDefaultTimeout(ACTION_LIMIT_MS);
  const page = await context.newPage();
  await page.goto(`/staff/tickets/${NUMBER}`);
  return page;
}

/** Opens a command's fold, fills its fields and sends it; resolves once the answer has loaded. */
async function send(page: Page, command: string, fields: Record<string, string>): Promise<void> {
  const fold = page.locator(`#command-${command}`);
  if ((await fold.count()) === 1 && (await fold.getAttribute('open')) === null) await fold.locator('summary').click();
  const form = page.locator(`form[data-command="${command}"]`);
  for (const [name, value] of Object.entries(fields)) {
    const select = form.locator(`select[name="${name}"]`);
    if ((await select.count()) === 1) await select.selectOption(value);
    else await form.locator(`[name="${name}"]`).fill(value);
  }
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').click()]);
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await saveStaffScreenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  expect(await axeViolations(page)).toEqual([]);
  await saveStaffScreenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('the accessibility check', () => {
  it('finds a violation when there is one, so an empty list means something', async () => {
    if (browser === undefined) throw new Error('Chromium has not started (see the beforeAll failure)');
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><main><input type="text"></main></body></html>');
    expect((await axeViolations(page)).map((violation) => violation.id)).toContain('label');
  }, 30_000);
});

describe('the console ticket page in a browser', () => {
  it('lets the assigned engineer acknowledge, ask for information (the clocks pause), note a handoff, escalate to the vendor and propose a resolution', async () => {
    const tickets = assigned();
    const page = await pageAs(rosterPrincipal('maria-garcia'), tickets);
    await expectAccessible(page, 'ticket-engineer');

    await send(page, 'acknowledge', { message: 'I am looking into the Conditional Access policy now.' });
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/staff/tickets/${NUMBER}?done=acknowledge`);
    expect(await text(page, '#flash')).toContain('Acknowledged');
    expect(tickets.current().status).toBe('investigating');

    await send(page, 'request-info', { message: 'Which policy name shows in the sign-in log?' });
    expect(await text(page, '#flash')).toContain('the SLA clock pauses');
    expect(await page.locator('#sla-clocks tr[data-state="paused"]').count()).toBeGreaterThan(0);
    expect(await text(page, '#sla-clocks')).toContain('Paused (waiting on the customer)');

    await send(page, 'handoff-note', { summary: 'Finance-MFA excludes no break-glass account', tried: 'Sign-in logs\nWhat-if tool', nextStep: 'Exclude the break-glass account' });
    expect(await text(page, '#timeline li:first-child')).toContain('Handoff note');
    expect(await text(page, '#timeline li:first-child .tag')).toBe('Internal');

    await send(page, 'escalate-to-vendor', { justification: 'Token issuance fails inside the service' });
    expect(await text(page, '#vendor-facts')).toContain('Being opened by Baton');

    await send(page, 'propose-resolution', { summary: 'Exclude the break-glass account from Finance-MFA.' });
    expect(tickets.current().status).toBe('resolution-proposed');
    expect(await text(page, '#timeline li:first-child .tag')).toBe('Customer sees this');
    await expectAccessible(page, 'ticket-engineer-worked');
  }, 120_000);

  it('sends a form without JavaScript too, and brings a refusal back beside its field with the text typed', async () => {
    const tickets = assigned();
    const page = await pageAs(rosterPrincipal('maria-garcia'), tickets, { javaScript: false });
    await send(page, 'escalate-to-vendor', { justification: 'ab' });
    expect(await text(page, '#escalate-to-vendor-justification-error')).toBe('Justification must be at least 3 characters long.');
    expect(await page.locator('#escalate-to-vendor-justification').inputValue()).toBe('ab');
    expect(await page.locator('#escalate-to-vendor-justification').getAttribute('aria-invalid')).toBe('true');
    expect(await text(page, '#command-failure')).toContain('Nothing was recorded');
    expect(tickets.issued).toEqual([]);
    await send(page, 'escalate-to-vendor', { justification: 'Token issuance fails inside the service' });
    expect(await text(page, '#flash')).toContain('Vendor escalation requested');
  }, 90_000);

  it('shows a refused form without an accessibility violation', async () => {
    const page = await pageAs(rosterPrincipal('maria-garcia'), assigned());
    await send(page, 'change-severity', { to: 'C', reason: 'no' });
    expect(await text(page, '#change-severity-reason-error')).toBe('Reason must be at least 3 characters long.');
    expect(await page.locator('#change-severity-to').inputValue()).toBe('C');
    await expectAccessible(page, 'ticket-refused-field');
  }, 60_000);

  it('shows the incoming engineer the handoff brief with an Acknowledge button, which takes the ticket', async () => {
    const worked = applyCommands(assignedTicket({ ticketNumber: NUMBER, accessTokenHash: 'c'.repeat(64), receivedAt: '2026-11-24T13:00:00.000Z' }), [
      { type: 'acknowledge', actor: engineerActor(MARIA), message: 'Looking into it' },
      { type: 'request-info', actor: engineerActor(MARIA), message: 'Which policy blocks them?' },
      { type: 'customer-reply', actor: { role: 'requester', id: 'ana.silva@contoso.com', name: 'Ana Silva' }, message: 'Finance-MFA' },
      { type: 'internal-note', actor: engineerActor(MARIA), note: 'Compared Finance-MFA with the baseline', nextStep: 'Exclude the break-glass account', tried: ['Sign-in logs'] },
    ]);
    const brief = buildHandoffBrief({ ticket: worked, sla: ticketSlaClocks(worked, org, NOW), stallThreshold: 3 });
    const tickets = inMemoryTickets(applyCommands(worked, [{ type: 'handoff', actor: SYSTEM, toEngineer: LUKAS, brief }]), NOW);
    const page = await pageAs(rosterPrincipal('lukas-weber'), tickets);
    expect(await text(page, '#handoff')).toContain('Exclude the break-glass account');
    expect(await text(page, '#handoff dt')).toBe('Which policy blocks them?');
    expect(await text(page, '#handoff dd')).toBe('Finance-MFA');
    await expectAccessible(page, 'ticket-handoff-brief');
    await send(page, 'acknowledge-handoff', {});
    expect(await text(page, '#flash')).toContain('Handoff acknowledged');
    expect(await page.locator('#handoff').getAttribute('data-awaiting')).toBe('false');
    expect(await page.locator('form[data-command="acknowledge-handoff"]').count()).toBe(0);
  }, 90_000);

  it('shows a TAM the ticket with no form that speaks to the customer', async () => {
    const page = await pageAs(TAM, assigned(), { width: 390 });
    const offered = await Promise.all((await page.locator('form[data-command]').all()).map((form) => form.getAttribute('data-command')));
    expect(offered).toEqual(['internal-note', 'handoff-note', 'change-severity', 'escalate-internally']);
    expect(await axeViolations(page)).toEqual([]);
    await saveStaffScreenshot(page, 'ticket-tam-phone');
  }, 60_000);

  it('answers a ticket that does not exist with a page that says so', async () => {
    const page = await pageAs(rosterPrincipal('maria-garcia'), assigned());
    const answer = await page.goto('/staff/tickets/BTN-261124-NONE0');
    expect(answer?.status()).toBe(404);
    expect(await text(page, 'h1')).toBe('No such ticket');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
