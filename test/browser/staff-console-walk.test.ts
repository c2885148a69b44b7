/**
 * The staff console walked in a real browser against the whole offline stack, as people of the
 * sample organisation on a Saturday afternoon, when only on-call engineers work and take Severity A
 * alone: the assigned engineer opens a new Sev A ticket from the assignment email and works it on
 * the ticket page, and the incoming engineer acknowledges a handoff brief when the first one's
 * on-call hours end. Each signs in on the dev issuer's page.
 */
import type { Page } from 'playwright-core';
import { useBrowserSuite } from './support/browser-suite';
import { expectAccessibleAtBothWidths, signInAs } from './support/staff-console';
import { consoleLinksMailedTo, fileTicket, staffView, waitForTicket } from './support/staff-console-driver';
import { API_CALL_MS, FORM_SEND_MS, LIFECYCLE_WAIT_MS, PAGE_LOAD_MS } from './support/step-limits';
import type { Steps } from './support/steps';

/** Saturday 28 November, 15:40 UTC: EMEA's and AMER's on-call engineers take Sev A; EMEA's hours end at 16:00. */
const APP_TIME = '2026-11-28T15:40:00.000Z';
/** Just after the end of that Saturday's on-call hours (16:00 in London, 17:00 in New York), when a ticket is handed on. */
const ON_CALL_ENDS: Readonly<Record<string, string>> = { EMEA: '2026-11-28T16:00:30.000Z', AMER: '2026-11-28T22:00:30.000Z' };

const suite = useBrowserSuite({ stack: { clockAt: APP_TIME }, testTimeoutMs: 240_000 });

let filed = 0;
function uniqueEmail(label: string): string {
  filed += 1;
  return `walk.${label}.${filed}.${Date.now()}@contoso.com`;
}

async function browserAt(javaScript = true): Promise<Page> {
  return suite.newPage({ javaScript });
}

