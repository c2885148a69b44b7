import { coverageGaps } from '../../../../shared/domain/roster/coverage-gaps';
import { RosterSchema } from '../../../../shared/domain/roster/roster-schema';
import { type Queue, QueueSchema } from '../../../../shared/domain/routing/queue';
import { followTheSun, withEvaOnCall, withHolidays } from './support/roster-fixtures';

const queue = (productAreas: string[], coverage: Queue['coverage'] = '24x7'): Queue =>
  QueueSchema.parse({ id: 'identity', name: 'Identity', productAreas, severities: ['A'], leadEngineerId: 'erin', coverage });

describe('coverage gaps', () => {
  it('finds none for a 24x7 queue on a follow-the-sun roster, across both DST changes', () => {
    // Europe leaves summer time on 2026-10-25 and America on 2026-11-01.
    expect(coverageGaps(followTheSun, queue(['entra-id', 'exchange']), '2026-10-19T00:00:00.000Z', '2026-11-09T00:00:00.000Z')).toEqual([]);
  });

  it('finds the hours in which no engineer with a product area works', () => {
    // Only EMEA has an intune engineer with capacity (08:00–17:00 UTC in November).
    const gaps = coverageGaps(followTheSun, queue(['intune']), '2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z');
    expect(gaps).toEqual([
      { from: '2026-11-23T00:00:00.000Z', to: '2026-11-23T08:00:00.000Z', uncoveredProductAreas: ['intune'] },
      { from: '2026-11-23T17:00:00.000Z', to: '2026-11-24T00:00:00.000Z', uncoveredProductAreas: ['intune'] },
    ]);
  });

  it('does not count an engineer who can carry no ticket', () => {
    const apacIntune = coverageGaps(followTheSun, queue(['intune']), '2026-11-23T02:00:00.000Z', '2026-11-23T03:00:00.000Z');
    expect(apacIntune).toHaveLength(1);
  });

  it('names which product areas are uncovered in each stretch', () => {
    const gaps = coverageGaps(followTheSun, queue(['entra-id', 'intune']), '2026-11-23T06:00:00.000Z', '2026-11-23T18:00:00.000Z');
    expect(gaps).toEqual([
      { from: '2026-11-23T06:00:00.000Z', to: '2026-11-23T08:00:00.000Z', uncoveredProductAreas: ['intune'] },
      { from: '2026-11-23T17:00:00.000Z', to: '2026-11-23T18:00:00.000Z', uncoveredProductAreas: ['intune'] },
    ]);
  });

  it('opens a gap on a region holiday', () => {
    const gaps = coverageGaps(withHolidays(followTheSun, 'EMEA', ['2026-12-25']), queue(['exchange']), '2026-12-25T00:00:00.000Z', '2026-12-26T00:00:00.000Z');
    // APAC works until 09:00 UTC and AMER from 16:00 UTC; nobody between.
    expect(gaps).toEqual([{ from: '2026-12-25T09:00:00.000Z', to: '2026-12-25T16:00:00.000Z', uncoveredProductAreas: ['exchange'] }]);
  });

  it('reports the whole window when nobody has the skill, and nothing for an empty window', () => {
    const noEngineers = RosterSchema.parse({ ...followTheSun, engineers: [] });
    expect(coverageGaps(noEngineers, queue(['exchange']), '2026-11-23T00:00:00.000Z', '2026-11-23T12:00:00.000Z')).toEqual([
      { from: '2026-11-23T00:00:00.000Z', to: '2026-11-23T12:00:00.000Z', uncoveredProductAreas: ['exchange'] },
    ]);
    expect(coverageGaps(noEngineers, queue(['exchange']), '2026-11-23T12:00:00.000Z', '2026-11-23T12:00:00.000Z')).toEqual([]);
  });

  it('counts engineers on call for a 24x7 queue, and only shifts for a business-hours queue', () => {
    // Eva, EMEA's intune engineer, is on call on Monday evenings until 20:00 UTC.
    const evaOnCall = withEvaOnCall(followTheSun);
    const monday = ['2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z'] as const;
    expect(coverageGaps(evaOnCall, queue(['intune']), ...monday)).toEqual([
      { from: '2026-11-23T00:00:00.000Z', to: '2026-11-23T08:00:00.000Z', uncoveredProductAreas: ['intune'] },
      { from: '2026-11-23T20:00:00.000Z', to: '2026-11-24T00:00:00.000Z', uncoveredProductAreas: ['intune'] },
    ]);
    expect(coverageGaps(evaOnCall, queue(['intune'], 'business-hours'), ...monday)).toEqual(coverageGaps(followTheSun, queue(['intune']), ...monday));
  });

  it('closes a holiday gap with holiday cover', () => {
    const emeaHoliday = withEvaOnCall(withHolidays(followTheSun, 'EMEA', ['2026-12-25']), ['2026-12-25']);
    const gaps = coverageGaps(emeaHoliday, queue(['exchange']), '2026-12-25T00:00:00.000Z', '2026-12-26T00:00:00.000Z');
    // Eva covers 10:00–14:00 UTC of the 09:00–16:00 gap between APAC and AMER.
    expect(gaps).toEqual([
      { from: '2026-12-25T09:00:00.000Z', to: '2026-12-25T10:00:00.000Z', uncoveredProductAreas: ['exchange'] },
      { from: '2026-12-25T14:00:00.000Z', to: '2026-12-25T16:00:00.000Z', uncoveredProductAreas: ['exchange'] },
    ]);
  });

  it('splits a gap where the set of uncovered product areas changes, listing them in the queue’s order', () => {
    // On EMEA's holiday nobody has intune all day; exchange is uncovered between APAC (until 09:00 UTC) and AMER (from 16:00 UTC).
    const gaps = coverageGaps(withHolidays(followTheSun, 'EMEA', ['2026-12-25']), queue(['exchange', 'intune']), '2026-12-25T00:00:00.000Z', '2026-12-26T00:00:00.000Z');
    expect(gaps).toEqual([
      { from: '2026-12-25T00:00:00.000Z', to: '2026-12-25T09:00:00.000Z', uncoveredProductAreas: ['intune'] },
      { from: '2026-12-25T09:00:00.000Z', to: '2026-12-25T16:00:00.000Z', uncoveredProductAreas: ['exchange', 'intune'] },
      { from: '2026-12-25T16:00:00.000Z', to: '2026-12-26T00:00:00.000Z', uncoveredProductAreas: ['intune'] },
    ]);
  });
});

