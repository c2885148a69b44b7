/**
 * Checks that an organisation's configuration hangs together: every id it references exists,
 * Severity A runs on a 24x7 calendar, every product area can be queued and staffed, and no tenant
 * or verified email domain belongs to two contracts at once (a requester writing from it would
 * otherwise speak for both customers). Each problem names its path, so a bad config is fixed in one go.
 */
import { SeveritySchema } from '../primitives';
import { Calendar } from '../calendar/calendar';
import { Roster } from '../roster/roster';
import { Queue } from '../routing/queue';
import { SlaPolicy } from '../sla/sla-policy';
import { Contract } from './contract';
import { Plan } from './plan';
import { ProductArea, skillsFor } from './product-area';

export interface ConfigProblem {
  path: (string | number)[];
  message: string;
}

export interface OrgReferences {
  contracts: readonly Contract[];
  plans: readonly Plan[];
  productCatalogue: readonly ProductArea[];
  queues: readonly Queue[];
  roster: Roster;
  calendars: readonly Calendar[];
  slaPolicies: readonly SlaPolicy[];
}

export function crossReferenceProblems(config: OrgReferences): ConfigProblem[] {
  return [
    ...duplicateIds(config),
    ...contractProblems(config),
    ...planProblems(config),
    ...slaPolicyProblems(config),
    ...queueProblems(config),
    ...staffingProblems(config),
  ];
}

function duplicateIds(config: OrgReferences): ConfigProblem[] {
  const collections = { contracts: config.contracts, plans: config.plans, productCatalogue: config.productCatalogue, queues: config.queues, calendars: config.calendars, slaPolicies: config.slaPolicies };
  return Object.entries(collections).flatMap(([name, items]) =>
    items.flatMap((item, index) =>
      items.findIndex((other) => other.id === item.id) < index ? [{ path: [name, index, 'id'], message: `id '${item.id}' is used twice in ${name}` }] : [],
    ),
  );
}

function contractProblems(config: OrgReferences): ConfigProblem[] {
  const planIds = new Set(config.plans.map((plan) => plan.id));
  return config.contracts.flatMap((contract, index) => {
    const unknownPlan = planIds.has(contract.plan) ? [] : [{ path: ['contracts', index, 'plan'], message: `plan '${contract.plan}' is not defined in plans` }];
    const earlier = config.contracts.slice(0, index).filter((other) => periodsOverlap(other, contract));
    const sharedTenants = contract.tenantDomains.flatMap((domain) =>
      earlier
        .filter((other) => other.tenantDomains.includes(domain))
        .map((other) => ({ path: ['contracts', index, 'tenantDomains'], message: `tenant ${domain} is also covered by contract '${other.id}' at the same time` })),
    );
    const sharedEmailDomains = contract.emailDomains.flatMap((domain) =>
      earlier
        .filter((other) => other.emailDomains.includes(domain))
        .map((other) => ({ path: ['contracts', index, 'emailDomains'], message: `email domain ${domain} is also verified for contract '${other.id}' at the same time` })),
    );
    return [...unknownPlan, ...sharedTenants, ...sharedEmailDomains];
  });
}

function periodsOverlap(first: Contract, second: Contract): boolean {
  return Date.parse(first.activeFrom) < Date.parse(second.activeUntil) && Date.parse(second.activeFrom) < Date.parse(first.activeUntil);
}

function planProblems(config: OrgReferences): ConfigProblem[] {
  const policyIds = new Set(config.slaPolicies.map((policy) => policy.id));
  const areaIds = new Set(config.productCatalogue.map((area) => area.id));
  return config.plans.flatMap((plan, index) => {
    const policy = policyIds.has(plan.slaPolicyId) ? [] : [{ path: ['plans', index, 'slaPolicyId'], message: `SLA policy '${plan.slaPolicyId}' is not defined in slaPolicies` }];
    const areas = plan.productAreas === 'all' ? [] : plan.productAreas;
    const unknownAreas = areas.flatMap((area, areaIndex) =>
      areaIds.has(area) ? [] : [{ path: ['plans', index, 'productAreas', areaIndex], message: `product area '${area}' is not in the product catalogue` }],
    );
    return [...policy, ...unknownAreas];
  });
}

function slaPolicyProblems(config: OrgReferences): ConfigProblem[] {
  const calendars = new Map(config.calendars.map((calendar) => [calendar.id, calendar]));
  return config.slaPolicies.flatMap((policy, index) =>
    SeveritySchema.options.flatMap((severity) => {
      const calendarId = policy.targets[severity].calendarId;
      const calendar = calendars.get(calendarId);
      const path = ['slaPolicies', index, 'targets', severity, 'calendarId'];
      if (!calendar) {
        return [{ path, message: `calendar '${calendarId}' is not defined in calendars` }];
      }
      return severity === 'A' && calendar.kind !== '24x7' ? [{ path, message: 'Severity A is worked around the clock: its calendar must be 24x7' }] : [];
    }),
  );
}

function queueProblems(config: OrgReferences): ConfigProblem[] {
  const areaIds = new Set(config.productCatalogue.map((area) => area.id));
  const leads = new Set(config.roster.engineers.filter((engineer) => engineer.role === 'team-lead').map((engineer) => engineer.id));
  const perQueue = config.queues.flatMap((queue, index) => [
    ...queue.productAreas.flatMap((area, areaIndex) =>
      areaIds.has(area) ? [] : [{ path: ['queues', index, 'productAreas', areaIndex], message: `product area '${area}' is not in the product catalogue` }],
    ),
    ...(leads.has(queue.leadEngineerId) ? [] : [{ path: ['queues', index, 'leadEngineerId'], message: `'${queue.leadEngineerId}' is not a team lead on the roster` }]),
  ]);
  const unqueued = config.productCatalogue.flatMap((area, index) =>
    SeveritySchema.options.filter((severity) => !config.queues.some((queue) => queue.productAreas.includes(area.id) && queue.severities.includes(severity))).map((severity) => ({
      path: ['productCatalogue', index],
      message: `no queue takes ${area.id} tickets of Severity ${severity}`,
    })),
  );
  return [...perQueue, ...unqueued];
}

function staffingProblems(config: OrgReferences): ConfigProblem[] {
  const knownSkills = new Set(config.productCatalogue.flatMap((area) => [area.id, ...skillsFor(area)]));
  const unknownSkills = config.roster.engineers.flatMap((engineer, index) =>
    engineer.skills.flatMap((skill, skillIndex) =>
      knownSkills.has(skill) ? [] : [{ path: ['roster', 'engineers', index, 'skills', skillIndex], message: `skill '${skill}' matches no product area` }],
    ),
  );
  const unstaffed = config.productCatalogue.flatMap((area, index) =>
    config.roster.engineers.some((engineer) => skillsFor(area).some((skill) => engineer.skills.includes(skill)))
      ? []
      : [{ path: ['productCatalogue', index], message: `no engineer on the roster has a skill for ${area.id}` }],
  );
  return [...unknownSkills, ...unstaffed];
}
