import { DateTime } from 'luxon';
import { OrgConfigSchema } from '../../../../shared/domain/org/org-config';
import { isContractActive } from '../../../../shared/domain/org/contract';
import { sampleOrgConfig } from '../../../../shared/domain/org/sample/sample-org';
import { sampleOrg } from '../support/org-fixtures';

const NOW = '2026-11-23T14:00:00.000Z';

describe('the sample organisation', () => {
  it('is a valid configuration with no dangling references', () => {
    const parsed = OrgConfigSchema.safeParse(sampleOrgConfig);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('has four contracts: one expired, one with the on-premises add-on, one known by contacts only, two sharing a partner contact', () => {
    const org = sampleOrg();
    expect(org.contracts).toHaveLength(4);
    expect(org.contracts.filter((contract) => contract.emailDomains.length === 0).map((contract) => contract.id)).toEqual(['wide-world-modern']);
    expect(org.contracts.filter((contract) => contract.contacts.includes('noah.kim@adatum.com')).map((contract) => contract.id)).toEqual(['contoso-unified', 'fabrikam-standard']);
    expect(org.contracts.filter((contract) => !isContractActive(contract, NOW)).map((contract) => contract.id)).toEqual(['northwind-modern']);
    expect(org.contracts.filter((contract) => contract.addOns.includes('on-premises')).map((contract) => contract.id)).toEqual(['fabrikam-standard']);
  });

  it('rosters three regions, each with several engineers and a team lead', () => {
    const org = sampleOrg();
    for (const region of ['AMER', 'EMEA', 'APAC'] as const) {
      const people = org.roster.engineers.filter((engineer) => engineer.region === region);
      expect(people.filter((engineer) => engineer.role === 'engineer').length).toBeGreaterThanOrEqual(2);
      expect(people.filter((engineer) => engineer.role === 'team-lead').length).toBeGreaterThanOrEqual(1);
    }
  });

  it('lists Microsoft cloud product areas and a 24x7 calendar beside one business-hours calendar per region', () => {
    const org = sampleOrg();
    expect(org.productCatalogue.map((area) => area.id)).toEqual(
      expect.arrayContaining(['entra-id', 'exchange-online', 'intune', 'azure-networking', 'azure-compute', 'sharepoint-online']),
    );
    expect(org.calendars.filter((calendar) => calendar.kind === '24x7')).toHaveLength(1);
    expect(org.calendars.filter((calendar) => calendar.kind === 'business-hours')).toHaveLength(3);
  });

  it('keeps its holidays on working days of 2026 and 2027, as public holidays are observed', () => {
    for (const calendar of sampleOrg().calendars) {
      if (calendar.kind === 'business-hours') {
        expect(calendar.holidays.length).toBeGreaterThan(0);
        for (const holiday of calendar.holidays) {
          const day = DateTime.fromISO(holiday, { zone: calendar.timeZone });
          expect(day.isValid).toBe(true);
          expect([2026, 2027]).toContain(day.year);
          expect(day.weekday).toBeLessThanOrEqual(5);
        }
      }
    }
  });
});
