/**
 * Which waits stop the SLA clocks: waiting on the customer (including for them to confirm a
 * proposed resolution) always does, waiting on the vendor only when the policy says so.
 */
import { type TimeSpan, mergeSpans } from '../calendar/time-span';
import type { SlaPause, SlaPauseReason } from './sla-history';
import type { SlaPolicy } from './sla-policy';

export type EffectivePauses = {
  /** Merged spans as they stood at `now`: a pause still open ends at `now` for projections. */
  readonly spans: TimeSpan[];
  /** Why the clocks stand still at `now`, if they do. */
  readonly pausedNowBy?: SlaPauseReason;
};

export function stopsTheClock(reason: SlaPauseReason, policy: SlaPolicy): boolean {
  return reason !== 'awaiting-vendor' || policy.pauseWhileAwaitingVendor;
}

export function effectivePauses(pauses: readonly SlaPause[], policy: SlaPolicy, nowMs: number): EffectivePauses {
  const counted = pauses.filter((pause) => stopsTheClock(pause.reason, policy) && Date.parse(pause.from) <= nowMs);
  const spans = mergeSpans(
    counted.map((pause) => ({ start: Date.parse(pause.from), end: Math.min(pause.to === undefined ? nowMs : Date.parse(pause.to), nowMs) })),
  );
  const current = counted.find((pause) => pause.to === undefined || Date.parse(pause.to) > nowMs);
  return current === undefined ? { spans } : { spans, pausedNowBy: current.reason };
}
