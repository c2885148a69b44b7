import { entitlementCheck } from '../../../../shared/domain/entitlement/entitlement-check';
import { sampleOrg } from '../support/org-fixtures';

const NOW = '2026-11-23T14:00:00.000Z';
const org = sampleOrg();
const reasonsOf = (result: ReturnType<typeof entitlementCheck>) => (result.ok ? [] : result.reasons);

/** What the requester reads when validation turns a ticket away: each reason in full. */
describe('entitlement reasons shown to the requester', () => {
  it('says when an expired contract ended and when a future one starts', () => {
    const expired = entitlementCheck({ requesterEmail: 'lee@northwindtraders.com', severity: 'B' }, org, NOW);
    expect(reasonsOf(expired)).toEqual([{ code: 'contract-not-active', message: 'The support contract of Northwind Traders ended on 2026-06-01.' }]);
    const early = entitlementCheck({ requesterEmail: 'lee@northwindtraders.com', severity: 'B' }, org, '2024-05-31T23:59:59.000Z');
    expect(reasonsOf(early)).toEqual([{ code: 'contract-not-active', message: 'The support contract of Northwind Traders only starts on 2024-06-01.' }]);
  });

  it('accepts a contract from the very instant it starts, and no longer at the instant it ends', () => {
    expect(entitlementCheck({ requesterEmail: 'lee@northwindtraders.com', severity: 'B' }, org, '2024-06-01T00:00:00.000Z').ok).toBe(true);
    expect(reasonsOf(entitlementCheck({ requesterEmail: 'lee@northwindtraders.com', severity: 'B' }, org, '2026-06-01T00:00:00.000Z')).map((reason) => reason.code)).toEqual([
      'contract-not-active',
    ]);
  });

  it('lists the severities the plan covers', () => {
    const result = entitlementCheck({ tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'ken@fabrikam.com', severity: 'A' }, org, NOW);
    expect(reasonsOf(result)).toEqual([{ code: 'severity-not-in-plan', field: 'severity', message: 'The Unified Standard plan covers Severity B, C, not Severity A.' }]);
  });

  it('names the company whose contract lacks the on-premises add-on', () => {
    const result = entitlementCheck({ tenantDomain: 'contoso.onmicrosoft.com', requesterEmail: 'aoife.byrne@contoso.com', scope: 'on-premises' }, org, NOW);
    expect(reasonsOf(result)).toEqual([
      { code: 'on-premises-not-covered', field: 'scope', message: 'On-premises problems need the on-premises add-on, which the contract of Contoso Ltd does not include.' },
    ]);
  });

  it('passes a ticket that does not say its severity or scope yet', () => {
    expect(entitlementCheck({ tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'ken@fabrikam.com' }, org, NOW)).toMatchObject({ ok: true });
  });

  it('turns away a contract whose plan the organisation does not define, keeping the contract found', () => {
    const orphan = { ...org, contracts: org.contracts.map((contract) => (contract.id === 'fabrikam-standard' ? { ...contract, plan: 'retired-plan' } : contract)) };
    const result = entitlementCheck({ tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'ken@fabrikam.com', severity: 'B' }, orphan, NOW);
    expect(result).toMatchObject({ ok: false, contract: { id: 'fabrikam-standard' } });
  });
});
