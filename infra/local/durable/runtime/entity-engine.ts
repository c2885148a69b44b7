/**
 * Runs durable entities: operations queue per entity and run in batches through the entity
 * function (the library's own batch handler), one batch at a time per entity. The new state, the
 * processed request ids and the responses/signals to send are saved together before anything is
 * sent; request ids already processed are skipped, so redelivered messages are not applied twice.
 */
import type { HostClock } from '../../clock/host-clock';
import type { FunctionInvoker, HostLogLevel } from '../../host/extension-contract';
import {
  emptyEntity,
  entityInstanceId,
  REMEMBERED_REQUESTS,
  type EntityOutgoing,
  type EntitySnapshot,
} from '../engine/entity-state';
import { deterministicGuid } from '../engine/episode-effects';
import type { EntityRequest } from '../engine/execution-state';
import type { OrchestrationMessage } from '../engine/orchestration-messages';
import { asJsonValue } from '../protocol/orchestrator-state';
import { EntityBatchResultSchema, type EntityBatchResult, type EntityTriggerPayload } from '../protocol/trigger-payloads';
import type { TaskHubStore } from '../storage/task-hub-store';
import type { FunctionCatalog } from './function-catalog';
import { failureDetails } from './activity-runner';
import type { WorkTracker } from './work-tracker';
import { invokeAgainIfAbandoned } from './invoke-again-if-abandoned';

const BATCH_SIZE = 50;

export interface LiveEntity {
  snapshot: EntitySnapshot;
  inbox: EntityRequest[];
  running: boolean;
}

export interface EntityEngineOptions {
  readonly store: TaskHubStore;
  readonly clock: HostClock;
  readonly invoker: FunctionInvoker;
  readonly catalog: FunctionCatalog;
  readonly tracker: WorkTracker;
  readonly log: (level: HostLogLevel, message: string, fields?: Record<string, unknown>) => void;
  /** Delivers a response to a calling orchestration (durably, under the given message id). */
  readonly respond: (instanceId: string, message: OrchestrationMessage, messageId: string) => Promise<void>;
}

export class EntityEngine {
  readonly entities = new Map<string, LiveEntity>();
  #stopped = false;

  constructor(private readonly options: EntityEngineOptions) {}

  stop(): void {
    this.#stopped = true;
  }

  adopt(snapshot: EntitySnapshot, inbox: EntityRequest[] = []): LiveEntity {
    const live: LiveEntity = { snapshot, inbox, running: false };
    this.entities.set(snapshot.entityId, live);
    this.#schedule(live);
    if (snapshot.outbox.length > 0) void this.options.tracker.track(this.#deliver(live));
    return live;
  }

  /** Saves an operation request for its entity and queues it (idempotent per request id). */
  async send(request: EntityRequest): Promise<void> {
    await this.options.store.saveMessage(request.entityId, request.requestId, request);
    const live =
      this.entities.get(request.entityId) ?? this.adopt(emptyEntity(request.entityId, this.options.clock.now()));
    if (!live.inbox.some((queued) => queued.requestId === request.requestId)) live.inbox.push(request);
    this.#schedule(live);
  }

  #schedule(live: LiveEntity): void {
    if (this.#stopped || live.running || live.inbox.length === 0) return;
    live.running = true;
    const run = this.#runBatch(live)
      .catch((error: unknown) => {
        this.options.log('error', `Entity ${live.snapshot.entityId} batch failed; retrying`, { error: String(error) });
        return new Promise((resolve) => setTimeout(resolve, 500));
      })
      .finally(() => {
        live.running = false;
        this.#schedule(live);
      });
    void this.options.tracker.track(run);
  }

  async #invoke(snapshot: EntitySnapshot, batch: readonly EntityRequest[]): Promise<EntityBatchResult> {
    const fn = this.options.catalog.entity(snapshot.name);
    const failAll = (message: string): EntityBatchResult => ({
      results: batch.map(() => ({ isError: true, result: JSON.stringify({ message }) })),
      signals: [],
    });
    if (!fn) return failAll(`The function '${snapshot.name}' doesn't exist, is disabled, or is not an entity function.`);
    const payload: EntityTriggerPayload = {
      self: { name: snapshot.name, key: snapshot.key },
      exists: snapshot.exists,
      ...(snapshot.state === undefined ? {} : { state: snapshot.state }),
      batch: batch.map((request) => ({
        id: request.requestId,
        name: request.operation,
        signal: request.signal,
        ...(request.input === undefined ? {} : { input: request.input }),
      })),
    };
    try {
      const parsed = EntityBatchResultSchema.safeParse(asJsonValue(await invokeAgainIfAbandoned(this.options.invoker, fn.name, { triggerValue: payload })));
      return parsed.success ? parsed.data : failAll(`The entity returned no valid state: ${parsed.error.message}`);
    } catch (error) {
      return failAll(failureDetails(error).message);
    }
  }

