/**
 * Builds one episode of an orchestration the way the Durable extension's replay of the
 * out-of-process actions would: incoming messages become history events (and the extension's own
 * continuations: retry timers, next attempts, long-timer slices), new actions become scheduling
 * events with task ids in the order the library numbers its tasks, and the execution may end.
 */
import { historyEvents, OrchestrationStatusCode, type HistoryEvent } from '../protocol/history-events';
import { hasAttemptAfter, retryDelay } from '../protocol/retry-policy';
import type { ExecutionState, OpenTask, TaskWithRetry } from './execution-state';
import { taskAwaiting, type OrchestrationMessage } from './orchestration-messages';
import { noEffects, type EpisodeEffects } from './episode-effects';
import { applyActions, type ActionTarget } from './action-replay';
import type { LeafAction } from '../protocol/orchestrator-state';

export interface TimerSettings {
  /** Timers further out than this are split into slices (durable-functions' maximumShortTimerDuration). */
  readonly maximumShortTimerMs: number;
  /** Length of each slice of a long timer (longRunningTimerIntervalDuration). */
  readonly longRunningTimerIntervalMs: number;
}


/** A copy the episode may change freely (the state is plain data; tasks are the mutable part). */
function copyState(base: ExecutionState): ExecutionState {
  return {
    ...base,
    openTasks: base.openTasks.map((task) => ({ ...task })),
    outbox: [...base.outbox],
  };
}

/** Whether the task is currently waiting on a timer this emulator armed. */
function armsTimer(task: OpenTask): boolean {
  if (task.kind === 'timer') return true;
  if (task.kind === 'activity' || task.kind === 'subOrchestration') return task.retry?.waitingOnDelay ?? false;
  return false;
}

export class EpisodeBuilder implements ActionTarget {
  readonly state: ExecutionState;
  readonly incoming: HistoryEvent[] = [];
  readonly scheduled: HistoryEvent[] = [];
  readonly closing: HistoryEvent[] = [];
  readonly effects: EpisodeEffects = noEffects();
  readonly warnings: string[] = [];
  /** Whether any incoming event can let the orchestrator's code move on (else replaying is moot). */
  mayResumeCode = false;
  continueAsNewInput: { readonly input: string | undefined } | undefined;

  constructor(
    base: ExecutionState,
    readonly now: number,
    readonly timers: TimerSettings,
  ) {
    this.state = copyState(base);
  }

  startExecution(): void {
    const state = this.state;
    this.incoming.push(
      historyEvents.executionStarted(this.now, {
        name: state.name,
        input: state.input,
        instanceId: state.instanceId,
        executionId: state.executionId,
        ...(state.parent ? { parent: state.parent } : {}),
      }),
    );
    state.started = true;
    state.status = 'Running';
    this.mayResumeCode = true;
  }

  applyMessage(message: OrchestrationMessage): void {
    const now = this.now;
    switch (message.kind) {
      case 'eventRaised':
        this.incoming.push(historyEvents.eventRaised(now, message.name, message.input));
        this.mayResumeCode = true;
        return;
      case 'suspend':
        this.incoming.push(historyEvents.executionSuspended(now, message.reason));
        this.state.status = 'Suspended';
        return;
      case 'resume':
        this.incoming.push(historyEvents.executionResumed(now, message.reason));
        this.state.status = 'Running';
        return;
      case 'terminate':
        this.terminate(message.reason);
        return;
      default:
        this.applyCompletion(message);
    }
  }

  private applyCompletion(message: OrchestrationMessage): void {
    const now = this.now;
    const task = taskAwaiting(this.state, message);
    if (!task) return;
    switch (message.kind) {
      case 'taskCompleted':
      case 'subOrchestrationCompleted': {
        const completed = message.kind === 'taskCompleted' ? historyEvents.taskCompleted : historyEvents.subOrchestrationCompleted;
        this.incoming.push(completed(now, message.taskId, message.result));
        this.settle(task);
        return;
      }
      case 'taskFailed':
      case 'subOrchestrationFailed': {
        const failed = message.kind === 'taskFailed' ? historyEvents.taskFailed : historyEvents.subOrchestrationFailed;
        this.incoming.push(failed(now, message.taskId, message.reason, message.details));
        this.afterFailure(task);
        return;
      }
      case 'timerFired':
        this.incoming.push(historyEvents.timerFired(now, message.timerId, message.fireAt));
        this.afterTimer(task);
        return;
      case 'entityResponse':
        this.incoming.push(historyEvents.eventRaised(now, message.requestId, message.response));
        this.settle(task);
        return;
      default:
        return;
    }
  }

  nextId(): number {
    const id = this.state.nextEventId;
    this.state.nextEventId = id + 1;
    return id;
  }

  private settle(task: OpenTask): void {
    this.state.openTasks = this.state.openTasks.filter((open) => open !== task);
    this.mayResumeCode = true;
  }

