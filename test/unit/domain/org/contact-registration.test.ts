import { entitlementCheck } from '../../../../shared/domain/entitlement/entitlement-check';
import { ContactRegistrationBodySchema, registerContact } from '../../../../shared/domain/org/contact-registration';
import { OrgConfigSchema } from '../../../../shared/domain/org/org-config';
import { sampleOrg } from '../support/org-fixtures';

const NOW = '2026-11-23T14:00:00.000Z';
const org = sampleOrg();
const PARTNER = { tenantDomain: 'contoso.onmicrosoft.com', company: 'Contoso Ltd', requesterEmail: 'ines.duarte@lisbon-it.example', severity: 'A' as const, scope: 'cloud' as const };

describe('registering a customer contact', () => {
  it('entitles the contact under that customer\'s contract, and only that one', () => {
    expect(entitlementCheck(PARTNER, org, NOW).ok).toBe(false);
    const registration = registerContact(org.contracts, { contractId: 'contoso-unified', email: 'Ines.Duarte@Lisbon-IT.example', roles: ['team-lead'] });
    expect(registration).toMatchObject({ kind: 'registered', contract: { id: 'contoso-unified', contacts: ['noah.kim@adatum.com', 'ines.duarte@lisbon-it.example'] } });
    const contracts = registration.kind === 'registered' ? registration.contracts : org.contracts;
    expect(entitlementCheck(PARTNER, { ...org, contracts }, NOW)).toMatchObject({ ok: true, contract: { id: 'contoso-unified' } });
    expect(entitlementCheck({ ...PARTNER, tenantDomain: 'fabrikam.onmicrosoft.com', company: 'Fabrikam, Inc.' }, { ...org, contracts }, NOW).ok).toBe(false);
    // The configuration stays valid: nothing else moved.
    expect(OrgConfigSchema.safeParse({ ...org, contracts }).success).toBe(true);
    expect(contracts.filter((contract) => contract.id !== 'contoso-unified')).toEqual(org.contracts.filter((contract) => contract.id !== 'contoso-unified'));
  });

  it('changes nothing for an address already recognised, as a contact or on a verified domain', () => {
    expect(registerContact(org.contracts, { contractId: 'contoso-unified', email: 'noah.kim@adatum.com', roles: ['admin'] }).kind).toBe('already-recognised');
    expect(registerContact(org.contracts, { contractId: 'contoso-unified', email: 'new.hire@contoso.com', roles: ['admin'] }).kind).toBe('already-recognised');
  });

  it.each([['engineer'], ['tam'], ['requester'], ['system'], ['vendor']] as const)('is refused to a %s', (role) => {
    expect(registerContact(org.contracts, { contractId: 'contoso-unified', email: 'ines.duarte@lisbon-it.example', roles: [role] })).toEqual({
      kind: 'forbidden',
      message: 'Only a team lead or an admin can register a customer contact.',
    });
  });

  it('allows a person holding several roles if one of them may', () => {
    expect(registerContact(org.contracts, { contractId: 'contoso-unified', email: 'ines.duarte@lisbon-it.example', roles: ['engineer', 'admin'] }).kind).toBe('registered');
  });

  it('names an unknown contract', () => {
    expect(registerContact(org.contracts, { contractId: 'tailspin-gold', email: 'ines.duarte@lisbon-it.example', roles: ['admin'] })).toEqual({ kind: 'unknown-contract', message: "There is no contract 'tailspin-gold'." });
  });

  it('takes exactly one field, an email address, which it normalises', () => {
    expect(ContactRegistrationBodySchema.parse({ email: ' Ines.Duarte@Lisbon-IT.example ' })).toEqual({ email: 'ines.duarte@lisbon-it.example' });
    for (const bad of [{}, { email: 'lisbon-it.example' }, { email: 42 }, { email: 'a@b.example', contractId: 'x' }]) {
      expect(ContactRegistrationBodySchema.safeParse(bad).success).toBe(false);
    }
  });
});
