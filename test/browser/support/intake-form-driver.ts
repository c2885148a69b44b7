/**
 * Fills the support request form the way a person does: typing into fields, choosing from the
 * list, ticking the radio buttons, always through the page's own labelled controls.
 */
import type { Page } from 'playwright-core';
import { controlIdOf, findIntakeField, type IntakeFieldPath } from '../../../shared/web/intake/intake-form-fields';

export type FormEntries = Readonly<Partial<Record<IntakeFieldPath, string | boolean>>>;

let requesterSerial = 0;

/** A Contoso address no other test uses, so the tickets a test stored can be counted by it. */
export function uniqueRequesterEmail(label: string): string {
  requesterSerial += 1;
  return `${label}.${process.pid}.${requesterSerial}.${Date.now()}@contoso.com`;
}

/** A complete request the sample organisation entitles (Contoso, Entra ID, Severity B). */
export function validEntries(email: string, overrides: FormEntries = {}): FormEntries {
  return {
    'requester.name': 'Ana Silva',
    company: 'Contoso Ltd',
    tenantDomain: 'contoso.onmicrosoft.com',
    productArea: 'entra-id',
    scope: 'cloud',
    title: 'Conditional Access blocks the finance team',
    description: 'Since Monday 09:00 every member of the finance group gets AADSTS53003 when signing in to Outlook on the web from managed laptops.',
    severity: 'B',
    'requester.available24x7': false,
    businessImpact: 'Thirty people cannot read or send email during the month-end close.',
    'requester.email': email,
    'requester.timeZone': 'Asia/Tokyo',
    ...overrides,
  };
}

export async function fillIntakeForm(page: Page, entries: FormEntries): Promise<void> {
  for (const [path, value] of Object.entries(entries)) {
    const field = findIntakeField(path);
    if (field === undefined || value === undefined) throw new Error(`the form has no field ${path}`);
    switch (field.control.kind) {
      case 'choice':
        await page.check(`#${controlIdOf(field.path, String(value))}`);
        break;
      case 'checkbox':
        await page.setChecked(`#${controlIdOf(field.path)}`, value === true);
        break;
      case 'product-area':
        await page.selectOption(`#${controlIdOf(field.path)}`, String(value));
        break;
      default:
        await page.fill(`#${controlIdOf(field.path)}`, String(value));
    }
  }
}

/** What each field shows now: text as typed, the chosen option or radio, whether a box is ticked. */
export async function shownValue(page: Page, path: IntakeFieldPath): Promise<string | boolean> {
  const field = findIntakeField(path);
  if (field === undefined) throw new Error(`the form has no field ${path}`);
  switch (field.control.kind) {
    case 'choice': {
      const checked = page.locator(`input[name="${path}"]:checked`);
      return (await checked.count()) === 0 ? '' : checked.inputValue();
    }
    case 'checkbox':
      return page.isChecked(`#${controlIdOf(path)}`);
    default:
      return page.inputValue(`#${controlIdOf(path)}`);
  }
}
