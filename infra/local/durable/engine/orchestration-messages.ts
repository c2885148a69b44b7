/**
 * Messages an orchestration instance receives (the work its episodes consume), and the choice of
 * which pending messages one episode takes: stale and duplicate ones are dropped, a suspended
 * instance only hears resume and terminate, and task-id-consuming continuations lead their batch.
 */
import { z } from 'zod';
import type { ExecutionState, OpenTask } from './execution-state';
import { isTerminal } from './execution-state';

export const OrchestrationMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('eventRaised'), name: z.string(), input: z.string().optional() }),
  z.object({ kind: z.literal('terminate'), reason: z.string().optional() }),
  z.object({ kind: z.literal('suspend'), reason: z.string().optional() }),
  z.object({ kind: z.literal('resume'), reason: z.string().optional() }),
  z.object({
    kind: z.literal('taskCompleted'),
    executionId: z.string(),
    taskId: z.number().int(),
    result: z.string(),
  }),
  z.object({
    kind: z.literal('taskFailed'),
    executionId: z.string(),
    taskId: z.number().int(),
    reason: z.string(),
    details: z.string(),
  }),
  z.object({
    kind: z.literal('timerFired'),
    executionId: z.string(),
    timerId: z.number().int(),
    fireAt: z.number(),
  }),
  z.object({
    kind: z.literal('subOrchestrationCompleted'),
    executionId: z.string(),
    taskId: z.number().int(),
    result: z.string(),
  }),
  z.object({
    kind: z.literal('subOrchestrationFailed'),
    executionId: z.string(),
    taskId: z.number().int(),
    reason: z.string(),
    details: z.string(),
  }),
  z.object({
    kind: z.literal('entityResponse'),
    executionId: z.string(),
    requestId: z.string(),
    response: z.string(),
  }),
]);
export type OrchestrationMessage = z.infer<typeof OrchestrationMessageSchema>;

/** A pending message; `durableId` names its saved row (client and cross-instance messages). */
export interface QueuedMessage {
  readonly message: OrchestrationMessage;
  readonly durableId?: string;
}

export interface BatchSelection {
  readonly batch: QueuedMessage[];
  /** Messages that can never apply (stale execution, duplicate completion, instance finished). */
  readonly dropped: QueuedMessage[];
  /** Messages left for a later episode (e.g. while suspended). */
  readonly remaining: QueuedMessage[];
}

const MAX_BATCH = 100;

/** The open task a completion-like message resolves, if it is still waiting for exactly that. */
export function taskAwaiting(state: ExecutionState, message: OrchestrationMessage): OpenTask | undefined {
  switch (message.kind) {
    case 'taskCompleted':
    case 'taskFailed':
      return state.openTasks.find(
        (task) =>
          task.kind === 'activity' && task.eventId === message.taskId && !(task.retry?.waitingOnDelay ?? false),
      );
    case 'subOrchestrationCompleted':
    case 'subOrchestrationFailed':
      return state.openTasks.find(
        (task) =>
          task.kind === 'subOrchestration' &&
          task.eventId === message.taskId &&
          !(task.retry?.waitingOnDelay ?? false),
      );
    case 'timerFired':
      return state.openTasks.find(
        (task) =>
          task.eventId === message.timerId &&
          ((task.kind === 'timer' && !task.cancelled) ||
            ((task.kind === 'activity' || task.kind === 'subOrchestration') && (task.retry?.waitingOnDelay ?? false))),
      );
    case 'entityResponse':
      return state.openTasks.find((task) => task.kind === 'entityCall' && task.requestId === message.requestId);
    default:
      return undefined;
  }
}

function executionOf(message: OrchestrationMessage): string | undefined {
  return 'executionId' in message ? message.executionId : undefined;
}

/**
 * Whether handling this message makes the extension schedule something itself (a retry timer, the
 * next attempt, the next slice of a long timer), which takes the next task id. Such a message must
 * open its batch, so that the ids the extension hands out follow the order the library expects.
 */
export function schedulesContinuation(task: OpenTask, message: OrchestrationMessage): boolean {
  if (message.kind === 'taskFailed' || message.kind === 'subOrchestrationFailed') {
    return (task.kind === 'activity' || task.kind === 'subOrchestration') && task.retry !== undefined;
  }
  if (message.kind === 'timerFired') {
    if (task.kind === 'timer') return task.currentFireAt < task.finalFireAt;
    return true;
  }
  return false;
}

export function selectBatch(state: ExecutionState, pending: readonly QueuedMessage[]): BatchSelection {
  if (isTerminal(state.status)) return { batch: [], dropped: [...pending], remaining: [] };
  const terminate = pending.find((queued) => queued.message.kind === 'terminate');
  if (terminate) {
    // A terminate overrides everything else waiting: the instance ends without running again.
    return { batch: [terminate], dropped: pending.filter((queued) => queued !== terminate), remaining: [] };
  }
  const batch: QueuedMessage[] = [];
  const dropped: QueuedMessage[] = [];
  const remaining: QueuedMessage[] = [];
  const claimed = new Set<number | string>();
  let suspended = state.status === 'Suspended';
  let closed = false;
  for (const queued of pending) {
    const message = queued.message;
    if (closed) {
      remaining.push(queued);
      continue;
    }
    if (message.kind === 'resume') {
      if (!suspended) dropped.push(queued);
      else {
        batch.push(queued);
        suspended = false;
      }
      continue;
    }
    if (suspended) {
      remaining.push(queued);
      continue;
    }
    if (message.kind === 'suspend') {
      batch.push(queued);
      suspended = true;
      continue;
    }
    const execution = executionOf(message);
    if (execution !== undefined && execution !== state.executionId) {
      dropped.push(queued);
      continue;
    }
    if (message.kind === 'eventRaised') {
      batch.push(queued);
    } else {
      const task = taskAwaiting(state, message);
      const key = message.kind === 'entityResponse' ? message.requestId : task?.eventId;
      if (!task || key === undefined || claimed.has(key)) {
        dropped.push(queued);
        continue;
      }
      if (schedulesContinuation(task, message) && batch.length > 0) {
        remaining.push(queued);
        closed = true;
        continue;
      }
      claimed.add(key);
      batch.push(queued);
    }
    if (batch.length >= MAX_BATCH) closed = true;
  }
  return { batch, dropped, remaining };
}
