import { OrgConfigInput, OrgConfigSchema } from '../../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../../shared/domain/org/sample/sample-org';
import { DEFAULT_LIFECYCLE_SETTINGS, LifecycleSettingsSchema } from '../../../../shared/domain/org/lifecycle-settings';
import { ContractSchema } from '../../../../shared/domain/org/contract';

function problemsOf(config: OrgConfigInput): string[] {
  const parsed = OrgConfigSchema.safeParse(config);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function edited(edit: (config: OrgConfigInput) => OrgConfigInput): OrgConfigInput {
  return edit(structuredClone(sampleOrgConfig));
}

describe('organisation configuration cross-references', () => {
  it('names every dangling reference with its path, all at once', () => {
    const problems = problemsOf(
      edited((config) => ({
        ...config,
        contracts: config.contracts.map((contract, index) => (index === 0 ? { ...contract, plan: 'platinum' } : contract)),
        plans: config.plans.map((plan, index) => (index === 2 ? { ...plan, slaPolicyId: 'gold', productAreas: ['entra-id', 'teams'] } : plan)),
        queues: config.queues.map((queue, index) => (index === 0 ? { ...queue, leadEngineerId: 'maria-garcia' } : queue)),
      })),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "contracts.0.plan: plan 'platinum' is not defined in plans",
        "plans.2.slaPolicyId: SLA policy 'gold' is not defined in slaPolicies",
        "plans.2.productAreas.1: product area 'teams' is not in the product catalogue",
        "queues.0.leadEngineerId: 'maria-garcia' is not a team lead on the roster",
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('insists that Severity A runs on a 24x7 calendar that exists', () => {
    const problems = problemsOf(
      edited((config) => ({
        ...config,
        slaPolicies: config.slaPolicies.map((policy, index) =>
          index === 0 ? { ...policy, targets: { ...policy.targets, A: { ...policy.targets.A, calendarId: 'emea-business-hours' }, B: { ...policy.targets.B, calendarId: 'mars' } } } : policy,
        ),
      })),
    );
    expect(problems).toEqual([
      'slaPolicies.0.targets.A.calendarId: Severity A is worked around the clock: its calendar must be 24x7',
      "slaPolicies.0.targets.B.calendarId: calendar 'mars' is not defined in calendars",
    ]);
  });

  it('finds product areas nobody queues or staffs, and skills matching no product area', () => {
    const problems = problemsOf(
      edited((config) => ({
        ...config,
        productCatalogue: [...config.productCatalogue, { id: 'defender', name: 'Microsoft Defender' }],
        roster: { ...config.roster, engineers: config.roster.engineers.map((engineer, index) => (index === 1 ? { ...engineer, skills: [...engineer.skills, 'cobol'] } : engineer)) },
      })),
    );
    expect(problems).toEqual([
      'productCatalogue.6: no queue takes defender tickets of Severity A',
      'productCatalogue.6: no queue takes defender tickets of Severity B',
      'productCatalogue.6: no queue takes defender tickets of Severity C',
      "roster.engineers.1.skills.3: skill 'cobol' matches no product area",
      'productCatalogue.6: no engineer on the roster has a skill for defender',
    ]);
  });

  it('names on-call cover for someone who is not an engineer of that region, with its path', () => {
    const problems = problemsOf(
      edited((config) => ({
        ...config,
        roster: {
          ...config.roster,
          regions: config.roster.regions.map((region, index) => (index === 1 ? { ...region, onCall: [{ engineerIds: ['lukas-weber', 'maria-garcia', 'nobody'], weekly: { sat: [{ start: '07:00', end: '16:00' }] } }] } : region)),
        },
      })),
    );
    expect(problems).toEqual(['roster.regions.1.onCall.0.engineerIds.1: on-call engineer maria-garcia works in AMER, not EMEA', 'roster.regions.1.onCall.0.engineerIds.2: on-call engineer nobody is not on the roster']);
  });

  it('names a handoff order that contradicts the roster’s shifts, with its path and the order the shifts follow', () => {
    expect(problemsOf(edited((config) => ({ ...config, roster: { ...config.roster, handoffOrder: ['AMER', 'EMEA', 'APAC'] } })))).toEqual([
      'roster.handoffOrder: the handoff order AMER → EMEA → APAC contradicts the shifts, which follow each other AMER → APAC → EMEA around the clock',
    ]);
  });

  it('catches a time zone mistake through the handoff order it upsets', () => {
    // Sydney's shifts entered on London time would start as London's end, ahead of New York's.
    const sydneyAsLondon = edited((config) => ({
      ...config,
      roster: { ...config.roster, regions: config.roster.regions.map((region) => (region.id === 'APAC' ? { ...region, timeZone: 'Europe/London' } : region)) },
    }));
    expect(problemsOf(sydneyAsLondon)).toEqual([expect.stringMatching(/^roster\.handoffOrder: the handoff order APAC → EMEA → AMER /)]);
  });

  it('refuses duplicate ids, and a tenant or verified email domain on two contracts at the same time', () => {
    const problems = problemsOf(
      edited((config) => ({
        ...config,
        calendars: [...config.calendars, { id: 'around-the-clock', kind: '24x7' }],
        contracts: [...config.contracts, { ...config.contracts[0], id: 'contoso-second', company: 'Contoso Ltd', activeFrom: '2027-06-01T00:00:00.000Z', activeUntil: '2029-01-01T00:00:00.000Z', plan: 'unified-standard', tenantDomains: ['contoso.onmicrosoft.com'] }],
      })),
    );
    expect(problems).toEqual([
      "calendars.4.id: id 'around-the-clock' is used twice in calendars",
      "contracts.4.tenantDomains: tenant contoso.onmicrosoft.com is also covered by contract 'contoso-unified' at the same time",
      "contracts.4.emailDomains: email domain contoso.com is also verified for contract 'contoso-unified' at the same time",
    ]);
  });

  it('accepts the contract a customer had before, listed after the one that took over from it the instant it ended', () => {
    const problems = problemsOf(
      edited((config) => ({
        ...config,
        contracts: [...config.contracts, { id: 'northwind-previous', company: 'Northwind Traders', tenantDomains: ['northwindtraders.onmicrosoft.com'], emailDomains: ['northwindtraders.com'], plan: 'modern-workplace', activeFrom: '2022-06-01T00:00:00.000Z', activeUntil: '2024-06-01T00:00:00.000Z' }],
      })),
    );
    expect(problems).toEqual([]);
  });

  it('names a queue that takes a product area the catalogue does not have', () => {
    const problems = problemsOf(edited((config) => ({ ...config, queues: config.queues.map((queue, index) => (index === 1 ? { ...queue, productAreas: [...queue.productAreas, 'yammer'] } : queue)) })));
    expect(problems).toEqual(["queues.1.productAreas.2: product area 'yammer' is not in the product catalogue"]);
  });

  it('counts a product area as staffed when an engineer has any one of its skills', () => {
    const problems = problemsOf(
      edited((config) => ({
        ...config,
        productCatalogue: config.productCatalogue.map((area) => (area.id === 'intune' ? { ...area, skills: ['intune', 'autopilot'] } : area)),
      })),
    );
    expect(problems).toEqual([]);
  });

  it('accepts a renewal that takes over a tenant and email domain when the old contract ends', () => {
    const problems = problemsOf(
      edited((config) => ({
        ...config,
        contracts: [...config.contracts, { id: 'northwind-renewed', company: 'Northwind Traders', tenantDomains: ['northwindtraders.onmicrosoft.com'], emailDomains: ['northwindtraders.com'], plan: 'modern-workplace', activeFrom: '2026-06-01T00:00:00.000Z', activeUntil: '2027-06-01T00:00:00.000Z' }],
      })),
    );
    expect(problems).toEqual([]);
  });
});

describe('contract', () => {
  const base = { id: 'x', company: 'X', plan: 'p', activeFrom: '2026-01-01T00:00:00.000Z', activeUntil: '2027-01-01T00:00:00.000Z' };

  it('needs a verified email domain or registered contact to recognise requesters by, and to end after it starts', () => {
    const parsed = ContractSchema.safeParse({ ...base, tenantDomains: ['x.onmicrosoft.com'], activeUntil: '2025-01-01T00:00:00.000Z' });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))).toEqual(['emailDomains', 'activeUntil']);
    expect(parsed.success ? '' : parsed.error.issues[0]?.message).toMatch(/never by the tenant/);
    expect(ContractSchema.safeParse({ ...base, tenantDomains: ['x.onmicrosoft.com'], contacts: ['it@partner.example'] }).success).toBe(true);
    expect(ContractSchema.safeParse({ ...base, emailDomains: ['x.com'] }).success).toBe(true);
    const instantaneous = ContractSchema.safeParse({ ...base, emailDomains: ['x.com'], activeUntil: base.activeFrom });
    expect(instantaneous.success ? [] : instantaneous.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual(['activeUntil: a contract ends after it starts']);
  });

  it('normalises registered contacts and checks they are addresses', () => {
    expect(ContractSchema.parse({ ...base, contacts: [' Olga.Petrova@Outlook.com '] }).contacts).toEqual(['olga.petrova@outlook.com']);
    expect(ContractSchema.safeParse({ ...base, contacts: ['outlook.com'] }).success).toBe(false);
  });

  it('lower-cases its domains and checks their form', () => {
    expect(ContractSchema.parse({ ...base, tenantDomains: ['X.OnMicrosoft.com'], emailDomains: ['X.COM'] })).toMatchObject({ tenantDomains: ['x.onmicrosoft.com'], emailDomains: ['x.com'] });
    expect(ContractSchema.safeParse({ ...base, emailDomains: ['not a domain'] }).success).toBe(false);
  });
});

describe('lifecycle settings', () => {
  it('default to the house rules and demand the reminder before auto-closure', () => {
    expect(LifecycleSettingsSchema.parse(DEFAULT_LIFECYCLE_SETTINGS)).toEqual(DEFAULT_LIFECYCLE_SETTINGS);
    expect(LifecycleSettingsSchema.safeParse({ ...DEFAULT_LIFECYCLE_SETTINGS, resolutionReminderAfterDays: 7 }).success).toBe(false);
  });

  it('are filled in when an organisation leaves them out', () => {
    const { lifecycle: _omitted, ...withoutLifecycle } = structuredClone(sampleOrgConfig);
    expect(OrgConfigSchema.parse(withoutLifecycle).lifecycle).toEqual(DEFAULT_LIFECYCLE_SETTINGS);
  });
});
