import fc from 'fast-check';
import { coverageGaps } from '../../../../shared/domain/roster/coverage-gaps';
import { nextSkilledShiftStart } from '../../../../shared/domain/roster/region-shifts';
import { RosterSchema } from '../../../../shared/domain/roster/roster-schema';
import { chooseAssignee } from '../../../../shared/domain/routing/choose-assignee';
import type { QueueCoverage } from '../../../../shared/domain/routing/queue';
import { naiveEngineerAtWork } from '../roster/support/naive-shifts';
import { sampleOrg } from '../support/org-fixtures';

const org = sampleOrg();
// All of 2026 and 2027: both DST changes of New York, London and Sydney each year, and every sample holiday.
const FROM = '2026-01-01T00:00:00.000Z';
const UNTIL = '2028-01-01T00:00:00.000Z';

const roundTheClockAreas = org.queues.filter((queue) => queue.coverage === '24x7').flatMap((queue) => queue.productAreas.map((productArea) => ({ queue, productArea })));
const withoutOnCall = RosterSchema.parse({ ...org.roster, regions: org.roster.regions.map((region) => ({ ...region, onCall: [] })) });

const assigneeId = (at: string, productArea: string, coverage: QueueCoverage): string | undefined => {
  const queue = org.queues.find((candidate) => candidate.productAreas.includes(productArea));
  if (queue === undefined) return undefined;
  const decision = chooseAssignee({ roster: org.roster, queue, productArea, at, openTicketLoad: {}, coverage });
  return decision.ok ? decision.engineer.id : undefined;
};

describe('the sample organisation around the clock', () => {
  it('has 24x7 queues, one per pair of product areas', () => {
    expect(roundTheClockAreas).toHaveLength(6);
  });

  it.each(roundTheClockAreas)('leaves no hour of 2026 or 2027 without someone for $productArea in $queue.id', ({ queue, productArea }) => {
    expect(coverageGaps(org.roster, { ...queue, productAreas: [productArea] }, FROM, UNTIL)).toEqual([]);
  });

  it('has an engineer with the skill at work, and takes the ticket, at any instant of 2026 and 2027', () => {
    const instants = fc.integer({ min: Date.parse(FROM), max: Date.parse(UNTIL) - 1 });
    fc.assert(
      fc.property(instants, fc.constantFrom(...roundTheClockAreas), (at, { queue, productArea }) => {
        const skilled = org.roster.engineers.filter((engineer) => engineer.skills.includes(productArea) && engineer.capacity > 0);
        expect(skilled.some((engineer) => naiveEngineerAtWork(org.roster, engineer.id, at, true))).toBe(true);
        const decision = chooseAssignee({ roster: org.roster, queue, productArea, at: new Date(at).toISOString(), openTicketLoad: {}, coverage: '24x7' });
        expect(decision.ok && naiveEngineerAtWork(org.roster, decision.engineer.id, at, true)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives 24x7 work to the same engineer as before on-call cover whenever a shift can take it', () => {
    const instants = fc.integer({ min: Date.parse(FROM), max: Date.parse(UNTIL) - 1 });
    fc.assert(
      fc.property(instants, fc.constantFrom(...roundTheClockAreas), (at, { queue, productArea }) => {
        const request = { queue, productArea, at: new Date(at).toISOString(), openTicketLoad: {} };
        const onShifts = chooseAssignee({ ...request, roster: withoutOnCall, coverage: '24x7' });
        if (onShifts.ok) expect(chooseAssignee({ ...request, roster: org.roster, coverage: '24x7' })).toEqual(onShifts);
      }),
      { numRuns: 300 },
    );
  });
});

describe('who takes a Severity A ticket when no shift can', () => {
  it('an EMEA engineer on call, on a Saturday afternoon in London', () => {
    expect(assigneeId('2026-11-28T14:00:00.000Z', 'exchange-online', '24x7')).toBe('chloe-dubois');
  });

  it('an AMER engineer on call, on US Thanksgiving after London has gone home', () => {
    expect(assigneeId('2026-11-26T18:00:00.000Z', 'azure-networking', '24x7')).toBe('james-carter');
  });

  it('an APAC engineer on call from 07:00 in Sydney, in the July hour after New York closes', () => {
    expect(assigneeId('2026-07-15T21:30:00.000Z', 'entra-id', '24x7')).toBe('priya-nair');
  });
});

describe('business-hours work in the sample organisation', () => {
  it('is taken on shifts only, so at the weekend it waits for Monday in Sydney', () => {
    expect(assigneeId('2026-11-28T14:00:00.000Z', 'exchange-online', 'business-hours')).toBeUndefined();
    expect(nextSkilledShiftStart(org.roster, 'exchange-online', '2026-11-28T14:00:00.000Z')).toBe('2026-11-29T21:00:00.000Z');
    expect(assigneeId('2026-11-26T18:00:00.000Z', 'azure-networking', 'business-hours')).toBeUndefined();
  });
});
