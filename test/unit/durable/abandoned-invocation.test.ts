import { runEpisode, type EpisodeRequest } from '../../../infra/local/durable/engine/episode';
import { newExecutionState } from '../../../infra/local/durable/engine/execution-state';
import { runActivity } from '../../../infra/local/durable/runtime/activity-runner';
import { ABANDONED_INVOCATION_ATTEMPTS } from '../../../infra/local/durable/runtime/invoke-again-if-abandoned';
import { ACTIVITY_TRIGGER, FunctionCatalog } from '../../../infra/local/durable/runtime/function-catalog';
import type { FunctionInvoker, RegisteredFunction } from '../../../infra/local/host/extension-contract';
import { WorkerProcessExitedError } from '../../../infra/local/host/worker/worker-process';

const DAY = 86_400_000;

function episodeRequest(): EpisodeRequest {
  const state = newExecutionState({ instanceId: 'BTN-1', name: 'ticketLifecycle', executionId: 'e1', generation: 0, input: '{}', now: 0 });
  return { state, history: [], batch: [], now: 0, timers: { maximumShortTimerMs: 6 * DAY, longRunningTimerIntervalMs: 3 * DAY } };
}

const workerDied = (): Error => new WorkerProcessExitedError(4242, 'SIGKILL', 'ticketLifecycle');

const activity: RegisteredFunction = { name: 'sendEmail', triggerType: ACTIVITY_TRIGGER, bindings: {}, metadata: {} };
const catalog = new FunctionCatalog([activity]);

/** An invoker whose first `failures` calls end as the given error, then answers `result`. */
function invokerFailing(failures: number, error: () => Error, result: unknown = 'sent'): FunctionInvoker & { calls: number } {
  const invoker = {
    calls: 0,
    invoke: async (): Promise<unknown> => {
      invoker.calls += 1;
      if (invoker.calls <= failures) throw error();
      return result;
    },
  };
  return invoker;
}

describe('an orchestrator episode whose worker process died', () => {
  it('is abandoned, recording nothing, so the engine runs it again with the same messages', async () => {
    await expect(runEpisode(episodeRequest(), () => Promise.reject(workerDied()))).rejects.toThrow(WorkerProcessExitedError);
  });

  it('differs from an orchestrator that throws, which fails the instance', async () => {
    const outcome = await runEpisode(episodeRequest(), () => Promise.reject(new Error('the orchestrator broke')));
    expect(outcome.state.status).toBe('Failed');
  });
});

describe('an activity whose worker process died', () => {
  it('runs again and completes, as Azure puts the work item back on its queue', async () => {
    const invoker = invokerFailing(2, workerDied);
    const message = await runActivity({ executionId: 'e1', taskId: 0, name: 'sendEmail', input: '{}' }, catalog, invoker);
    expect(message).toMatchObject({ kind: 'taskCompleted', result: '"sent"' });
    expect(invoker.calls).toBe(3);
  });

  it('fails after a bounded number of attempts when every worker keeps dying', async () => {
    const invoker = invokerFailing(Number.MAX_SAFE_INTEGER, workerDied);
    const message = await runActivity({ executionId: 'e1', taskId: 0, name: 'sendEmail', input: '{}' }, catalog, invoker);
    expect(message).toMatchObject({ kind: 'taskFailed' });
    expect(invoker.calls).toBe(ABANDONED_INVOCATION_ATTEMPTS);
  }, 20_000);

  it('is not run again when the activity itself throws', async () => {
    const invoker = invokerFailing(1, () => new Error('mailbox full'));
    const message = await runActivity({ executionId: 'e1', taskId: 0, name: 'sendEmail', input: '{}' }, catalog, invoker);
    expect(message).toMatchObject({ kind: 'taskFailed' });
    expect(invoker.calls).toBe(1);
  });
});
