/**
 * Runs orchestration instances: one episode at a time per instance, several instances at once.
 * An episode is saved before anything it caused happens (activities run, timers armed, children
 * started, entities messaged), so a crash at any point replays from saved history.
 */
import { randomUUID } from 'node:crypto';
import type { HostClock } from '../../clock/host-clock';
import type { FunctionInvoker, HostLogLevel } from '../../host/extension-contract';
import { runEpisode, type EpisodeOutcome } from '../engine/episode';
import type { TimerSettings } from '../engine/episode-builder';
import type { ChildStart } from '../engine/episode-effects';
import {
  isTerminal,
  newExecutionState,
  type EntityRequest,
  type ExecutionState,
  type NewExecution,
} from '../engine/execution-state';
import { selectBatch, type OrchestrationMessage, type QueuedMessage } from '../engine/orchestration-messages';
import { asPlayed, type HistoryEvent } from '../protocol/history-events';
import type { TaskHubStore } from '../storage/task-hub-store';
import { newMessageId } from '../storage/hub-layout';
import { runActivity } from './activity-runner';
import { BoundedPool } from './bounded-pool';
import { DurableTimers, type TimerKey } from './durable-timers';
import type { FunctionCatalog } from './function-catalog';
import { KeyedMutex } from './keyed-mutex';
import { InstanceActiveError, notifyParent, startChild } from './child-orchestrations';
import { projectionDiffers } from '../storage/instance-projection';
import { Semaphore } from './semaphore';
import type { WorkTracker } from './work-tracker';


export interface LiveInstance {
  readonly instanceId: string;
  /** The saved state (never ahead of storage). */
  state: ExecutionState;
  /** The saved history of the current execution; dropped once the instance has finished. */
  history: HistoryEvent[] | undefined;
  inbox: QueuedMessage[];
  running: boolean;
  ready: boolean;
  /** Entity requests delivered since the last save (dropped from the outbox at the next save). */
  readonly delivered: Set<string>;
}

export interface OrchestrationEngineOptions {
  readonly store: TaskHubStore;
  readonly clock: HostClock;
  readonly invoker: FunctionInvoker;
  readonly catalog: FunctionCatalog;
  readonly tracker: WorkTracker;
  readonly timers: TimerSettings;
  readonly maxConcurrentOrchestrations: number;
  readonly maxConcurrentActivities: number;
  readonly log: (level: HostLogLevel, message: string, fields?: Record<string, unknown>) => void;
  /** Hands an orchestration's entity request to the entity side (after the episode was saved). */
  readonly sendToEntity: (request: EntityRequest) => Promise<void>;
}

function durableIds(messages: readonly QueuedMessage[]): string[] {
  return messages.flatMap((queued) => (queued.durableId === undefined ? [] : [queued.durableId]));
}


export class OrchestrationEngine {
  readonly instances = new Map<string, LiveInstance>();
  readonly locks = new KeyedMutex();
  readonly timers: DurableTimers;
  readonly #activities: BoundedPool;
  readonly #invocations: Semaphore;
  #ready: LiveInstance[] = [];
  #stopped = false;

