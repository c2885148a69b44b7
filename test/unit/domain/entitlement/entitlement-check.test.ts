import { entitlementCheck, coversOnPremises } from '../../../../shared/domain/entitlement/entitlement-check';
import { matchContract } from '../../../../shared/domain/entitlement/contract-match';
import { sampleOrg } from '../support/org-fixtures';

const NOW = '2026-11-23T14:00:00.000Z';
const org = sampleOrg();

describe('entitlement', () => {
  it('passes an active contract whose plan allows the severity and scope', () => {
    const result = entitlementCheck({ tenantDomain: 'contoso.onmicrosoft.com', requesterEmail: 'aoife.byrne@contoso.com', severity: 'A', scope: 'cloud' }, org, NOW);
    expect(result).toMatchObject({ ok: true, contract: { id: 'contoso-unified' }, plan: { id: 'unified-enterprise' } });
  });

  it('finds nobody behind an unknown organisation, and says how to be recognised', () => {
    const result = entitlementCheck({ tenantDomain: 'tailspin.onmicrosoft.com', requesterEmail: 'Sam@Tailspin.com', severity: 'B', scope: 'cloud' }, org, NOW);
    expect(result).toEqual({ ok: false, reasons: [{ code: 'no-contract', message: expect.stringContaining('sam@tailspin.com') }] });
    expect(result.ok ? '' : result.reasons[0]?.message).toMatch(/register/);
  });

  it('rejects an expired contract', () => {
    const result = entitlementCheck({ tenantDomain: 'northwindtraders.onmicrosoft.com', requesterEmail: 'lee@northwindtraders.com', severity: 'B', scope: 'cloud' }, org, NOW);
    expect(result).toMatchObject({ ok: false, reasons: [{ code: 'contract-not-active', message: expect.stringContaining('ended on 2026-06-01') }] });
  });

  it('rejects a contract that has not started yet', () => {
    const result = entitlementCheck({ requesterEmail: 'lee@northwindtraders.com', severity: 'B' }, org, '2024-01-15T00:00:00.000Z');
    expect(result).toMatchObject({ ok: false, reasons: [{ code: 'contract-not-active', message: expect.stringContaining('only starts on 2024-06-01') }] });
  });

  it('rejects a severity the plan does not allow', () => {
    const result = entitlementCheck({ tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'ken@fabrikam.com', severity: 'A', scope: 'cloud' }, org, NOW);
    expect(result).toMatchObject({ ok: false, reasons: [{ code: 'severity-not-in-plan', field: 'severity' }] });
  });

  it('rejects on-premises scope without the add-on, and accepts it with the add-on', () => {
    const contoso = entitlementCheck({ tenantDomain: 'contoso.onmicrosoft.com', requesterEmail: 'aoife.byrne@contoso.com', severity: 'B', scope: 'on-premises' }, org, NOW);
    expect(contoso).toMatchObject({ ok: false, reasons: [{ code: 'on-premises-not-covered', field: 'scope' }] });
    const fabrikam = entitlementCheck({ tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'ken@fabrikam.com', severity: 'B', scope: 'on-premises' }, org, NOW);
    expect(fabrikam.ok).toBe(true);
  });

  it('gives every reason at once: expired contract, Severity A outside the plan, on-premises without the add-on', () => {
    const result = entitlementCheck({ tenantDomain: 'northwindtraders.onmicrosoft.com', requesterEmail: 'lee@northwindtraders.com', severity: 'A', scope: 'on-premises' }, org, NOW);
    expect(result.ok ? [] : result.reasons.map((reason) => reason.code)).toEqual(['contract-not-active', 'severity-not-in-plan', 'on-premises-not-covered']);
  });

  it('says whether a contract covers on-premises once the vendor places the problem there', () => {
    expect(coversOnPremises(org, 'fabrikam-standard')).toBe(true);
    expect(coversOnPremises(org, 'contoso-unified')).toBe(false);
    expect(coversOnPremises(org, undefined)).toBe(false);
  });
});

describe('contract matching', () => {
  it('matches by the requester\'s email, case-insensitively, and never by the tenant alone', () => {
    expect(matchContract(org.contracts, { requesterEmail: 'Ken@FABRIKAM.com' }, NOW)?.id).toBe('fabrikam-standard');
    expect(matchContract(org.contracts, { tenantDomain: 'fabrikamlabs.onmicrosoft.com', requesterEmail: 'ken@fabrikam.com' }, NOW)?.id).toBe('fabrikam-standard');
    expect(matchContract(org.contracts, { tenantDomain: 'fabrikamlabs.onmicrosoft.com', requesterEmail: 'x@gmail.com' }, NOW)).toBeUndefined();
  });

  it('prefers the contract both domains point at, then the one in force, then the latest', () => {
    const renewal = { ...org.contracts[2], id: 'northwind-renewed', activeFrom: '2026-06-01T00:00:00.000Z', activeUntil: '2027-06-01T00:00:00.000Z' };
    const contracts = [...org.contracts, { ...renewal, tenantDomains: ['northwindtraders.onmicrosoft.com'], emailDomains: ['northwindtraders.com'], contacts: [], company: 'Northwind', plan: 'modern-workplace', addOns: [] }];
    expect(matchContract(contracts, { tenantDomain: 'northwindtraders.onmicrosoft.com', requesterEmail: 'lee@northwindtraders.com' }, NOW)?.id).toBe('northwind-renewed');
    expect(matchContract(contracts, { tenantDomain: 'northwindtraders.onmicrosoft.com', requesterEmail: 'lee@northwindtraders.com' }, '2026-03-01T00:00:00.000Z')?.id).toBe('northwind-modern');
  });

  it('keeps the requester on their own contract when they name another customer\'s tenant or company', () => {
    expect(matchContract(org.contracts, { tenantDomain: 'contoso.onmicrosoft.com', company: 'Contoso Ltd', requesterEmail: 'ken@fabrikam.com' }, NOW)?.id).toBe('fabrikam-standard');
  });

  it('lets a contact registered with several customers ask under the one whose tenant, else company, they name', () => {
    const noah = 'noah.kim@adatum.com';
    expect(matchContract(org.contracts, { tenantDomain: 'contoso.onmicrosoft.com', company: 'Fabrikam, Inc.', requesterEmail: noah }, NOW)?.id).toBe('contoso-unified');
    expect(matchContract(org.contracts, { tenantDomain: 'fabrikamlabs.onmicrosoft.com', requesterEmail: noah }, NOW)?.id).toBe('fabrikam-standard');
    expect(matchContract(org.contracts, { tenantDomain: 'northwindtraders.onmicrosoft.com', company: 'Fabrikam Inc', requesterEmail: noah }, NOW)?.id).toBe('fabrikam-standard');
  });
});
