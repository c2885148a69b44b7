/**
 * Where the current cycle of each SLA metric starts and what stopped it, read from the SLA
 * history as it stood at `now` (later entries are ignored, so any past moment can be replayed).
 */
import type { SlaHistory } from './sla-history';
import type { SlaMetric } from './sla-clock';

/** What stopped a cycle: the first response, or closure. */
export type CycleStop = { readonly at: number };

/** `start` is absent while the metric has not started (next update before the first response). */
export type MetricCycle = { readonly metric: SlaMetric; readonly start?: number; readonly stop?: CycleStop };

export function metricCycles(history: SlaHistory, nowMs: number): [MetricCycle, MetricCycle, MetricCycle] {
  const openedAt = Date.parse(history.openedAt);
  // Entries from before the current cycle (an earlier life of a reopened ticket) or after now do not count.
  const inCycle = (instant: number): boolean => instant >= openedAt && instant <= nowMs;
  // Stryker disable next-line ConditionalExpression: Date.parse(undefined) is NaN, which no instant comparison lets in, so the check is for the type
  const closedAt = history.closedAt === undefined ? undefined : Date.parse(history.closedAt);
  // Stryker disable next-line ConditionalExpression: Date.parse(undefined) is NaN, which no instant comparison lets in, so the check is for the type
  const closure: CycleStop | undefined = closedAt !== undefined && inCycle(closedAt) ? { at: closedAt } : undefined;
  // Nothing that happens after closure moves a clock: the closure stopped them all.
  const beforeClosure = (instant: number): boolean => inCycle(instant) && (closure === undefined || instant <= closure.at);

  const updates = history.customerVisibleUpdates.map(Date.parse).filter(beforeClosure);
  const replies = history.customerReplies.map(Date.parse).filter(beforeClosure);
  // Stryker disable next-line ConditionalExpression: Date.parse(undefined) is NaN, which no instant comparison lets in, so the check is for the type
  const declaredResponse = history.firstResponseAt === undefined ? undefined : Date.parse(history.firstResponseAt);
  // Stryker disable next-line ConditionalExpression: Date.parse(undefined) is NaN, which no instant comparison lets in, so the check is for the type
  const firstResponse = declaredResponse !== undefined && beforeClosure(declaredResponse) ? declaredResponse : earliest(updates);

  const firstResponseCycle: MetricCycle = {
    metric: 'first-response',
    start: openedAt,
    stop: firstResponse !== undefined ? { at: firstResponse } : closure,
  };
  const resolutionCycle: MetricCycle = { metric: 'resolution', start: openedAt, stop: closure };
  if (firstResponse === undefined) {
    return [firstResponseCycle, { metric: 'next-update' }, resolutionCycle];
  }
  // The first response, each later update the customer sees and each later customer reply start a
  // new cadence cycle; the latest one is current (so anything from before the first response never
  // is), and only closure can stop it (the next update would start another).
  const nextUpdateCycle: MetricCycle = { metric: 'next-update', start: Math.max(firstResponse, ...updates, ...replies), stop: closure };
  return [firstResponseCycle, nextUpdateCycle, resolutionCycle];
}

function earliest(instants: readonly number[]): number | undefined {
  return instants.length === 0 ? undefined : Math.min(...instants);
}