  constructor(private readonly options: OrchestrationEngineOptions) {
    this.timers = new DurableTimers(options.clock, (key, fireAt) => this.#timerFired(key, fireAt));
    this.#activities = new BoundedPool(options.maxConcurrentActivities, options.tracker);
    this.#invocations = new Semaphore(options.maxConcurrentOrchestrations);
    options.tracker.addProbe(() => this.#ready.length > 0 || this.timers.hasDue());
  }

  stop(): void {
    this.#stopped = true;
    this.#ready = [];
    this.#activities.clear();
    this.timers.disarmAll();
  }

  /** Takes an instance into the engine (a new start, or one rebuilt at start-up). */
  adopt(state: ExecutionState, history: HistoryEvent[] | undefined, inbox: QueuedMessage[] = []): LiveInstance {
    const existing = this.instances.get(state.instanceId);
    if (existing) {
      if (existing.state.executionId !== state.executionId) {
        this.timers.disarmExecution(state.instanceId, existing.state.executionId);
      }
      existing.state = state;
      existing.history = history;
      existing.inbox.push(...inbox);
      this.schedule(existing);
      return existing;
    }
    const live: LiveInstance = {
      instanceId: state.instanceId,
      state,
      history,
      inbox,
      running: false,
      ready: false,
      delivered: new Set(),
    };
    this.instances.set(state.instanceId, live);
    this.schedule(live);
    return live;
  }

  /**
   * Creates and saves a new execution (client start, child start, restart of a finished id). An
   * id whose instance is still active is refused with `InstanceActiveError`, checked under the
   * instance's lock so that two racing starts cannot both win.
   */
  async create(start: Omit<NewExecution, 'executionId' | 'now' | 'generation'>): Promise<LiveInstance> {
    return this.locks.run(start.instanceId, async () => {
      const previous = this.instances.get(start.instanceId);
      if (previous && !isTerminal(previous.state.status)) throw new InstanceActiveError(start.instanceId);
      const state = newExecutionState({
        ...start,
        executionId: randomUUID().replace(/-/g, ''),
        generation: previous ? previous.state.generation + 1 : 0,
        now: this.options.clock.now(),
      });
      await Promise.all([this.options.store.saveStart(state), this.options.store.saveProjection(state)]);
      if (previous) void this.options.tracker.track(this.#cleanup(start.instanceId, state.generation));
      return this.adopt(state, []);
    });
  }

  async #cleanup(instanceId: string, generation: number): Promise<void> {
    try {
      await this.options.store.removeGenerationsBefore(instanceId, generation);
    } catch (error) {
      this.options.log('warn', `Could not remove old history of ${instanceId}`, { error: String(error) });
    }
  }

  /** Saves a message (client or other instance) and queues it. */
  async submit(instanceId: string, message: OrchestrationMessage, messageId = newMessageId()): Promise<void> {
    await this.options.store.saveMessage(instanceId, messageId, message);
    this.enqueue(instanceId, { message, durableId: messageId });
  }

  enqueue(instanceId: string, queued: QueuedMessage): void {
    const instance = this.instances.get(instanceId);
    if (!instance) return;
    // A message saved twice under one id (a redelivery) is one row: queue it once.
    if (queued.durableId !== undefined && instance.inbox.some((pending) => pending.durableId === queued.durableId)) return;
    instance.inbox.push(queued);
    this.schedule(instance);
  }

  #hasWork(instance: LiveInstance): boolean {
    const state = instance.state;
    if (!state.started && !isTerminal(state.status)) return true;
    if (instance.inbox.length === 0) return false;
    if (state.status !== 'Suspended') return true;
    return instance.inbox.some((queued) => queued.message.kind === 'resume' || queued.message.kind === 'terminate');
  }

  schedule(instance: LiveInstance): void {
    if (this.#stopped || instance.running || instance.ready || !this.#hasWork(instance)) return;
    instance.ready = true;
    this.#ready.push(instance);
    this.#pump();
  }

  #pump(): void {
    while (!this.#stopped && this.#ready.length > 0) {
      const instance = this.#ready.shift();
      if (!instance) break;
      instance.ready = false;
      instance.running = true;
      const episode = this.locks
        .run(instance.instanceId, () => this.#runEpisode(instance))
        .catch((error: unknown) => this.#episodeFailed(instance, error))
        .finally(() => {
          instance.running = false;
          this.schedule(instance);
        });
      void this.options.tracker.track(episode);
    }
  }

  async #episodeFailed(instance: LiveInstance, error: unknown): Promise<void> {
    this.options.log('error', `Episode of ${instance.instanceId} did not finish (its orchestrator's worker went away, or its save failed); retrying`, {
      error: error instanceof Error ? error.message : String(error),
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  async #runEpisode(instance: LiveInstance): Promise<void> {
    const before = instance.state;
    const selection = selectBatch(before, instance.inbox);
    instance.inbox = selection.remaining;
    const dropped = durableIds(selection.dropped);
    if (selection.batch.length === 0 && (before.started || isTerminal(before.status))) {
      if (dropped.length > 0) await this.options.store.deleteMessages(instance.instanceId, [...new Set(dropped)]);
      return;
    }
    const history = instance.history ?? (await this.options.store.loadHistory(before.instanceId, before.generation));
    let outcome: EpisodeOutcome;
    try {
      outcome = await runEpisode(
        { state: before, history, batch: selection.batch, now: this.options.clock.now(), timers: this.options.timers },
        (payload) => this.#invocations.run(() => this.options.invoker.invoke(before.name, { triggerValue: payload })),
      );
    } catch (error) {
      instance.inbox = [...selection.batch, ...instance.inbox];
      throw error;
    }
    outcome.warnings.forEach((warning) => this.options.log('warn', warning, { instanceId: before.instanceId }));
    const delivered = new Set(instance.delivered);
    const saved: ExecutionState = {
      ...outcome.state,
      episodes: before.episodes + 1,
      outbox: outcome.state.outbox.filter((request) => !delivered.has(request.requestId)),
    };
    const next = outcome.continueAsNew
      ? {
          ...newExecutionState({
            instanceId: saved.instanceId,
            name: saved.name,
            ...(saved.version === undefined ? {} : { version: saved.version }),
            executionId: randomUUID().replace(/-/g, ''),
            generation: saved.generation + 1,
            input: outcome.continueAsNew.input,
            ...(saved.parent ? { parent: saved.parent } : {}),
            now: this.options.clock.now(),
          }),
          status: 'ContinuedAsNew' as const,
          outbox: saved.outbox,
        }
      : undefined;
    try {
      await this.options.store.saveEpisode({
        state: saved,
        events: outcome.newEvents,
        consumed: [...new Set([...durableIds(selection.batch), ...dropped])],
        ...(next ? { next } : {}),
      });
    } catch (error) {
      instance.inbox = [...selection.batch, ...instance.inbox];
      throw error;
    }
    delivered.forEach((requestId) => instance.delivered.delete(requestId));
    instance.state = next ?? saved;
    // Kept as the next episode will replay them (played), so that replaying copies nothing.
    instance.history = next ? [] : [...history, ...outcome.newEvents.map(asPlayed)];
    this.#afterSave(instance, before, saved, outcome);
  }

  #afterSave(instance: LiveInstance, before: ExecutionState, saved: ExecutionState, outcome: EpisodeOutcome): void {
    const executionId = before.executionId;
    const { tracker, store } = this.options;
    const instanceId = instance.instanceId;
    if (projectionDiffers(before, instance.state)) {
      void tracker.track(store.saveProjection(instance.state).catch((error: unknown) => this.#logWriteFailure(instanceId, error)));
    }
    if (instance.state.generation !== saved.generation) void tracker.track(this.#cleanup(instanceId, instance.state.generation));
    const effects = outcome.effects;
    for (const timerId of effects.cancelledTimers) this.timers.disarm({ instanceId, executionId, timerId });
    for (const timer of effects.timers) this.timers.arm({ instanceId, executionId, timerId: timer.timerId }, timer.fireAt);
    for (const activity of effects.activities) this.dispatchActivity(instanceId, executionId, activity);
    for (const child of effects.children) void tracker.track(this.startChild(instanceId, saved, child));
    if (effects.entityRequests.length > 0) void tracker.track(this.deliver(instance, effects.entityRequests));
    if (isTerminal(saved.status)) this.#finished(instance, saved);
  }

  #logWriteFailure(instanceId: string, error: unknown): void {
    this.options.log('warn', `Status row of ${instanceId} not written`, { error: String(error) });
  }

  dispatchActivity(instanceId: string, executionId: string, activity: { taskId: number; name: string; input: string | undefined }): void {
    this.#activities.submit(async () => {
      const message = await runActivity({ executionId, ...activity }, this.options.catalog, this.options.invoker);
      if (!this.#stopped) this.enqueue(instanceId, { message });
    });
  }

  #timerFired(key: TimerKey, fireAt: number): void {
    this.enqueue(key.instanceId, {
      message: { kind: 'timerFired', executionId: key.executionId, timerId: key.timerId, fireAt },
    });
  }

  /** Sends entity requests of a saved episode; the next save records them as sent. */
  async deliver(instance: LiveInstance, requests: readonly EntityRequest[]): Promise<void> {
    for (const request of requests) {
      await this.options.sendToEntity(request);
      instance.delivered.add(request.requestId);
    }
  }

  /** Starts a child orchestration unless it exists already for this very task (see child-orchestrations). */
  startChild(parentId: string, parent: ExecutionState, child: ChildStart): Promise<void> {
    return startChild(this, this.options.catalog, parentId, parent, child);
  }

  /** Forgets a purged instance (its rows are already deleted). */
  forget(instanceId: string): void {
    const live = this.instances.get(instanceId);
    if (!live) return;
    this.timers.disarmExecution(instanceId, live.state.executionId);
    this.instances.delete(instanceId);
  }

  #finished(instance: LiveInstance, state: ExecutionState): void {
    this.timers.disarmExecution(instance.instanceId, state.executionId);
    instance.history = undefined;
    notifyParent(this, state);
  }
}
