/**
 * Replays the orchestrator's cumulative action list the way the extension replays it onto the
 * Durable Task context: timers it has cancelled since are disarmed, and each action not handled
 * yet is scheduled under the next task id (activities, children, timers, entity messages), or
 * remembered (continue-as-new), or refused when the emulator does not run it.
 */
import { historyEvents, type HistoryEvent } from '../protocol/history-events';
import { ActionType, type LeafAction, type RetryOptions } from '../protocol/orchestrator-state';
import { deterministicGuid, type EpisodeEffects } from './episode-effects';
import type { ExecutionState, TaskWithRetry } from './execution-state';
import { encodedInputText, plainInputText } from './action-inputs';

/** What replaying actions writes into: the episode being built (EpisodeBuilder), seen only as far as the actions reach it. */
export interface ActionTarget {
  readonly state: ExecutionState;
  readonly now: number;
  readonly scheduled: HistoryEvent[];
  readonly effects: EpisodeEffects;
  continueAsNewInput: { readonly input: string | undefined } | undefined;
  nextId(): number;
  sliceEnd(finalFireAt: number): number;
  armTimer(timerId: number, fireAt: number): void;
  scheduleAttempt(task: TaskWithRetry): void;
}

/** A problem with the orchestrator's actions that fails the orchestration (as the extension would). */
export class OrchestrationContractError extends Error {}

function firstAttempt(options: RetryOptions, now: number): TaskWithRetry['retry'] {
  return { options, attempt: 1, firstAttemptAt: now, waitingOnDelay: false };
}

/** Applies the cumulative action list the orchestrator returned: cancellations, then new actions. */
export function applyActions(builder: ActionTarget, leaves: readonly LeafAction[]): void {
  const state = builder.state;
  if (leaves.length < state.handledLeaves) {
    throw new OrchestrationContractError(
      `Non-deterministic workflow detected: the orchestrator returned ${leaves.length} actions where ${state.handledLeaves} were already scheduled.`,
    );
  }
  for (const task of [...state.openTasks]) {
    if (task.kind !== 'timer' || task.cancelled) continue;
    const leaf = leaves[task.leaf];
    if (leaf?.actionType === ActionType.CreateTimer && leaf.isCanceled) {
      state.openTasks = state.openTasks.filter((open) => open !== task);
      builder.effects.cancelledTimers.push(task.eventId);
    }
  }
  for (let index = state.handledLeaves; index < leaves.length; index += 1) {
    const leaf = leaves[index];
    if (leaf) applyLeaf(builder, leaf, index);
  }
  state.handledLeaves = leaves.length;
}

function applyLeaf(builder: ActionTarget, leaf: LeafAction, index: number): void {
  const state = builder.state;
  const now = builder.now;
  switch (leaf.actionType) {
    case ActionType.CallActivity:
    case ActionType.CallActivityWithRetry: {
      const task: TaskWithRetry = {
        kind: 'activity',
        eventId: -1,
        leaf: index,
        name: leaf.functionName,
        ...(leaf.input === undefined ? {} : { input: encodedInputText(leaf.input) }),
        ...(leaf.actionType === ActionType.CallActivityWithRetry
          ? { retry: firstAttempt(leaf.retryOptions, now) }
          : {}),
      };
      state.openTasks.push(task);
      builder.scheduleAttempt(task);
      return;
    }
    case ActionType.CallSubOrchestrator:
    case ActionType.CallSubOrchestratorWithRetry: {
      const task: TaskWithRetry = {
        kind: 'subOrchestration',
        eventId: -1,
        leaf: index,
        name: leaf.functionName,
        ...(leaf.instanceId === undefined ? {} : { requestedInstanceId: leaf.instanceId }),
        instanceId: '',
        ...(leaf.input === undefined ? {} : { input: plainInputText(leaf.input) }),
        ...(leaf.version === undefined ? {} : { version: leaf.version }),
        ...(leaf.actionType === ActionType.CallSubOrchestratorWithRetry
          ? { retry: firstAttempt(leaf.retryOptions, now) }
          : {}),
      };
      state.openTasks.push(task);
      builder.scheduleAttempt(task);
      return;
    }
    case ActionType.CreateTimer: {
      const id = builder.nextId();
      const current = builder.sliceEnd(leaf.fireAt);
      if (leaf.isCanceled) {
        // Created and cancelled before the episode ended: recorded, never armed.
        builder.scheduled.push(historyEvents.timerCreated(now, id, current));
        return;
      }
      state.openTasks.push({
        kind: 'timer',
        eventId: id,
        leaf: index,
        finalFireAt: leaf.fireAt,
        currentFireAt: current,
        cancelled: false,
      });
      builder.armTimer(id, current);
      return;
    }
    case ActionType.WaitForExternalEvent:
      // The library itself buffers events raised before the wait; nothing to schedule.
      return;
    case ActionType.ContinueAsNew:
      builder.continueAsNewInput = { input: encodedInputText(leaf.input) };
      return;
    case ActionType.CallEntity:
    case ActionType.SignalEntity: {
      const id = builder.nextId();
      const requestId = deterministicGuid(state.instanceId, state.executionId, id);
      const signal = leaf.actionType === ActionType.SignalEntity;
      const input = plainInputText(leaf.input);
      const request = {
        requestId,
        entityId: leaf.instanceId,
        operation: leaf.operation,
        ...(input === undefined ? {} : { input }),
        signal,
        ...(signal ? {} : { parent: { instanceId: state.instanceId, executionId: state.executionId } }),
      };
      const wire = JSON.stringify({
        op: leaf.operation,
        signal,
        input,
        id: requestId,
        parent: state.instanceId,
        parentExecution: state.executionId,
        timestamp: new Date(now).toISOString(),
      });
      builder.scheduled.push(historyEvents.eventSent(now, id, leaf.instanceId, 'op', wire));
      if (!signal) {
        state.openTasks.push({ kind: 'entityCall', eventId: id, leaf: index, requestId, entityId: leaf.instanceId });
      }
      state.outbox.push(request);
      builder.effects.entityRequests.push(request);
      return;
    }
    default:
      throw new OrchestrationContractError(
        `Action type ${leaf.actionType} (durable HTTP, entity locks or scheduled signals) is not supported by the local Durable emulator.`,
      );
  }
}
