import fc from 'fast-check';
import type { Region } from '../../../../shared/domain/primitives';
import { chooseAssignee } from '../../../../shared/domain/routing/choose-assignee';
import { type QueueCoverage, QueueSchema } from '../../../../shared/domain/routing/queue';
import type { Engineer, Roster } from '../../../../shared/domain/roster/roster';
import { RosterSchema } from '../../../../shared/domain/roster/roster-schema';
import { anchorDate, instantNear } from '../calendar/support/calendar-arbitraries';
import { naiveEngineerAtWork, naiveRegionOnShift } from '../roster/support/naive-shifts';
import { onCallOf, regionRosterNear } from '../roster/support/roster-arbitraries';

const AREAS = ['entra-id', 'exchange', 'intune'];
const REGIONS: Region[] = ['AMER', 'EMEA', 'APAC'];
const queue = QueueSchema.parse({ id: 'all', name: 'All', productAreas: AREAS, severities: ['A', 'B', 'C'], leadEngineerId: 'lead', coverage: '24x7' });

const engineers = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom('ada', 'ben', 'cai', 'dee', 'eli', 'fay', 'gus', 'hal'),
    region: fc.constantFrom(...REGIONS),
    skills: fc.subarray(AREAS, { minLength: 1 }),
    capacity: fc.integer({ min: 0, max: 4 }),
    role: fc.constantFrom('engineer' as const, 'team-lead' as const),
  }),
  { selector: (engineer) => engineer.id, minLength: 4, maxLength: 8 },
);

/** Each region's shifts, and on-call hours for some of its engineers. */
const rosterNear = (anchor: string) =>
  fc
    .tuple(regionRosterNear('AMER', anchor), regionRosterNear('EMEA', anchor), regionRosterNear('APAC', anchor), engineers)
    .chain(([amer, emea, apac, staff]) =>
      fc
        .tuple(
          ...[amer, emea, apac].map((region) => {
            const ids = staff.filter((engineer) => engineer.region === region.id).map((engineer) => engineer.id);
            const onCall = ids.length === 0 ? fc.constant([]) : fc.subarray(ids, { minLength: 1 }).chain((named) => fc.array(onCallOf(named), { maxLength: 1 }));
            return onCall.map((groups) => ({ ...region, onCall: groups }));
          }),
        )
        .map((regions): Roster => RosterSchema.parse({ regions, engineers: staff.map((engineer) => ({ ...engineer, name: engineer.id, email: `${engineer.id}@support.example` })) })),
    );

const scenario = anchorDate.chain((anchor) =>
  fc.record({
    roster: rosterNear(anchor),
    at: instantNear(anchor),
    productArea: fc.constantFrom(...AREAS),
    load: fc.dictionary(fc.constantFrom('ada', 'ben', 'cai', 'dee', 'eli', 'fay', 'gus', 'hal'), fc.integer({ min: 0, max: 3 })),
    excluded: fc.subarray(['ada', 'ben', 'cai', 'dee']),
    preferRegion: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
    coverage: fc.constantFrom<QueueCoverage>('24x7', 'business-hours'),
  }),
);

describe('assignment properties', () => {
  it('never picks an off-duty, unskilled, excluded or full engineer, and picks by region, shift before on call, then load', () => {
    fc.assert(
      fc.property(scenario, ({ roster, at, productArea, load, excluded, preferRegion, coverage }) => {
        const decision = chooseAssignee({ roster, queue, productArea, at: new Date(at).toISOString(), openTicketLoad: load, excludeEngineerIds: excluded, coverage, ...(preferRegion ? { preferRegion } : {}) });
        const loadOf = (engineer: Engineer): number => load[engineer.id] ?? 0;
        const onShift = (engineer: Engineer): boolean => roster.regions.some((region) => region.id === engineer.region && naiveRegionOnShift(region, at));
        const qualifies = (engineer: Engineer): boolean =>
          engineer.skills.includes(productArea) &&
          !excluded.includes(engineer.id) &&
          loadOf(engineer) < engineer.capacity &&
          naiveEngineerAtWork(roster, engineer.id, at, coverage === '24x7');
        const qualified = roster.engineers.filter(qualifies);
        if (!decision.ok) {
          expect(qualified).toEqual([]);
          expect(decision.escalateTo).toBe('lead');
          return;
        }
        expect(qualifies(decision.engineer)).toBe(true);
        const rank = (engineer: Engineer): number[] => [engineer.region === preferRegion ? 0 : 1, onShift(engineer) ? 0 : 1, loadOf(engineer)];
        const chosen = rank(decision.engineer);
        for (const other of qualified) {
          const ranked = rank(other);
          const firstDifference = ranked.findIndex((value, index) => value !== chosen[index]);
          if (firstDifference >= 0) expect(ranked[firstDifference]).toBeGreaterThan(chosen[firstDifference] ?? 0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives work on business hours the same engineer whatever the on-call hours, and lets on call change 24x7 work only when no shift can take it', () => {
    fc.assert(
      fc.property(scenario, ({ roster, at, productArea, load, excluded }) => {
        const withoutOnCall = RosterSchema.parse({ ...roster, regions: roster.regions.map((region) => ({ ...region, onCall: [] })) });
        const request = { queue, productArea, at: new Date(at).toISOString(), openTicketLoad: load, excludeEngineerIds: excluded };
        const onShiftOnly = chooseAssignee({ ...request, roster: withoutOnCall, coverage: '24x7' });
        expect(chooseAssignee({ ...request, roster, coverage: 'business-hours' })).toEqual(onShiftOnly);
        if (onShiftOnly.ok) expect(chooseAssignee({ ...request, roster, coverage: '24x7' })).toEqual(onShiftOnly);
      }),
      { numRuns: 100 },
    );
  });
});
