/**
 * Turns SLA clocks into alerts: which warnings and breaches are due now and not yet raised, and
 * when the next one falls due, so the orchestrator sleeps on one timer and raises each alert once.
 */
import type { Instant } from '../primitives';
import { type SlaAlert, type SlaAlertKind, type SlaClock, slaAlertKey } from './sla-clock';

/**
 * Only a clock still counting can raise alerts: a met or stopped metric raises nothing, and a
 * paused one only what had already fallen due before it paused (its instants are projections).
 * A clock that has not started has no instants, so it raises nothing either.
 */
const isLive = (clock: SlaClock): boolean => clock.stoppedAt === undefined;

/**
 * Warnings and breaches whose instant has passed and whose key is not among those raised. When the
 * breach has passed too, the warning is skipped: it would only arrive after the breach it announces.
 */
export function dueSlaAlerts(clocks: readonly SlaClock[], alreadyRaisedKeys: Iterable<string>, now: Instant): SlaAlert[] {
  const raised = new Set(alreadyRaisedKeys);
  const nowMs = Date.parse(now);
  const alerts: SlaAlert[] = [];
  for (const clock of clocks.filter(isLive)) {
    if (hasCome(clock.dueAt, nowMs)) {
      pushUnraised(alerts, raised, clock, 'breach', clock.dueAt);
    } else if (hasCome(clock.warningAt, nowMs)) {
      pushUnraised(alerts, raised, clock, 'warning', clock.warningAt);
    }
  }
  return alerts;
}

/** The earliest warning or breach still to come on a running clock; paused clocks wait for their resume. */
export function nextSlaInstant(clocks: readonly SlaClock[], alreadyRaisedKeys: Iterable<string>, now: Instant): Instant | undefined {
  const raised = new Set(alreadyRaisedKeys);
  const nowMs = Date.parse(now);
  const upcoming = clocks
    .filter((clock) => isLive(clock) && clock.state !== 'paused')
    .flatMap((clock) => [
      { key: slaAlertKey(clock.metric, clock.cycleId, 'warning'), at: clock.warningAt },
      { key: slaAlertKey(clock.metric, clock.cycleId, 'breach'), at: clock.dueAt },
    ])
    .filter(({ key }) => !raised.has(key))
    .flatMap(({ at }) => {
      // Stryker disable next-line ConditionalExpression: without the check Date.parse(undefined) is NaN, which is never > now
      return at !== undefined && Date.parse(at) > nowMs ? [Date.parse(at)] : [];
    });
  return upcoming.length === 0 ? undefined : new Date(Math.min(...upcoming)).toISOString();
}

/** Whether an alert's instant is set and has come by `nowMs`. */
function hasCome(at: Instant | undefined, nowMs: number): at is Instant {
  // Stryker disable next-line ConditionalExpression: without the check Date.parse(undefined) is NaN, which is never <= now
  return at !== undefined && Date.parse(at) <= nowMs;
}

function pushUnraised(alerts: SlaAlert[], raised: ReadonlySet<string>, clock: SlaClock, kind: SlaAlertKind, at: Instant): void {
  const key = slaAlertKey(clock.metric, clock.cycleId, kind);
  if (raised.has(key)) return;
  const what = kind === 'breach' ? 'breached' : 'nearing its target';
  alerts.push({ kind, metric: clock.metric, cycleId: clock.cycleId, key, dueAt: at, explanation: `SLA ${what}. ${clock.explanation}` });
}
