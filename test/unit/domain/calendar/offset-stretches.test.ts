import { offsetAt, offsetStretchesBetween } from '../../../../shared/domain/calendar/offset-stretches';

const HOUR_MS = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

describe('a time zone\'s stretches of constant offset', () => {
  it('ends a stretch exactly at each change of offset in the year, and nowhere else', () => {
    const stretches = offsetStretchesBetween('Europe/Paris', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'));
    expect(stretches.map((stretch) => stretch.offsetMs / HOUR_MS)).toEqual([1, 2, 1]);
    expect(stretches.slice(1).map((stretch) => new Date(stretch.start).toISOString())).toEqual(['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z']);
  });

  it('covers any window without a gap, however the window falls on the remembered blocks', () => {
    const windows = [
      [at('2026-02-27T13:00:00Z'), at('2026-05-02T07:00:00Z')],
      [at('2026-12-30T00:00:00Z'), at('2027-01-03T00:00:00Z')],
      [at('2026-04-01T00:00:00Z'), at('2026-04-01T00:00:00.001Z')],
    ] as const;
    for (const [start, end] of windows) {
      const stretches = offsetStretchesBetween('America/New_York', start, end);
      expect(stretches[0]?.start).toBeLessThanOrEqual(start);
      expect(stretches[stretches.length - 1]?.end).toBeGreaterThanOrEqual(end);
      stretches.slice(1).forEach((stretch, index) => {
        expect(stretch.start).toBe(stretches[index]?.end);
        expect(stretch.offsetMs).not.toBe(stretches[index]?.offsetMs);
      });
    }
  });

  it('gives exactly the stretch a window covers, not its neighbours that end or begin at its edges', () => {
    const summer = offsetStretchesBetween('Europe/Paris', at('2026-03-29T01:00:00Z'), at('2026-10-25T01:00:00Z'));
    expect(summer).toEqual([{ start: at('2026-03-29T01:00:00Z'), end: at('2026-10-25T01:00:00Z'), offsetMs: 2 * HOUR_MS }]);
  });

  it('gives the offset luxon gives on either side of a change', () => {
    expect(offsetAt('Australia/Sydney', at('2026-04-04T15:59:59.999Z')) / HOUR_MS).toBe(11);
    expect(offsetAt('Australia/Sydney', at('2026-04-04T16:00:00.000Z')) / HOUR_MS).toBe(10);
    expect(offsetAt('Asia/Kolkata', at('2026-07-01T00:00:00Z')) / HOUR_MS).toBe(5.5);
  });
});
