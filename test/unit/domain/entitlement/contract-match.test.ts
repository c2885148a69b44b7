import { matchContract } from '../../../../shared/domain/entitlement/contract-match';
import type { Contract } from '../../../../shared/domain/org/contract';
import { sampleOrg } from '../support/org-fixtures';

const NOW = '2026-11-23T14:00:00.000Z';
const org = sampleOrg();
const contractNamed = (id: string): Contract => {
  const contract = org.contracts.find((candidate) => candidate.id === id);
  if (contract === undefined) throw new Error(`the sample organisation has no contract ${id}`);
  return contract;
};

describe('which contract a requester belongs to', () => {
  it('reads the tenant domain as typed, with stray spaces and capitals', () => {
    expect(matchContract(org.contracts, { tenantDomain: '  Contoso.OnMicrosoft.com ', requesterEmail: 'someone@gmail.com' }, NOW)?.id).toBe('contoso-unified');
  });

  it('matches on the email domain alone when no tenant is given, and on nothing else', () => {
    expect(matchContract(org.contracts, { requesterEmail: 'aoife.byrne@contoso.com' }, NOW)?.id).toBe('contoso-unified');
    expect(matchContract(org.contracts, { requesterEmail: 'aoife.byrne@gmail.com' }, NOW)).toBeUndefined();
  });

  it('prefers the contract both domains point at over one that only one domain points at, even a later one', () => {
    // Tenant Fabrikam, email Contoso: each matches once, so the contract in force longest wins.
    const lateContoso = { ...contractNamed('contoso-unified'), activeUntil: '2030-01-01T00:00:00.000Z' };
    const contracts = [lateContoso, contractNamed('fabrikam-standard')];
    expect(matchContract(contracts, { tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'ken@fabrikam.com' }, NOW)?.id).toBe('fabrikam-standard');
    expect(matchContract(contracts, { tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'ken@contoso.com' }, NOW)?.id).toBe('contoso-unified');
  });

  it('prefers, between equally matched contracts, the one that ends last, whichever domain matched it', () => {
    const contracts = [contractNamed('fabrikam-standard'), contractNamed('contoso-unified')];
    // Contoso runs to 2028, Fabrikam to mid-2027.
    expect(matchContract(contracts, { tenantDomain: 'contoso.onmicrosoft.com', requesterEmail: 'ken@fabrikam.com' }, NOW)?.id).toBe('contoso-unified');
    expect(matchContract(contracts, { tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'aoife.byrne@contoso.com' }, NOW)?.id).toBe('contoso-unified');
    expect(matchContract([...contracts].reverse(), { tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'aoife.byrne@contoso.com' }, NOW)?.id).toBe('contoso-unified');
  });

  it('prefers the contract in force over one that ends later but has not started', () => {
    const future = { ...contractNamed('fabrikam-standard'), id: 'fabrikam-next', activeFrom: '2027-07-01T00:00:00.000Z', activeUntil: '2029-07-01T00:00:00.000Z' };
    const identity = { tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'ken@fabrikam.com' };
    expect(matchContract([future, contractNamed('fabrikam-standard')], identity, NOW)?.id).toBe('fabrikam-standard');
    expect(matchContract([contractNamed('fabrikam-standard'), future], identity, NOW)?.id).toBe('fabrikam-standard');
  });
});
