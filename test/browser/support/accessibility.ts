/**
 * axe-core run in the page under test: the rules of WCAG 2.x A and AA and axe's best practices,
 * answered as the violations found, each with the elements at fault. The script is evaluated
 * through the DevTools protocol, which the pages' Content Security Policy does not govern, so the
 * page is checked exactly as it is served.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { z } from 'zod';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const AxeViolationSchema = z.object({
  id: z.string(),
  impact: z.string().nullable().optional(),
  help: z.string(),
  targets: z.array(z.string()),
});
export type AxeViolation = z.infer<typeof AxeViolationSchema>;

const RUN_AXE = `axe.run(document, { resultTypes: ['violations'] }).then((results) =>
  results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  })))`;

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return z.array(AxeViolationSchema).parse(await page.evaluate(RUN_AXE));
}
