import fc from 'fast-check';
import type { Region } from '../../../../shared/domain/primitives';
import { chooseAssignee } from '../../../../shared/domain/routing/choose-assignee';
import { QueueSchema } from '../../../../shared/domain/routing/queue';
import { type Engineer, type Roster, RosterSchema } from '../../../../shared/domain/roster/roster';
import { anchorDate, instantNear } from '../calendar/support/calendar-arbitraries';
import { naiveRegionOnShift } from '../roster/support/naive-shifts';
import { regionRosterNear } from '../roster/support/roster-arbitraries';

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

const scenario = anchorDate.chain((anchor) =>
  fc.record({
    roster: fc
      .tuple(regionRosterNear('AMER', anchor), regionRosterNear('EMEA', anchor), regionRosterNear('APAC', anchor), engineers)
      .map(([amer, emea, apac, staff]): Roster =>
        RosterSchema.parse({ regions: [amer, emea, apac], engineers: staff.map((engineer) => ({ ...engineer, name: engineer.id, email: `${engineer.id}@support.example` })) }),
      ),
    at: instantNear(anchor),
    productArea: fc.constantFrom(...AREAS),
    load: fc.dictionary(fc.constantFrom('ada', 'ben', 'cai', 'dee', 'eli', 'fay', 'gus', 'hal'), fc.integer({ min: 0, max: 3 })),
    excluded: fc.subarray(['ada', 'ben', 'cai', 'dee']),
    preferRegion: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
  }),
);

describe('assignment properties', () => {
  it('never picks an off-shift, unskilled, excluded or full engineer, and picks the least loaded who qualifies', () => {
    fc.assert(
      fc.property(scenario, ({ roster, at, productArea, load, excluded, preferRegion }) => {
        const decision = chooseAssignee({ roster, queue, productArea, at: new Date(at).toISOString(), openTicketLoad: load, excludeEngineerIds: excluded, ...(preferRegion ? { preferRegion } : {}) });
        const loadOf = (engineer: Engineer): number => load[engineer.id] ?? 0;
        const qualifies = (engineer: Engineer): boolean =>
          engineer.skills.includes(productArea) &&
          !excluded.includes(engineer.id) &&
          loadOf(engineer) < engineer.capacity &&
          roster.regions.some((region) => region.id === engineer.region && naiveRegionOnShift(region, at));
        const qualified = roster.engineers.filter(qualifies);
        if (!decision.ok) {
          expect(qualified).toEqual([]);
          expect(decision.escalateTo).toBe('lead');
          return;
        }
        expect(qualifies(decision.engineer)).toBe(true);
        const rank = (engineer: Engineer): [number, number] => [engineer.region === preferRegion ? 0 : 1, loadOf(engineer)];
        const [chosenPreference, chosenLoad] = rank(decision.engineer);
        for (const other of qualified) {
          const [preference, otherLoad] = rank(other);
          expect(preference > chosenPreference || (preference === chosenPreference && otherLoad >= chosenLoad)).toBe(true);
        }
      }),
      { numRuns: 120 },
    );
  });
});
