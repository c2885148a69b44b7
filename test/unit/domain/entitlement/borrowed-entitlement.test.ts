import { entitlementCheck, EntitlementSubject } from '../../../../shared/domain/entitlement/entitlement-check';
import { sampleOrg } from '../support/org-fixtures';

const NOW = '2026-11-23T14:00:00.000Z';
const org = sampleOrg();

/** Contoso holds a Severity A plan; Fabrikam's plan stops at B; Wide World is known by its contacts only. */
const CONTOSO = { tenantDomain: 'contoso.onmicrosoft.com', company: 'Contoso Ltd' };
const FABRIKAM = { tenantDomain: 'fabrikam.onmicrosoft.com', company: 'Fabrikam, Inc.' };
const WIDE_WORLD = { tenantDomain: 'wideworldimporters.onmicrosoft.com', company: 'Wide World Importers' };
const NOBODY = { tenantDomain: 'tailspin.onmicrosoft.com', company: 'Tailspin Toys' };

function check(requesterEmail: string, named: { tenantDomain?: string; company?: string }, severity: EntitlementSubject['severity'] = 'A') {
  return entitlementCheck({ requesterEmail, severity, scope: 'cloud', ...named }, org, NOW);
}

function codesOf(result: ReturnType<typeof check>): string[] {
  return result.ok ? [] : result.reasons.map((reason) => reason.code);
}

function wordsOf(result: ReturnType<typeof check>): string {
  return result.ok ? '' : result.reasons.map((reason) => reason.message).join(' ');
}

describe('entitlement cannot be borrowed from another customer', () => {
  it('serves a requester from one company who names another customer\'s tenant under their own contract only', () => {
    const borrowed = check('ken@fabrikam.com', CONTOSO);
    expect(borrowed).toMatchObject({ ok: false, contract: { id: 'fabrikam-standard' } });
    expect(codesOf(borrowed)).toEqual(['tenant-domain-not-registered', 'company-not-on-contract', 'severity-not-in-plan']);
  });

  it.each([
    ['their own tenant and company', 'ken@fabrikam.com', FABRIKAM, 'B', []],
    ['another customer\'s tenant', 'ken@fabrikam.com', { ...CONTOSO, company: FABRIKAM.company }, 'B', ['tenant-domain-not-registered']],
    ['another customer\'s company', 'ken@fabrikam.com', { ...FABRIKAM, company: CONTOSO.company }, 'B', ['company-not-on-contract']],
    ['another customer\'s tenant and company', 'ken@fabrikam.com', CONTOSO, 'B', ['tenant-domain-not-registered', 'company-not-on-contract']],
    ['a tenant and company nobody has', 'ken@fabrikam.com', NOBODY, 'B', ['tenant-domain-not-registered', 'company-not-on-contract']],
    ['another customer\'s tenant, asking for the Severity A it has', 'ken@fabrikam.com', { ...CONTOSO, company: FABRIKAM.company }, 'A', ['tenant-domain-not-registered', 'severity-not-in-plan']],
    ['a customer\'s tenant and company, from a domain nobody verified', 'sam@tailspin.com', CONTOSO, 'A', ['no-contract']],
    ['a contacts-only customer\'s tenant, from the same mail provider as its contact', 'someone.else@outlook.com', WIDE_WORLD, 'B', ['no-contract']],
    ['a contacts-only customer\'s tenant, as its registered contact', 'olga.petrova@outlook.com', WIDE_WORLD, 'B', []],
    ['another customer\'s tenant, as a contacts-only customer\'s contact', 'olga.petrova@outlook.com', { ...CONTOSO, company: WIDE_WORLD.company }, 'B', ['tenant-domain-not-registered']],
    ['a customer\'s tenant, as a partner registered with it', 'noah.kim@adatum.com', CONTOSO, 'A', []],
    ['a customer\'s tenant the partner is not registered with', 'noah.kim@adatum.com', { tenantDomain: 'northwindtraders.onmicrosoft.com', company: 'Northwind Traders' }, 'B', ['tenant-domain-not-registered', 'company-not-on-contract']],
  ] as const)('with %s', (_case, email, named, severity, expected) => {
    const result = check(email, named, severity);
    expect(codesOf(result)).toEqual(expected);
    expect(result.ok).toBe(expected.length === 0);
  });

  it('names only the requester\'s own contract in its reasons, never the customer whose tenant was named', () => {
    expect(wordsOf(check('ken@fabrikam.com', CONTOSO))).not.toMatch(/contoso ltd|unified enterprise|tom reyes/i);
    expect(wordsOf(check('ken@fabrikam.com', CONTOSO))).toContain('Fabrikam, Inc.');
    expect(wordsOf(check('sam@tailspin.com', CONTOSO))).not.toMatch(/contoso ltd|unified enterprise/i);
  });

  it('gives the same reasons for another customer\'s tenant as for a tenant nobody has, so a refusal confirms no customer', () => {
    const otherCustomers = check('ken@fabrikam.com', { tenantDomain: 'contoso.onmicrosoft.com', company: 'Fabrikam, Inc.' }, 'B');
    const nobodys = check('ken@fabrikam.com', { tenantDomain: 'tailspin.onmicrosoft.com', company: 'Fabrikam, Inc.' }, 'B');
    expect(wordsOf(otherCustomers).replace('contoso.onmicrosoft.com', 'TENANT')).toBe(wordsOf(nobodys).replace('tailspin.onmicrosoft.com', 'TENANT'));
    const strangerAtCustomer = check('sam@tailspin.com', CONTOSO);
    const strangerAtNobody = check('sam@tailspin.com', NOBODY);
    expect(strangerAtCustomer).toEqual(strangerAtNobody);
  });
});