  private afterFailure(task: OpenTask): void {
    if ((task.kind !== 'activity' && task.kind !== 'subOrchestration') || !task.retry) {
      this.settle(task);
      return;
    }
    const retry = task.retry;
    const delay = retryDelay(retry.options, {
      failedAttempt: retry.attempt,
      firstAttemptAt: retry.firstAttemptAt,
      now: this.now,
    });
    if (delay === undefined) {
      // The extension gives up without a timer here; durable-functions v3 keeps waiting for one.
      this.warnings.push(
        `Retry timeout of ${task.name} passed: no further attempt or retry timer is scheduled (as in Azure, the orchestrator waits).`,
      );
      this.settle(task);
      return;
    }
    const timerId = this.nextId();
    task.eventId = timerId;
    task.retry = { ...retry, waitingOnDelay: true };
    this.armTimer(timerId, this.now + delay);
  }

  private afterTimer(task: OpenTask): void {
    if (task.kind === 'timer') {
      if (task.finalFireAt > this.now) {
        const id = this.nextId();
        const next = this.sliceEnd(task.finalFireAt);
        task.eventId = id;
        task.currentFireAt = next;
        this.armTimer(id, next);
      } else {
        this.settle(task);
      }
      return;
    }
    if (task.kind !== 'activity' && task.kind !== 'subOrchestration') return;
    const retry = task.retry;
    if (!retry || !hasAttemptAfter(retry.options, retry.attempt)) {
      this.settle(task);
      return;
    }
    task.retry = { ...retry, attempt: retry.attempt + 1, waitingOnDelay: false };
    this.scheduleAttempt(task);
  }

  sliceEnd(finalFireAt: number): number {
    return finalFireAt - this.now > this.timers.maximumShortTimerMs
      ? this.now + this.timers.longRunningTimerIntervalMs
      : finalFireAt;
  }

  armTimer(timerId: number, fireAt: number): void {
    this.scheduled.push(historyEvents.timerCreated(this.now, timerId, fireAt));
    this.effects.timers.push({ timerId, fireAt });
  }

  /** Schedules the (next) attempt of an activity or child orchestration under a fresh task id. */
  scheduleAttempt(task: TaskWithRetry): void {
    const id = this.nextId();
    task.eventId = id;
    if (task.kind === 'activity') {
      this.scheduled.push(historyEvents.taskScheduled(this.now, id, task.name, task.input));
      this.effects.activities.push({ taskId: id, name: task.name, input: task.input });
      return;
    }
    task.instanceId = task.requestedInstanceId ?? `${this.state.executionId}:${id}`;
    this.scheduled.push(historyEvents.subOrchestrationCreated(this.now, id, task.name, task.instanceId, task.input));
    this.effects.children.push({
      taskId: id,
      instanceId: task.instanceId,
      name: task.name,
      input: task.input,
      version: task.version,
    });
  }

  /** Applies the cumulative action list the orchestrator returned (see action-replay). */
  applyActions(leaves: readonly LeafAction[]): void {
    applyActions(this, leaves);
  }

  private closeExecution(status: ExecutionState['status'], code: number, output: string | undefined): void {
    const state = this.state;
    for (const task of state.openTasks) {
      if (armsTimer(task)) this.effects.cancelledTimers.push(task.eventId);
    }
    state.openTasks = [];
    state.status = status;
    if (output === undefined) delete state.output;
    else state.output = output;
    this.closing.push(historyEvents.executionCompleted(this.now, code, output));
  }

  complete(output: unknown): void {
    this.closeExecution('Completed', OrchestrationStatusCode.Completed, JSON.stringify(output) ?? 'null');
  }

  fail(message: string): void {
    const text = `Orchestrator function '${this.state.name}' failed: ${message}`;
    this.closeExecution('Failed', OrchestrationStatusCode.Failed, JSON.stringify(text));
  }

  terminate(reason: string | undefined): void {
    this.incoming.push(historyEvents.executionTerminated(this.now, reason));
    this.closeExecution('Terminated', OrchestrationStatusCode.Terminated, JSON.stringify(reason ?? ''));
  }

  continueAsNew(input: string | undefined): void {
    const state = this.state;
    for (const task of state.openTasks) {
      if (armsTimer(task)) this.effects.cancelledTimers.push(task.eventId);
    }
    state.openTasks = [];
    state.status = 'ContinuedAsNew';
    this.closing.push(historyEvents.continueAsNew(this.now, input));
  }

  /** The episode's new history: OrchestratorStarted, what came in, what was scheduled, the end. */
  events(): HistoryEvent[] {
    return [
      historyEvents.orchestratorStarted(this.now),
      ...this.incoming,
      ...this.scheduled,
      ...this.closing,
      historyEvents.orchestratorCompleted(this.now),
    ];
  }
}
