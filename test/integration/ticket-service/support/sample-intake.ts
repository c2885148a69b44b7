/** A complete web-form submission from a Contoso requester, which the sample organisation entitles. */
import { WebFormIntakeSchema, type WebFormIntake } from '../../../../shared/domain/intake/intake';

export function sampleIntakeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requester: { name: 'Ana Silva', email: 'ana.silva@contoso.com', timeZone: 'Europe/Lisbon', available24x7: false },
    company: 'Contoso Ltd',
    tenantDomain: 'contoso.onmicrosoft.com',
    productArea: 'entra-id',
    severity: 'B',
    scope: 'cloud',
    title: 'Conditional Access blocks the finance team',
    description:
      'Since Monday 09:00 every member of the finance group gets AADSTS53003 when signing in to Outlook on the web from managed laptops.',
    businessImpact: 'Thirty people cannot read or send email during the month-end close.',
    ...overrides,
  };
}

export function sampleIntake(overrides: Record<string, unknown> = {}): WebFormIntake {
  return WebFormIntakeSchema.parse(sampleIntakeBody(overrides));
}
