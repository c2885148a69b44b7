/**
 * Start-up after any stop, clean or not: rebuilds every instance and entity from the task hub and
 * re-derives the work that was in flight from saved history alone. Activities scheduled without a
 * saved completion run again (at least once, as in Azure), timers are re-armed (a due one fires at
 * once), children are started unless they exist, undelivered entity messages are sent again, and
 * pending messages are queued. The Instances table is repaired where it lags behind.
 */
import { emptyEntity } from '../engine/entity-state';
import { EntityRequestSchema, isTerminal, type EntityRequest } from '../engine/execution-state';
import { OrchestrationMessageSchema, type QueuedMessage } from '../engine/orchestration-messages';
import { asPlayed, EventType, type HistoryEvent } from '../protocol/history-events';
import type { StoredChunk } from '../storage/hub-reader';
import type { TaskHubStore } from '../storage/task-hub-store';
import type { EntityEngine } from './entity-engine';
import type { LiveInstance, OrchestrationEngine } from './orchestration-engine';
import type { WorkTracker } from './work-tracker';

export interface RecoveryReport {
  readonly instances: number;
  readonly active: number;
  readonly entities: number;
  readonly activitiesRerun: number;
  readonly timersArmed: number;
  readonly messagesQueued: number;
}

function currentExecution(chunks: readonly StoredChunk[]): { chunks: StoredChunk[]; stale: boolean } {
  const generation = Math.max(...chunks.map((chunk) => chunk.generation));
  const current = chunks.filter((chunk) => chunk.generation === generation);
  return { chunks: current, stale: current.length !== chunks.length };
}

function timerFireAt(history: readonly HistoryEvent[] | undefined, eventId: number): number | undefined {
  const created = history?.find((event) => event.EventType === EventType.TimerCreated && event.EventId === eventId);
  return created?.FireAt === undefined ? undefined : Date.parse(created.FireAt);
}

export async function recoverHub(
  store: TaskHubStore,
  orchestrations: OrchestrationEngine,
  entities: EntityEngine,
  tracker: WorkTracker,
): Promise<RecoveryReport> {
  const hub = await store.loadAll();
  const counts = { activitiesRerun: 0, timersArmed: 0, messagesQueued: 0, active: 0 };
  const orphanMessages: { instanceId: string; messageId: string }[] = [];

  for (const [instanceId, chunks] of hub.chunks) {
    const execution = currentExecution(chunks);
    const last = execution.chunks[execution.chunks.length - 1];
    if (!last) continue;
    const state = last.state;
    const inbox: QueuedMessage[] = [];
    for (const stored of hub.messages.get(instanceId) ?? []) {
      const parsed = OrchestrationMessageSchema.safeParse(stored.body);
      if (parsed.success) inbox.push({ message: parsed.data, durableId: stored.messageId });
      else orphanMessages.push({ instanceId, messageId: stored.messageId });
    }
    counts.messagesQueued += inbox.length;
    const history = isTerminal(state.status) ? undefined : execution.chunks.flatMap((chunk) => chunk.events.map(asPlayed));
    orchestrations.adopt(state, history, inbox);
    if (execution.stale) void tracker.track(store.removeGenerationsBefore(instanceId, state.generation));
    const projection = hub.projections.get(instanceId);
    if (
      !projection ||
      projection.executionId !== state.executionId ||
      projection.runtimeStatus !== state.status ||
      projection.output !== state.output ||
      projection.customStatus !== state.customStatus
    ) {
      void tracker.track(store.saveProjection(state));
    }
  }

  for (const live of orchestrations.instances.values()) {
    if (live.state.outbox.length > 0) void tracker.track(orchestrations.deliver(live, live.state.outbox));
    if (isTerminal(live.state.status)) continue;
    counts.active += 1;
    rearm(live, orchestrations, tracker, counts);
  }

  for (const [entityId, snapshot] of hub.entities) {
    entities.adopt(snapshot, entityInbox(hub.messages.get(entityId) ?? [], orphanMessages));
  }
  for (const [instanceId, messages] of hub.messages) {
    if (hub.chunks.has(instanceId) || hub.entities.has(instanceId)) continue;
    if (instanceId.startsWith('@')) {
      entities.adopt(emptyEntity(instanceId, Date.now()), entityInbox(messages, orphanMessages));
    } else {
      // Messages for an instance that no longer exists (purged): nothing will read them.
      messages.forEach((stored) => orphanMessages.push({ instanceId, messageId: stored.messageId }));
    }
  }
  for (const orphan of orphanMessages) {
    void tracker.track(store.deleteMessagesIfPresent(orphan.instanceId, [orphan.messageId]));
  }
  return { instances: hub.chunks.size, entities: hub.entities.size, ...counts };
}

function entityInbox(
  stored: readonly { instanceId: string; messageId: string; body: unknown }[],
  orphans: { instanceId: string; messageId: string }[],
): EntityRequest[] {
  const inbox: EntityRequest[] = [];
  for (const message of stored) {
    const parsed = EntityRequestSchema.safeParse(message.body);
    if (parsed.success) inbox.push(parsed.data);
    else orphans.push({ instanceId: message.instanceId, messageId: message.messageId });
  }
  return inbox;
}

interface RearmCounts {
  activitiesRerun: number;
  timersArmed: number;
}

/** Re-creates the in-flight work of one active instance from its open tasks. */
function rearm(
  live: LiveInstance,
  orchestrations: OrchestrationEngine,
  tracker: WorkTracker,
  counts: RearmCounts,
): void {
  const { instanceId, state } = live;
  const executionId = state.executionId;
  for (const task of state.openTasks) {
    if (task.kind === 'timer') {
      orchestrations.timers.arm({ instanceId, executionId, timerId: task.eventId }, task.currentFireAt);
      counts.timersArmed += 1;
      continue;
    }
    if (task.kind === 'entityCall') continue;
    if (task.retry?.waitingOnDelay) {
      const fireAt = timerFireAt(live.history, task.eventId);
      if (fireAt !== undefined) {
        orchestrations.timers.arm({ instanceId, executionId, timerId: task.eventId }, fireAt);
        counts.timersArmed += 1;
      }
      continue;
    }
    if (task.kind === 'activity') {
      orchestrations.dispatchActivity(instanceId, executionId, { taskId: task.eventId, name: task.name, input: task.input });
      counts.activitiesRerun += 1;
      continue;
    }
    void tracker.track(
      orchestrations.startChild(instanceId, state, {
        taskId: task.eventId,
        instanceId: task.instanceId,
        name: task.name,
        input: task.input,
        version: task.version,
      }),
    );
  }
}
