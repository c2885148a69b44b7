/**
 * The durable lifecycle of one ticket (instance id = ticket number): turns of "reconcile from the
 * store, then sleep until the ticket changes or its agenda's next instant", from validation (the
 * first item a received ticket's agenda has due) to the end. The orchestrator only sequences; the
 * agenda (shared/domain/agenda) decides, the activities act.
 */
import * as df from 'durable-functions';
import type { ActivityHandler, OrchestrationContext, OrchestrationHandler, Task } from 'durable-functions';
import type { InvocationContext } from '@azure/functions';
import { eventLog } from '../shared/logging/structured-log';
import { logAppendedEvents } from '../shared/orchestration/appended-events-log';
import { TicketChangeSignals } from '../shared/orchestration/change-signals';
import {
  LifecycleRunSchema,
  LifecycleStepSchema,
  ReconcileOutcomeSchema,
  ValidationOutcomeSchema,
  VendorCaseFailureSchema,
  VendorCaseOutcomeSchema,
  type LifecycleStatus,
  type LifecycleStep,
} from '../shared/orchestration/lifecycle-messages';
import { lifecyclePorts } from '../shared/orchestration/lifecycle-ports';
import { raiseVendorCase, recordVendorCaseFailure } from '../shared/vendor/raise-vendor-case';
import { reconcileTicket } from '../shared/orchestration/reconcile-ticket';
import { validateTicketStep } from '../shared/orchestration/validate-ticket-step';
import { TICKET_LIFECYCLE_ORCHESTRATION, VALIDATION_IN_TURNS_REVISION } from '../shared/orchestration/lifecycle-names';

/** History stays small: after this many turns the orchestration starts afresh from the store. */
export const TURNS_PER_EXECUTION = 50;

/** A store outage: retried a few times over about a minute before the orchestration fails (the watchdog restarts it). */
const STORE_RETRY = retryOptions(5_000, 5, 30_000);
/** A vendor outage: retried with backoff for about a quarter of an hour, then recorded as a failed escalation. */
const VENDOR_RETRY = retryOptions(30_000, 6, 10 * 60_000);

function retryOptions(firstMs: number, attempts: number, maxIntervalMs: number): df.RetryOptions {
  const options = new df.RetryOptions(firstMs, attempts);
  options.backoffCoefficient = 2;
  options.maxRetryIntervalInMilliseconds = maxIntervalMs;
  return options;
}

const activity = (name: string, handler: ActivityHandler) => df.app.activity(name, { handler });

const reconcile = activity('reconcileTicket', async (input: unknown, context: InvocationContext) => {
  const step = LifecycleStepSchema.parse(input);
  const outcome = ReconcileOutcomeSchema.parse(await reconcileTicket(lifecyclePorts(), step));
  logAppendedEvents(eventLog(context, { ticketNumber: step.ticketNumber }), outcome.applied);
  return outcome;
});
/** Kept for lifecycles started before revision 2, whose histories begin with it (see validate-ticket-step). */
const validateTicket = activity('validateTicket', async (input: unknown, context: InvocationContext) => {
  const step = LifecycleStepSchema.parse(input);
  const { verdict, turn } = await validateTicketStep(lifecyclePorts(), step);
  logAppendedEvents(eventLog(context, { ticketNumber: step.ticketNumber }), turn.applied);
  return ValidationOutcomeSchema.parse(verdict);
});
const raiseCase = activity('raiseVendorCase', async (input: unknown) =>
  VendorCaseOutcomeSchema.parse(await raiseVendorCase(lifecyclePorts(), LifecycleStepSchema.parse(input))),
);
const recordCaseFailure = activity('recordVendorCaseFailure', async (input: unknown) =>
  VendorCaseOutcomeSchema.parse(await recordVendorCaseFailure(lifecyclePorts(), VendorCaseFailureSchema.parse(input))),
);

const ticketLifecycle: OrchestrationHandler = function* (context: OrchestrationContext): Generator<Task, string | undefined, unknown> {
  const { ticketNumber, turn: startTurn = 0, revision = 1 } = LifecycleRunSchema.parse(context.df.getInput());
  const step = (): LifecycleStep => ({ ticketNumber, now: context.df.currentUtcDateTime.toISOString() });

  // Started before validation became the agenda's first item: its history begins with this step.
  if (startTurn === 0 && revision < VALIDATION_IN_TURNS_REVISION) {
    const validation = ValidationOutcomeSchema.parse(yield validateTicket(step()).withRetry(STORE_RETRY));
    if (validation.outcome !== 'accepted') return validation.outcome;
  }

  const signals = new TicketChangeSignals(context);
  let caseJustRaised = false;
  for (let turn = startTurn; ; turn += 1) {
    const outcome = ReconcileOutcomeSchema.parse(yield reconcile(step()).withRetry(STORE_RETRY));
    const status: LifecycleStatus = { turn, status: outcome.status, ...(outcome.nextWakeAt === undefined ? {} : { nextWakeAt: outcome.nextWakeAt }) };
    context.df.setCustomStatus(status);
    if (outcome.finished) return outcome.status;

    // Raised right away, then reconciled again: the case id changes what the agenda has due.
    if (outcome.raiseVendorCase && !caseJustRaised) {
      caseJustRaised = true;
      yield* raiseVendorCaseWithRetries(step);
      continue;
    }
    caseJustRaised = false;
    if (signals.arrivedMeanwhile()) continue;

    // Safe despite v3 dropping events around a restart: the next execution reconciles first.
    if (turn + 1 - startTurn >= TURNS_PER_EXECUTION) {
      context.df.continueAsNew({ ticketNumber, turn: turn + 1, revision });
      return undefined;
    }
    yield* signals.untilChangedOr(outcome.nextWakeAt);
  }
};

function* raiseVendorCaseWithRetries(step: () => LifecycleStep): Generator<Task, void, unknown> {
  try {
    VendorCaseOutcomeSchema.parse(yield raiseCase(step()).withRetry(VENDOR_RETRY));
  } catch {
    const reason = `The vendor could not be reached after ${String(VENDOR_RETRY.maxNumberOfAttempts)} attempts; please retry the escalation later.`;
    yield recordCaseFailure({ ...step(), reason }).withRetry(STORE_RETRY);
  }
}

df.app.orchestration(TICKET_LIFECYCLE_ORCHESTRATION, ticketLifecycle);
