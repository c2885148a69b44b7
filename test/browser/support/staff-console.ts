/**
 * What the staff console's browser tests share: signing in on the offline stack's dev identity
 * provider as a person of the sample organisation, tickets put straight into the store (built by
 * the domain's own commands, so a list shows a chosen mix of states at once), and axe-core's
 * accessibility check of a page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { cosmosClientOptionsForStandIn } from '../../../infra/local/services/cosmos-standin';
import type { OrgConfig } from '../../../shared/domain/org/org-config';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { BATON_DATABASE, TICKETS_CONTAINER } from '../../../shared/store/containers';
import { ensureLocalStore } from '../../../shared/store/local-store';
import { cosmosTicketRepository } from '../../../shared/store/ticket-repository';
import { DESKTOP, PHONE } from './screenshots';
import { PAGE_ACTION_MS } from './step-limits';
import type { Steps } from './steps';
import type { WebStack } from './web-stack';

/** Where the console's review screenshots go (git-ignored, like the requester pages'). */
export const STAFF_SCREENSHOT_DIRECTORY = path.resolve(__dirname, '..', '..', '..', 'test-output', 'staff');

export async function saveStaffScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(STAFF_SCREENSHOT_DIRECTORY, { recursive: true });
  const file = path.join(STAFF_SCREENSHOT_DIRECTORY, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Opens `path` and signs in on the dev identity provider's page as the person with this id (the
 * roster id for engineers and team leads, `dev-<name>` for TAMs), ending on `path` again.
 */
export async function signInAs(page: Page, personId: string, path: string): Promise<void> {
  await page.goto(path);
  await page.locator(`button[name="person"][value="${personId}"]`).click();
  await page.waitForURL((url) => url.pathname === new URL(path, 'http://site').pathname);
}

/**
 * Reloads the list until it shows the ticket: tickets stored straight into the store reach a list
 * the way another app instance's changes do, within the open-ticket index's freshness window (two
 * seconds) and one catch-up behind a read.
 */
export async function reloadUntilListed(page: Page, ticketNumber: string, attempts = 8): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if ((await page.locator(`a[href$="/${ticketNumber}"]`).count()) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await page.reload();
  }
  throw new Error(`${ticketNumber} was not listed on ${page.url()} after ${String(attempts)} reloads`);
}

/** Stores the tickets as the app would have saved them at `now`. */
export async function storeTickets(web: WebStack, org: OrgConfig, tickets: readonly Ticket[], now: string): Promise<void> {
  const cosmos = web.stack.services.cosmos;
  if (cosmos === undefined) throw new Error('the local stack has no Cosmos stand-in');
  const client = new CosmosClient(cosmosClientOptionsForStandIn(cosmos.endpoint, cosmos.key));
  try {
    const setup = await ensureLocalStore(client, BATON_DATABASE);
    if (setup.kind !== 'ready') throw new Error(`the store could not be set up: ${setup.failure.kind}`);
    const repository = cosmosTicketRepository(client.database(BATON_DATABASE).container(TICKETS_CONTAINER));
    for (const ticket of tickets) {
      const created = await repository.create(ticket, { org, now });
      if (created.kind !== 'created') throw new Error(`${ticket.ticketNumber} was not stored: ${created.kind}`);
    }
  } finally {
    client.dispose();
  }
}

const AxeViolationsSchema = z.array(z.object({ id: z.string(), impact: z.string().nullable(), help: z.string(), targets: z.array(z.string()) }));
export type AxeViolation = z.infer<typeof AxeViolationsSchema>[number];

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.1 A/AA and best-practice rules on the page as it stands. The engine is
 * evaluated through the DevTools protocol, which the page's Content Security Policy (scripts from
 * this site only) does not govern, so the page is checked exactly as served.
 */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const found: unknown = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    .then((results) => results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    })))`);
  return AxeViolationsSchema.parse(found);
}

/** One step of a walk: axe-core finds nothing on the page at desktop and at phone width, and both are photographed. */
export async function expectAccessibleAtBothWidths(steps: Steps, page: Page, name: string): Promise<void> {
  await steps.step(`check ${name} with axe-core and save its screenshots`, PAGE_ACTION_MS * 2, async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveStaffScreenshot(page, `${name}-desktop`);
    await page.setViewportSize(PHONE);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveStaffScreenshot(page, `${name}-phone`);
    await page.setViewportSize(DESKTOP);
  });
}