/** The console links in the emails `to` has received about the ticket, once there is one. */
async function consoleLinksWhenMailed(to: string, ticketNumber: string): Promise<string[]> {
  for (;;) {
    const links = consoleLinksMailedTo(suite.web, to, ticketNumber);
    if (links.length > 0) return links;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Opens a console page, signing in on the dev issuer's page as the roster engineer. */
async function openSignedIn(steps: Steps, page: Page, path: string, engineerId: string): Promise<void> {
  await steps.step(`open ${path} and sign in as ${engineerId}`, PAGE_LOAD_MS * 2, () => signInAs(page, engineerId, path));
}

/** Opens a command's fold on the ticket page, fills its fields and sends it; resolves on the page the post led to. */
async function send(steps: Steps, page: Page, command: string, fields: Record<string, string>): Promise<void> {
  await steps.step(`send ${command}`, FORM_SEND_MS, async () => {
    const fold = page.locator(`#command-${command}`);
    if ((await fold.count()) === 1 && (await fold.getAttribute('open')) === null) await fold.locator('summary').click();
    const form = page.locator(`form[data-command="${command}"]`);
    for (const [name, value] of Object.entries(fields)) {
      const select = form.locator(`select[name="${name}"]`);
      if ((await select.count()) === 1) await select.selectOption(value);
      else await form.locator(`[name="${name}"]`).fill(value);
    }
    // The page before may already show another command's `done`: wait for this one's.
    await Promise.all([page.waitForURL(new RegExp(`[?&]done=${command}(?:&|$)`)), form.locator('button[type="submit"]').click()]);
  });
}

async function flash(page: Page): Promise<string> {
  return ((await page.locator('#flash').textContent()) ?? '').trim();
}

describe('the staff console, walked', () => {
  suite.test('the assigned engineer opens a new Sev A ticket from the assignment email and acknowledges, asks (the clocks pause), notes a handoff, escalates to the vendor and proposes a resolution', async (steps) => {
    const { step } = steps;
    const answer = await step('file a Sev A ticket', API_CALL_MS, () => fileTicket(suite.web, { email: uniqueEmail('sev-a'), severity: 'A', title: 'Nobody in finance can sign in' }));
    const assigned = await step('wait for the lifecycle to assign it', LIFECYCLE_WAIT_MS, () =>
      waitForTicket(suite.web, answer.ticketNumber, 'assigned', (view) => view.assignee !== undefined, LIFECYCLE_WAIT_MS - 1_000),
    );
    const engineer = assigned.assignee;
    if (engineer === undefined) throw new Error('the ticket has no assignee');
    const [link] = await step('wait for the assignment email', LIFECYCLE_WAIT_MS, () => consoleLinksWhenMailed(engineer.email, answer.ticketNumber));

    const page = await browserAt();
    await openSignedIn(steps, page, new URL(link ?? '').pathname, engineer.engineerId);
    expect(await page.locator('#ticket-number').textContent()).toBe(answer.ticketNumber);
    expect(await page.locator('#sla-clocks tr[data-metric="first-response"] [data-due-at]').textContent()).toMatch(/left$/);
    await expectAccessibleAtBothWidths(steps, page, 'walk-ticket-new');

    await send(steps, page, 'acknowledge', { message: 'I am on it: checking the Conditional Access policies now.' });
    expect(await flash(page)).toContain('Acknowledged');
    await send(steps, page, 'request-info', { message: 'Which policy name shows in the sign-in log?' });
    expect(await page.locator('#sla-clocks tr[data-state="paused"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#sla-clocks').textContent()).toContain('Paused (waiting on the customer)');
    await send(steps, page, 'handoff-note', { summary: 'Finance-MFA blocks the group', tried: 'Sign-in logs\nWhat-if tool', nextStep: 'Exclude the break-glass account' });
    expect(await page.locator('#timeline li').first().locator('.tag').textContent()).toBe('Internal');
    await send(steps, page, 'escalate-to-vendor', { justification: 'Token issuance fails inside the service' });
    expect(await page.locator('#vendor').count()).toBe(1);
    await send(steps, page, 'propose-resolution', { summary: 'Exclude the break-glass account from Finance-MFA.' });
    const proposed = await step('read the ticket through the staff API', API_CALL_MS, () => staffView(suite.web, answer.ticketNumber));
    expect(proposed.status).toBe('resolution-proposed');
    expect(proposed.timeline.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['acknowledged', 'info-requested', 'internal-note-added', 'vendor-escalation-requested', 'resolution-proposed']),
    );
    await expectAccessibleAtBothWidths(steps, page, 'walk-ticket-worked');
  });

  suite.test('the incoming engineer acknowledges the handoff brief when the on-call hours of the first end', async (steps) => {
    const { step } = steps;
    const answer = await step('file a Sev A ticket', API_CALL_MS, () => fileTicket(suite.web, { email: uniqueEmail('handoff'), severity: 'A', title: 'Admins lose their roles at sign-in' }));
    const assigned = await step('wait for the lifecycle to assign it', LIFECYCLE_WAIT_MS, () =>
      waitForTicket(suite.web, answer.ticketNumber, 'assigned', (view) => view.assignee !== undefined, LIFECYCLE_WAIT_MS - 1_000),
    );
    const outgoing = assigned.assignee;
    const handoverAt = ON_CALL_ENDS[outgoing?.region ?? ''];
    if (outgoing === undefined || handoverAt === undefined) throw new Error(`the ticket went to ${JSON.stringify(outgoing)}, whose on-call end this walk does not know`);
    await step(`move the clock past the end of ${outgoing.region}’s on-call hours`, 90_000, () => suite.web.stack.advanceClockTo(handoverAt));
    const handedOff = await step('wait for the handoff', LIFECYCLE_WAIT_MS, () =>
      waitForTicket(suite.web, answer.ticketNumber, 'handed off', (view) => view.timeline.some((entry) => entry.type === 'handed-off'), LIFECYCLE_WAIT_MS - 1_000),
    );
    const incoming = handedOff.assignee?.engineerId ?? '';
    expect(handedOff.assignee?.engineerId).not.toBe(outgoing.engineerId);

    const page = await browserAt();
    await openSignedIn(steps, page, `/staff/tickets/${answer.ticketNumber}`, incoming);
    expect(await page.locator('#handoff').getAttribute('data-awaiting')).toBe('true');
    await expectAccessibleAtBothWidths(steps, page, 'walk-handoff-brief');
    await send(steps, page, 'acknowledge-handoff', {});
    expect(await flash(page)).toContain('Handoff acknowledged');
    expect(await page.locator('#handoff').getAttribute('data-awaiting')).toBe('false');
  });
});
