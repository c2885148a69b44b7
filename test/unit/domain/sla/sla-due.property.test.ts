import fc from 'fast-check';
import { CalendarSchema } from '../../../../shared/domain/calendar/calendar';
import { slaClocks } from '../../../../shared/domain/sla/sla-clocks';
import { SlaHistorySchema, type SlaPauseReason } from '../../../../shared/domain/sla/sla-history';
import { SlaPolicySchema } from '../../../../shared/domain/sla/sla-policy';
import { anchorDate, businessCalendar, holidaysNear, instantNear, pausesAfter } from '../calendar/support/calendar-arbitraries';
import { naiveWorkingMinuteEnds } from '../calendar/support/naive-business-time';

const MINUTE = 60_000;
const MAX_NAIVE_MINUTES = 36 * 60;
const iso = (ms: number): string => new Date(ms).toISOString();
const always = CalendarSchema.parse({ id: 'always', kind: '24x7' });

const reason = fc.constantFrom<SlaPauseReason>('awaiting-customer', 'awaiting-vendor', 'resolution-proposed');

const scenario = anchorDate
  .chain((anchor) =>
    fc.record({
      calendar: fc.oneof({ weight: 4, arbitrary: businessCalendar(holidaysNear(anchor)) }, { weight: 1, arbitrary: fc.constant(always) }),
      openedAt: instantNear(anchor),
      severity: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
      firstResponseMinutes: fc.integer({ min: 1, max: 180 }),
      resolutionMinutes: fc.integer({ min: 1, max: 240 }),
      pauseWhileAwaitingVendor: fc.boolean(),
      lastPauseStillOpen: fc.boolean(),
    }),
  )
  .chain((base) =>
    pausesAfter(base.openedAt, 24 * 60)
      .chain((spans) => fc.tuple(fc.constant(spans), fc.array(reason, { minLength: spans.length, maxLength: spans.length })))
      .map(([spans, reasons]) => ({ ...base, pauses: spans.map((span, index) => ({ ...span, reason: reasons[index] ?? 'awaiting-customer' })) })),
  );

describe('SLA due instants', () => {
  it('agree with a naive minute-by-minute walk over random calendars, zones, holidays and pauses', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const { calendar, openedAt, severity, pauses } = input;
        const target = { firstResponseMinutes: input.firstResponseMinutes, nextUpdateMinutes: 60, resolutionMinutes: input.resolutionMinutes, calendarId: calendar.id };
        const policy = SlaPolicySchema.parse({
          id: 'random',
          name: 'Random',
          targets: { A: target, B: target, C: target },
          pauseWhileAwaitingVendor: input.pauseWhileAwaitingVendor,
        });
        // Evaluate once every pause has begun; the last one may still be open, ending "now".
        const now = Math.max(openedAt, ...pauses.map((pause) => pause.end));
        const lastIndex = pauses.reduce((latest, pause, index) => (pause.end === now ? index : latest), -1);
        const history = SlaHistorySchema.parse({
          openedAt: iso(openedAt),
          severity,
          pauses: pauses.map((pause, index) => ({
            from: iso(pause.start),
            ...(input.lastPauseStillOpen && index === lastIndex ? {} : { to: iso(pause.end) }),
            reason: pause.reason,
          })),
        });
        const result = slaClocks({ history, policy, calendars: [calendar], now: iso(now) });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const [firstResponse, , resolution] = result.clocks;

        const stopping = pauses.filter((pause) => pause.reason !== 'awaiting-vendor' || input.pauseWhileAwaitingVendor);
        const workingMinuteEnds = naiveWorkingMinuteEnds(calendar, openedAt, stopping, MAX_NAIVE_MINUTES, Math.max(input.firstResponseMinutes, input.resolutionMinutes));
        for (const [clock, minutes] of [[firstResponse, input.firstResponseMinutes], [resolution, input.resolutionMinutes]] as const) {
          const naiveDue = workingMinuteEnds[minutes - 1];
          if (naiveDue === undefined) {
            expect(clock.dueAt === undefined || Date.parse(clock.dueAt) > openedAt + MAX_NAIVE_MINUTES * MINUTE).toBe(true);
          } else {
            expect(clock.dueAt).toBe(iso(naiveDue));
            expect(clock.state === 'breached').toBe(now >= naiveDue);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
