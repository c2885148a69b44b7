import { emailDomainOf } from '../../../../shared/domain/intake/intake-fields';

describe('the domain of an email address', () => {
  it('is what follows the last @, trimmed and lower-cased as contracts list domains', () => {
    expect(emailDomainOf('Ken.Ito@Fabrikam.COM ')).toBe('fabrikam.com');
    expect(emailDomainOf('"ops@desk"@contoso.com')).toBe('contoso.com');
  });

  it('is the whole text when there is no @, so a bare domain is compared as given', () => {
    expect(emailDomainOf(' Contoso.com')).toBe('contoso.com');
  });

  it('is empty for an address that ends at its @', () => {
    expect(emailDomainOf('ken@')).toBe('');
  });
});