  async #runBatch(live: LiveEntity): Promise<void> {
    const taken = live.inbox.slice(0, BATCH_SIZE);
    live.inbox = live.inbox.slice(taken.length);
    const before = live.snapshot;
    const consumed = [...new Set(taken.map((request) => request.requestId))];
    const seen = new Set(before.processed);
    const fresh = taken.filter((request) => !seen.has(request.requestId) && seen.add(request.requestId));
    if (fresh.length === 0) {
      await this.options.store.deleteMessages(before.entityId, consumed);
      return;
    }
    const result = await this.#invoke(before, fresh);
    const outgoing: EntityOutgoing[] = [];
    fresh.forEach((request, index) => {
      if (request.signal || !request.parent) return;
      const outcome = result.results[index];
      outgoing.push({
        kind: 'response',
        instanceId: request.parent.instanceId,
        executionId: request.parent.executionId,
        requestId: request.requestId,
        response: JSON.stringify({
          ...(outcome?.result === undefined ? {} : { result: outcome.result }),
          ...(outcome?.isError ? { exceptionType: 'Error' } : {}),
        }),
      });
    });
    result.signals.forEach((signal, index) => {
      outgoing.push({
        kind: 'signal',
        request: {
          requestId: deterministicGuid(before.entityId, fresh[0]?.requestId ?? '', index),
          entityId: entityInstanceId(signal.target.name, signal.target.key),
          operation: signal.name,
          ...(signal.input ? { input: signal.input } : {}),
          signal: true,
        },
      });
    });
    const exists = result.entityExists ?? before.exists;
    const next: EntitySnapshot = {
      ...before,
      exists,
      ...(exists && result.entityState !== undefined ? { state: result.entityState } : { state: undefined }),
      processed: [...before.processed, ...fresh.map((request) => request.requestId)].slice(-REMEMBERED_REQUESTS),
      outbox: [...before.outbox, ...outgoing],
      lastOperationAt: this.options.clock.now(),
    };
    if (next.state === undefined) delete next.state;
    await this.options.store.saveEntity(next, consumed);
    live.snapshot = next;
    await this.#deliver(live);
  }

  /** Sends what the entity owes (responses, signals); the next save drops what was sent. */
  async #deliver(live: LiveEntity): Promise<void> {
    for (const outgoing of [...live.snapshot.outbox]) {
      if (outgoing.kind === 'signal') await this.send(outgoing.request);
      else {
        await this.options.respond(
          outgoing.instanceId,
          {
            kind: 'entityResponse',
            executionId: outgoing.executionId,
            requestId: outgoing.requestId,
            response: outgoing.response,
          },
          `r${outgoing.requestId}`,
        );
      }
      live.snapshot = { ...live.snapshot, outbox: live.snapshot.outbox.filter((pending) => pending !== outgoing) };
    }
  }

  /** The entity's state as `readEntityState` sees it (undefined: it does not exist). */
  read(entityId: string): EntitySnapshot | undefined {
    const snapshot = this.entities.get(entityId)?.snapshot;
    return snapshot?.exists ? snapshot : undefined;
  }
}
