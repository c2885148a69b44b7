import { onCallSpans } from '../../../../shared/domain/roster/on-call-hours';
import { followTheSun, withRegion } from './support/roster-fixtures';

const at = (iso: string): number => Date.parse(iso);
const isoSpans = (spans: readonly { start: number; end: number }[]) => spans.map((span) => ({ start: new Date(span.start).toISOString(), end: new Date(span.end).toISOString() }));

/** EMEA without shifts, its one on-call group reachable only on holidays (10:00–14:00 in London). */
function holidayCover(holidays: string[]) {
  const onCall = [{ engineerIds: ['eva'], weekly: {}, onHolidays: [{ start: '10:00', end: '14:00' }] }];
  const roster = withRegion(followTheSun, { id: 'EMEA', timeZone: 'Europe/London', shifts: {}, holidays, onCall });
  const region = roster.regions.find((candidate) => candidate.id === 'EMEA');
  const group = region?.onCall[0];
  if (region === undefined || group === undefined) throw new Error('EMEA has its on-call group');
  return { region, group };
}

describe('on-call hours', () => {
  it('opens holiday hours on the holiday only, not on the ordinary days around it', () => {
    const { region, group } = holidayCover(['2026-11-24']);
    expect(isoSpans(onCallSpans(region, group, at('2026-11-22T00:00:00Z'), at('2026-11-27T00:00:00Z')))).toEqual([
      { start: '2026-11-24T10:00:00.000Z', end: '2026-11-24T14:00:00.000Z' },
    ]);
  });

  it('opens none when the holidays lie outside the window', () => {
    const { region, group } = holidayCover(['2026-12-25']);
    expect(onCallSpans(region, group, at('2026-11-22T00:00:00Z'), at('2026-11-27T00:00:00Z'))).toEqual([]);
  });

  it('opens holiday hours on each of several holidays, on London time in summer', () => {
    const { region, group } = holidayCover(['2026-07-01', '2026-07-03']);
    expect(isoSpans(onCallSpans(region, group, at('2026-06-30T00:00:00Z'), at('2026-07-04T00:00:00Z')))).toEqual([
      { start: '2026-07-01T09:00:00.000Z', end: '2026-07-01T13:00:00.000Z' },
      { start: '2026-07-03T09:00:00.000Z', end: '2026-07-03T13:00:00.000Z' },
    ]);
  });
});
