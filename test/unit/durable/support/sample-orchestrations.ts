/**
 * Small orchestrations registered through durable-functions' own `df.app`, each exercising one
 * Durable behaviour the episode logic must reproduce.
 */
import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';

const HOUR = 3_600_000;

export const failures = { remainingFlakyFailures: 0 };

df.app.activity('greet', { handler: (name: unknown) => `Hello ${String(name)}` });
df.app.activity('explode', {
  handler: () => {
    throw new Error('vendor API unreachable');
  },
});
df.app.activity('flaky', {
  handler: () => {
    if (failures.remainingFlakyFailures > 0) {
      failures.remainingFlakyFailures -= 1;
      throw new Error('try again');
    }
    return 'finally';
  },
});

const sequence: OrchestrationHandler = function* (context: OrchestrationContext) {
  const first: unknown = yield context.df.callActivity('greet', 'Tokyo');
  const second: unknown = yield context.df.callActivity('greet', 'London');
  return [first, second];
};
df.app.orchestration('sequence', sequence);

/** Waits for approval or a four-hour deadline, and cancels the losing timer. */
const approvalRace: OrchestrationHandler = function* (context: OrchestrationContext) {
  const deadline = new Date(context.df.currentUtcDateTime.getTime() + 4 * HOUR);
  const timer = context.df.createTimer(deadline);
  const approval = context.df.waitForExternalEvent('approval');
  const winner: unknown = yield context.df.Task.any([approval, timer]);
  if (winner === approval) {
    timer.cancel();
    const greeting: unknown = yield context.df.callActivity('greet', approval.result);
    return greeting;
  }
  return 'timed out';
};
df.app.orchestration('approvalRace', approvalRace);

/** Does work first, then waits for an event that may well have arrived already. */
const lateWaiter: OrchestrationHandler = function* (context: OrchestrationContext) {
  yield context.df.callActivity('greet', 'first');
  const answer: unknown = yield context.df.waitForExternalEvent('answer');
  return answer;
};
df.app.orchestration('lateWaiter', lateWaiter);

const catchesFailure: OrchestrationHandler = function* (context: OrchestrationContext) {
  try {
    yield context.df.callActivity('explode');
    return 'not reached';
  } catch (error) {
    return `caught: ${error instanceof Error ? error.message : String(error)}`;
  }
};
df.app.orchestration('catchesFailure', catchesFailure);

const retries: OrchestrationHandler = function* (context: OrchestrationContext) {
  const options = new df.RetryOptions(1000, 4);
  options.backoffCoefficient = 2;
  options.maxRetryIntervalInMilliseconds = 3000;
  try {
    const result: unknown = yield context.df.callActivityWithRetry('flaky', options);
    return result;
  } catch {
    return 'gave up';
  }
};
df.app.orchestration('retries', retries);

const counter: OrchestrationHandler = function* (context: OrchestrationContext) {
  const count = Number(context.df.getInput());
  if (count >= 3) return count;
  yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + HOUR));
  context.df.continueAsNew(count + 1);
  return undefined;
};
df.app.orchestration('counter', counter);

const parent: OrchestrationHandler = function* (context: OrchestrationContext) {
  context.df.setCustomStatus({ stage: 'delegating' });
  const child: unknown = yield context.df.callSubOrchestrator('sequence', undefined, `${context.df.instanceId}-child`);
  context.df.setCustomStatus({ stage: 'done' });
  return child;
};
df.app.orchestration('parent', parent);

const longWait: OrchestrationHandler = function* (context: OrchestrationContext) {
  yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 10 * 24 * HOUR));
  return context.df.currentUtcDateTime.toISOString();
};
df.app.orchestration('longWait', longWait);

const failsItself: OrchestrationHandler = function* (context: OrchestrationContext) {
  yield context.df.callActivity('greet', 'x');
  throw new Error('ticket schema invalid');
};
df.app.orchestration('failsItself', failsItself);

const fanOut: OrchestrationHandler = function* (context: OrchestrationContext) {
  const names = ['a', 'b', 'c'];
  const results: unknown = yield context.df.Task.all(names.map((name) => context.df.callActivity('greet', name)));
  return results;
};
df.app.orchestration('fanOut', fanOut);
