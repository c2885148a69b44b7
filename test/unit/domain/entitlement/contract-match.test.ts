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
  it('matches on the email domain alone when no tenant is given, and on nothing else', () => {
    expect(matchContract(org.contracts, { requesterEmail: 'aoife.byrne@contoso.com' }, NOW)?.id).toBe('contoso-unified');
    expect(matchContract(org.contracts, { requesterEmail: 'aoife.byrne@gmail.com' }, NOW)).toBeUndefined();
  });

  it('only weighs the contracts of the customer the requester writes from, whatever tenant is named', () => {
    // Contoso's contract runs longest, yet a Fabrikam address asks under Fabrikam's; a Contoso address naming Fabrikam's tenant under Contoso's.
    const lateContoso = { ...contractNamed('contoso-unified'), activeUntil: '2030-01-01T00:00:00.000Z' };
    const contracts = [lateContoso, contractNamed('fabrikam-standard')];
    expect(matchContract(contracts, { tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'ken@fabrikam.com' }, NOW)?.id).toBe('fabrikam-standard');
    expect(matchContract(contracts, { tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'ken@contoso.com' }, NOW)?.id).toBe('contoso-unified');
  });

  it('prefers the contract in force over one that ends later but has not started', () => {
    const future = { ...contractNamed('fabrikam-standard'), id: 'fabrikam-next', activeFrom: '2027-07-01T00:00:00.000Z', activeUntil: '2029-07-01T00:00:00.000Z' };
    const identity = { tenantDomain: 'fabrikam.onmicrosoft.com', requesterEmail: 'ken@fabrikam.com' };
    expect(matchContract([future, contractNamed('fabrikam-standard')], identity, NOW)?.id).toBe('fabrikam-standard');
    expect(matchContract([contractNamed('fabrikam-standard'), future], identity, NOW)?.id).toBe('fabrikam-standard');
  });
});
