/**
 * The SLA engine: from a ticket's SLA history, its policy and the calendars, the three clocks
 * (first response, next update, resolution) as they stand at `now`. Targets always come from the
 * current severity, measured from the original start, so a severity change keeps paused time.
 */
import type { Calendar } from '../calendar/calendar';
import type { Instant } from '../primitives';
import { effectivePauses } from './effective-pauses';
import { metricClock } from './metric-clock';
import { metricCycles } from './metric-cycles';
import type { SlaClock, SlaMetric } from './sla-clock';
import type { SlaHistory } from './sla-history';
import type { SlaPolicy, SlaTarget } from './sla-policy';

export type SlaClocksInput = {
  readonly history: SlaHistory;
  readonly policy: SlaPolicy;
  readonly calendars: readonly Calendar[];
  readonly now: Instant;
};

export type SlaClocksResult =
  | { readonly ok: true; readonly clocks: readonly [SlaClock, SlaClock, SlaClock] }
  | { readonly ok: false; readonly reason: 'unknown-calendar'; readonly calendarId: string; readonly policyId: string };

const TARGET_MINUTES: Record<SlaMetric, (target: SlaTarget) => number> = {
  'first-response': (target) => target.firstResponseMinutes,
  'next-update': (target) => target.nextUpdateMinutes,
  resolution: (target) => target.resolutionMinutes,
};

export function slaClocks({ history, policy, calendars, now }: SlaClocksInput): SlaClocksResult {
  const target = policy.targets[history.severity];
  const calendar = calendars.find((candidate) => candidate.id === target.calendarId);
  if (calendar === undefined) return { ok: false, reason: 'unknown-calendar', calendarId: target.calendarId, policyId: policy.id };
  const nowMs = Date.parse(now);
  const pauses = effectivePauses(history.pauses, policy, nowMs);
  // Stryker disable next-line ConditionalExpression: Date.parse(undefined) is NaN, which no instant comparison lets in, so the check is for the type
  const severitySinceMs = history.severitySince === undefined ? undefined : Date.parse(history.severitySince);
  const clockOf = (cycle: ReturnType<typeof metricCycles>[number]): SlaClock =>
    metricClock({
      cycle,
      severity: history.severity,
      severitySinceMs,
      targetMinutes: TARGET_MINUTES[cycle.metric](target),
      warningFraction: policy.warningFraction,
      calendar,
      pauses,
      nowMs,
    });
  const [firstResponse, nextUpdate, resolution] = metricCycles(history, nowMs);
  return { ok: true, clocks: [clockOf(firstResponse), clockOf(nextUpdate), clockOf(resolution)] };
}
