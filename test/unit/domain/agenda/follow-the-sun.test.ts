import fc from 'fast-check';
import { shiftOrder } from '../../../../shared/domain/roster/handoff-order';
import { onShift } from '../../../../shared/domain/roster/region-shifts';
import type { Region } from '../../../../shared/domain/primitives';
import { sampleOrg } from '../support/org-fixtures';
import { workAroundTheClock } from './support/round-the-clock';

const org = sampleOrg();
const HOUR_MS = 3_600_000;

const handoffsOf = (receivedAt: string, until: string, productArea?: string): string[] =>
  workAroundTheClock(org, receivedAt, until, productArea).handoffs.map((handoff) => `${handoff.at} ${handoff.fromEngineer.name} (${handoff.fromRegion}) → ${handoff.toEngineer.name} (${handoff.toRegion})`);

/** The region the sun reaches next after `region`, in the order the roster's shifts follow. */
function followerOf(region: Region): Region | undefined {
  const order = shiftOrder(org.roster.regions);
  if (!order.ok) return undefined;
  return order.order[(order.order.indexOf(region) + 1) % order.order.length];
}

describe('follow-the-sun with the sample roster', () => {
  it('follows the order its shifts follow around the clock, which the roster states: APAC → EMEA → AMER', () => {
    expect(org.roster.handoffOrder).toEqual(['APAC', 'EMEA', 'AMER']);
    expect([followerOf('APAC'), followerOf('EMEA'), followerOf('AMER')]).toEqual(['EMEA', 'AMER', 'APAC']);
  });

  it('moves a ticket worked over Easter APAC → EMEA → AMER → APAC at each shift end, on call on the holidays and at the weekend, and an hour later in UTC once Sydney leaves summer time', () => {
    // Thursday 2 April 2026, 12:00 UTC. London is on summer time (06:00–15:00 UTC), New York too
    // (11:00–21:00 UTC); Sydney's day ends at 07:00 UTC until Sunday 5 April, then at 08:00 UTC.
    // Good Friday and Easter Monday are holidays in London and Sydney, covered by engineers on call.
    expect(handoffsOf('2026-04-02T12:00:00.000Z', '2026-04-07T12:00:00.000Z')).toEqual([
      '2026-04-02T15:00:00.000Z Chloé Dubois (EMEA) → María García (AMER)',
      '2026-04-02T21:00:00.000Z María García (AMER) → Mei Lin (APAC)',
      '2026-04-03T07:00:00.000Z Mei Lin (APAC) → Chloé Dubois (EMEA)',
      '2026-04-03T15:00:00.000Z Chloé Dubois (EMEA) → María García (AMER)',
      '2026-04-03T21:00:00.000Z María García (AMER) → Mei Lin (APAC)',
      '2026-04-04T07:00:00.000Z Mei Lin (APAC) → Chloé Dubois (EMEA)',
      '2026-04-04T15:00:00.000Z Chloé Dubois (EMEA) → María García (AMER)',
      '2026-04-04T21:00:00.000Z María García (AMER) → Mei Lin (APAC)',
      '2026-04-05T08:00:00.000Z Mei Lin (APAC) → Chloé Dubois (EMEA)',
      '2026-04-05T15:00:00.000Z Chloé Dubois (EMEA) → María García (AMER)',
      '2026-04-05T21:00:00.000Z María García (AMER) → Mei Lin (APAC)',
      '2026-04-06T08:00:00.000Z Mei Lin (APAC) → Chloé Dubois (EMEA)',
      '2026-04-06T15:00:00.000Z Chloé Dubois (EMEA) → María García (AMER)',
      '2026-04-06T21:00:00.000Z María García (AMER) → Mei Lin (APAC)',
      '2026-04-07T08:00:00.000Z Mei Lin (APAC) → Chloé Dubois (EMEA)',
    ]);
  });

  it('moves a ticket worked over Thanksgiving in the same order, New York’s holiday covered on call', () => {
    // Thursday 26 November 2026, 14:00 UTC: London on shift until 16:00 UTC, New York on call
    // 12:00–22:00 UTC, Sydney from 21:00 UTC (its on-call hour from 20:00).
    expect(handoffsOf('2026-11-26T14:00:00.000Z', '2026-11-27T17:00:00.000Z', 'azure-networking')).toEqual([
      '2026-11-26T16:00:00.000Z Lukas Weber (EMEA) → James Carter (AMER)',
      '2026-11-26T22:00:00.000Z James Carter (AMER) → Kenji Tanaka (APAC)',
      '2026-11-27T07:00:00.000Z Kenji Tanaka (APAC) → Lukas Weber (EMEA)',
      '2026-11-27T16:00:00.000Z Lukas Weber (EMEA) → James Carter (AMER)',
    ]);
  });

  it('at any time of 2026 and 2027, hands a ticket of any round-the-clock product area to the next region in that order, from an engineer going off to one at work', () => {
    const areas = org.queues.filter((queue) => queue.coverage === '24x7').flatMap((queue) => queue.productAreas);
    const hours = fc.integer({ min: 0, max: 2 * 365 * 24 - 1 });
    fc.assert(
      fc.property(hours, fc.constantFrom(...areas), (hour, productArea) => {
        const receivedAt = new Date(Date.parse('2026-01-01T00:00:00.000Z') + hour * HOUR_MS).toISOString();
        const until = new Date(Date.parse(receivedAt) + 30 * HOUR_MS).toISOString();
        const { handoffs } = workAroundTheClock(org, receivedAt, until, productArea);
        // No region works more than eleven hours at a stretch, so thirty hours see at least two handoffs.
        expect(handoffs.length).toBeGreaterThanOrEqual(2);
        for (const handoff of handoffs) {
          expect(handoff.toRegion).toBe(followerOf(handoff.fromRegion));
          expect(onShift(org.roster, handoff.fromEngineer.engineerId, handoff.at, '24x7')).toBe(false);
          expect(onShift(org.roster, handoff.toEngineer.engineerId, handoff.at, '24x7')).toBe(true);
        }
      }),
      { numRuns: 12 },
    );
  });
});
