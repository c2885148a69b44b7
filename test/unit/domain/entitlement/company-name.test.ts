import { companyKey, sameCompany } from '../../../../shared/domain/entitlement/company-name';

describe('the company a requester names, against the one on the contract', () => {
  it('does not care about accents: "Nestlé" is "Nestle"', () => {
    expect(sameCompany('Nestlé S.A.', 'Nestle')).toBe(true);
    expect(companyKey('Société Générale')).toBe('societe generale');
  });

  it('reads an ampersand as "and": "Procter & Gamble Co." is "Procter and Gamble"', () => {
    expect(sameCompany('Procter & Gamble Co.', 'Procter and Gamble')).toBe(true);
  });

  it('keeps a company whose whole name is a legal form, rather than reducing it to nothing', () => {
    expect(companyKey('Limited')).toBe('limited');
    expect(sameCompany('Limited', 'LIMITED.')).toBe(true);
    expect(companyKey('Contoso Ltd Inc')).toBe('contoso');
  });

  it('matches nothing when the name has no letter or digit, not even another such name', () => {
    expect(companyKey(' - . ')).toBe('');
    expect(sameCompany('...', '---')).toBe(false);
  });
});

describe('initials in a company name', () => {
  it('are one word however they are written, so a dotted legal form is still a legal form', () => {
    expect(companyKey('Nestlé S.A.')).toBe('nestle');
    expect(companyKey('Adatum B. V.')).toBe('adatum');
    expect(sameCompany('A.P. Moller', 'A P Moller')).toBe(true);
    expect(sameCompany('A.P. Moller', 'AP Moller')).toBe(true);
  });

  it('stay apart from the words around them', () => {
    expect(companyKey('J. Walter Thompson')).toBe('j walter thompson');
    expect(sameCompany('A.P. Moller', 'Moller')).toBe(false);
  });
});