describe('recognising a requester by email', () => {
  it('compares the verified domain case-insensitively and exactly: no subdomain, no look-alike', () => {
    expect(check('Aoife.Byrne@CONTOSO.COM', CONTOSO).ok).toBe(true);
    for (const lookAlike of ['aoife@contoso.com.evil.io', 'aoife@evilcontoso.com', 'aoife@it.contoso.com', 'aoife@contoso.co', 'contoso.com@evil.io']) {
      expect(codesOf(check(lookAlike, CONTOSO))).toEqual(['no-contract']);
    }
  });

  it('compares a registered contact as a trimmed, lower-cased address, and nothing looser', () => {
    expect(check(' Olga.Petrova@Outlook.com ', WIDE_WORLD, 'B').ok).toBe(true);
    for (const nearby of ['olga.petrova+it@outlook.com', 'olgapetrova@outlook.com', 'olga.petrova@outlook.com.evil.io', 'olga.petrova@hotmail.com']) {
      expect(codesOf(check(nearby, WIDE_WORLD, 'B'))).toEqual(['no-contract']);
    }
  });
});

describe('the company named', () => {
  it.each(['Contoso Ltd', 'Contoso Ltd.', '  contoso   LTD ', 'CONTOSO', 'Contoso Limited', 'Contoso, Ltd'])('accepts "%s" for Contoso Ltd', (company) => {
    expect(check('aoife.byrne@contoso.com', { ...CONTOSO, company }).ok).toBe(true);
  });

  it.each(['Contoso Labs', 'Contosso Ltd', 'Contoso Pharma Ltd', 'Fabrikam, Inc.', 'Ltd'])('refuses the near miss "%s" and names the requester\'s own company', (company) => {
    const result = check('aoife.byrne@contoso.com', { ...CONTOSO, company });
    expect(result).toMatchObject({ ok: false, reasons: [{ code: 'company-not-on-contract', field: 'company', message: expect.stringContaining('(Contoso Ltd)') }] });
  });

  it('is not held against the contract when the requester left it out (the form asks for it)', () => {
    expect(check('aoife.byrne@contoso.com', { tenantDomain: CONTOSO.tenantDomain }).ok).toBe(true);
  });
});
