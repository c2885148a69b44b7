/**
 * The task hub in Azure Storage, as the emulator writes it. The History table is the source of
 * truth: per instance, one row per saved episode (new history events plus the execution's
 * bookkeeping after it) and one row per pending message; an episode, the messages it consumed
 * and (for continue-as-new) the next execution's start are one table transaction. The Instances
 * table is a projection for status queries, rewritten after each save and repaired at start-up.
 */
import { TableClient, TableServiceClient, type TransactionAction } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { z } from 'zod';
import { HistoryEventSchema, type HistoryEvent } from '../protocol/history-events';
import { ExecutionStateSchema, type ExecutionState } from '../engine/execution-state';
import { EntitySnapshotSchema, type EntitySnapshot } from '../engine/entity-state';
import { GroupCommitter, type TransactionSubmitter } from './group-commit';
import { sharedKeyAccount, TableBatchClient } from './table-batch-client';
import { hubNames, partitionOf, rowKeys } from './hub-layout';
import { LargePayloads, readColumns, type EntityColumns } from './payload-columns';
import { projectionEntity, type ProjectionRecord, readProjection } from './instance-projection';

export interface EpisodeWrite {
  readonly state: ExecutionState;
  readonly events: readonly HistoryEvent[];
  /** Pending-message rows this episode consumed (deleted in the same transaction). */
  readonly consumed: readonly string[];
  /** The next execution's start, written in the same transaction (continue-as-new). */
  readonly next?: ExecutionState;
}

export interface StoredChunk {
  readonly generation: number;
  readonly sequence: number;
  readonly events: HistoryEvent[];
  readonly state: ExecutionState;
}

export interface StoredMessage {
  readonly instanceId: string;
  readonly messageId: string;
  readonly body: unknown;
}

export interface HubSnapshot {
  readonly chunks: ReadonlyMap<string, StoredChunk[]>;
  readonly messages: ReadonlyMap<string, StoredMessage[]>;
  readonly entities: ReadonlyMap<string, EntitySnapshot>;
  readonly projections: ReadonlyMap<string, ProjectionRecord>;
}

const ChunkRowSchema = z.object({
  Kind: z.literal('chunk'),
  InstanceId: z.string(),
  Generation: z.number().int(),
  Sequence: z.number().int(),
});
const MessageRowSchema = z.object({ Kind: z.literal('message'), InstanceId: z.string(), MessageId: z.string() });
const EntityRowSchema = z.object({ Kind: z.literal('entity'), InstanceId: z.string() });

function clientOptions(connection: string): { allowInsecureConnection: boolean } {
  return { allowInsecureConnection: /usedevelopmentstorage=true|=http:\/\//i.test(connection) };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 404;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class TaskHubStore {
  readonly history: GroupCommitter;
  readonly projections: GroupCommitter;

  private constructor(
    private readonly historyTable: TableClient,
    private readonly instancesTable: TableClient,
    writers: { history: TransactionSubmitter; instances: TransactionSubmitter },
    private readonly payloads: LargePayloads,
    private readonly partitionCount: number,
    onSettled: () => void,
    private readonly release: () => void,
  ) {
    this.history = new GroupCommitter(writers.history, onSettled);
    this.projections = new GroupCommitter(writers.instances, onSettled);
  }

  /** Lets go of kept-alive connections. */
  close(): void {
    this.release();
  }

  static async open(options: {
    connection: string;
    hubName: string;
    partitionCount: number;
    onSettled?: () => void;
  }): Promise<TaskHubStore> {
    const names = hubNames(options.hubName);
    const tableOptions = clientOptions(options.connection);
    const service = TableServiceClient.fromConnectionString(options.connection, tableOptions);
    await service.createTable(names.historyTable);
    await service.createTable(names.instancesTable);
    const history = TableClient.fromConnectionString(options.connection, names.historyTable, tableOptions);
    const instances = TableClient.fromConnectionString(options.connection, names.instancesTable, tableOptions);
    const blobs = BlobServiceClient.fromConnectionString(options.connection);
    const payloads = new LargePayloads(blobs.getContainerClient(names.largeMessagesContainer));
    await payloads.ensure();
    // Writes go through the lean batch writer when the connection carries an account key.
    const account = sharedKeyAccount(options.connection);
    const leanHistory = account ? new TableBatchClient(account, names.historyTable) : undefined;
    const leanInstances = account ? new TableBatchClient(account, names.instancesTable) : undefined;
    return new TaskHubStore(
      history,
      instances,
      { history: leanHistory ?? history, instances: leanInstances ?? instances },
      payloads,
      options.partitionCount,
      options.onSettled ?? (() => undefined),
      () => {
        leanHistory?.close();
        leanInstances?.close();
      },
    );
  }

  get busy(): boolean {
    return this.history.busy || this.projections.busy;
  }

  partition(instanceId: string): string {
    return partitionOf(instanceId, this.partitionCount);
  }

  async #jsonColumns(name: string, value: unknown, blobName: string): Promise<EntityColumns> {
    return this.payloads.columns(name, JSON.stringify(value), blobName);
  }

  /** A history chunk row; its sequence is `state.episodes` (0 for the start, k for episode k). */
  async #chunkAction(state: ExecutionState, events: readonly HistoryEvent[]): Promise<TransactionAction> {
    const sequence = state.episodes;
    const rowKey = rowKeys.chunk(state.instanceId, state.generation, sequence);
    const blobBase = `${encodeURIComponent(state.instanceId)}/${state.generation}/${sequence}`;
    const entity = {
      partitionKey: this.partition(state.instanceId),
      rowKey,
      Kind: 'chunk',
      InstanceId: state.instanceId,
      Generation: state.generation,
      Sequence: sequence,
      ExecutionId: state.executionId,
      ...(await this.#jsonColumns('Events', events, `${blobBase}/events.json`)),
      ...(await this.#jsonColumns('State', state, `${blobBase}/state.json`)),
    };
    // Upsert: saving the same episode twice (a retried write) leaves one row.
    return ['upsert', entity, 'Replace'];
  }

  #deleteMessages(instanceId: string, messageIds: readonly string[]): TransactionAction[] {
    const partitionKey = this.partition(instanceId);
    return messageIds.map((id) => ['delete', { partitionKey, rowKey: rowKeys.message(instanceId, id) }]);
  }

  /** Saves the start of an execution: its bookkeeping with no events (sequence 0). */
  async saveStart(state: ExecutionState): Promise<void> {
    await this.history.commit(this.partition(state.instanceId), [await this.#chunkAction(state, [])]);
  }

  /** Saves one episode atomically; `state.episodes` must already count it. */
  async saveEpisode(write: EpisodeWrite): Promise<void> {
    const partition = this.partition(write.state.instanceId);
    const chunks = [await this.#chunkAction(write.state, write.events)];
    if (write.next) chunks.push(await this.#chunkAction(write.next, []));
    try {
      await this.history.commit(partition, [...chunks, ...this.#deleteMessages(write.state.instanceId, write.consumed)]);
    } catch (error) {
      if (!isNotFound(error) || write.consumed.length === 0) throw error;
      // A consumed message row was gone already (deleted by an earlier save): save without it.
      await this.history.commit(partition, chunks);
      await this.deleteMessagesIfPresent(write.state.instanceId, write.consumed);
    }
  }

  /** Deletes message rows one by one, ignoring those already gone. */
  async deleteMessagesIfPresent(instanceId: string, messageIds: readonly string[]): Promise<void> {
    for (const id of messageIds) {
      try {
        await this.history.commit(this.partition(instanceId), this.#deleteMessages(instanceId, [id]));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
  }

  async saveMessage(instanceId: string, messageId: string, body: unknown): Promise<void> {
    const entity = {
      partitionKey: this.partition(instanceId),
      rowKey: rowKeys.message(instanceId, messageId),
      Kind: 'message',
      InstanceId: instanceId,
      MessageId: messageId,
      ...(await this.#jsonColumns('Body', body, `${encodeURIComponent(instanceId)}/messages/${messageId}.json`)),
    };
    // Upsert keeps redelivery idempotent: the same message id is one row.
    await this.history.commit(this.partition(instanceId), [['upsert', entity, 'Replace']]);
  }

  async deleteMessages(instanceId: string, messageIds: readonly string[]): Promise<void> {
    try {
      for (let at = 0; at < messageIds.length; at += 100) {
        await this.history.commit(this.partition(instanceId), this.#deleteMessages(instanceId, messageIds.slice(at, at + 100)));
      }
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.deleteMessagesIfPresent(instanceId, messageIds);
    }
  }

  async saveEntity(snapshot: EntitySnapshot, consumed: readonly string[]): Promise<void> {
    const entity = {
      partitionKey: this.partition(snapshot.entityId),
      rowKey: rowKeys.entity(snapshot.entityId),
      Kind: 'entity',
      InstanceId: snapshot.entityId,
      ...(await this.#jsonColumns('Snapshot', snapshot, `${encodeURIComponent(snapshot.entityId)}/entity.json`)),
    };
    const partition = this.partition(snapshot.entityId);
    try {
      await this.history.commit(partition, [['upsert', entity, 'Replace'], ...this.#deleteMessages(snapshot.entityId, consumed)]);
    } catch (error) {
      if (!isNotFound(error) || consumed.length === 0) throw error;
      await this.history.commit(partition, [['upsert', entity, 'Replace']]);
      await this.deleteMessagesIfPresent(snapshot.entityId, consumed);
    }
  }

  /** Rewrites the instance's status row; queued rewrites of the same row collapse into the last. */
  async saveProjection(state: ExecutionState): Promise<void> {
    const entity = await projectionEntity(state, this.partition(state.instanceId), this.payloads);
    await this.projections.commit(entity.partitionKey, [['upsert', entity, 'Replace']], entity.rowKey);
  }

  async #readJson(entity: Readonly<Record<string, unknown>>, name: string): Promise<unknown> {
    const text = await this.payloads.text(readColumns(entity, name));
    return text === undefined ? undefined : JSON.parse(text);
  }

  async #chunkFrom(entity: Readonly<Record<string, unknown>>): Promise<StoredChunk> {
    const row = ChunkRowSchema.parse(entity);
    return {
      generation: row.Generation,
      sequence: row.Sequence,
      events: z.array(HistoryEventSchema).parse(await this.#readJson(entity, 'Events')),
      state: ExecutionStateSchema.parse(await this.#readJson(entity, 'State')),
    };
  }

  /** Reads the whole hub (start-up recovery). */
  async loadAll(): Promise<HubSnapshot> {
    const chunks = new Map<string, StoredChunk[]>();
    const messages = new Map<string, StoredMessage[]>();
    const entities = new Map<string, EntitySnapshot>();
    for await (const entity of this.historyTable.listEntities<Record<string, unknown>>()) {
      const kind = entity['Kind'];
      if (kind === 'chunk') {
        const chunk = await this.#chunkFrom(entity);
        pushTo(chunks, chunk.state.instanceId, chunk);
      } else if (kind === 'message') {
        const row = MessageRowSchema.parse(entity);
        const body = await this.#readJson(entity, 'Body');
        pushTo(messages, row.InstanceId, { instanceId: row.InstanceId, messageId: row.MessageId, body });
      } else if (kind === 'entity') {
        const row = EntityRowSchema.parse(entity);
        entities.set(row.InstanceId, EntitySnapshotSchema.parse(await this.#readJson(entity, 'Snapshot')));
      }
    }
    for (const list of chunks.values()) list.sort((a, b) => a.generation - b.generation || a.sequence - b.sequence);
    for (const list of messages.values()) list.sort((a, b) => (a.messageId < b.messageId ? -1 : 1));
    const projections = new Map<string, ProjectionRecord>();
    for await (const entity of this.instancesTable.listEntities<Record<string, unknown>>()) {
      const record = await readProjection(entity, this.payloads);
      projections.set(record.instanceId, record);
    }
    return { chunks, messages, entities, projections };
  }

  async #instanceRows(instanceId: string): Promise<Record<string, unknown>[]> {
    const range = rowKeys.instanceRange(instanceId);
    const filter = `PartitionKey eq '${this.partition(instanceId)}' and RowKey ge '${range.from.replace(/'/g, "''")}' and RowKey lt '${range.to.replace(/'/g, "''")}'`;
    const rows: Record<string, unknown>[] = [];
    for await (const entity of this.historyTable.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      rows.push(entity);
    }
    return rows;
  }

  /** The saved history of one execution generation (for status with history, after eviction). */
  async loadHistory(instanceId: string, generation: number): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    const chunks: StoredChunk[] = [];
    for (const row of await this.#instanceRows(instanceId)) {
      if (row['Kind'] === 'chunk' && row['Generation'] === generation) chunks.push(await this.#chunkFrom(row));
    }
    chunks.sort((a, b) => a.sequence - b.sequence);
    for (const chunk of chunks) events.push(...chunk.events);
    return events;
  }

  /** Deletes chunks of executions before `generation` (after continue-as-new or a restart). */
  async removeGenerationsBefore(instanceId: string, generation: number): Promise<void> {
    const stale = (await this.#instanceRows(instanceId)).filter(
      (row) => row['Kind'] === 'chunk' && typeof row['Generation'] === 'number' && row['Generation'] < generation,
    );
    await this.#deleteRows(instanceId, stale);
  }

  async #deleteRows(instanceId: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    const partitionKey = this.partition(instanceId);
    const actions: TransactionAction[] = rows.map((row) => ['delete', { partitionKey, rowKey: String(row['rowKey']) }]);
    for (let at = 0; at < actions.length; at += 100) {
      await this.history.commit(partitionKey, actions.slice(at, at + 100));
    }
  }

  /** Deletes everything of one instance: history, pending messages, status row, large payloads. */
  async purge(instanceId: string): Promise<void> {
    await this.#deleteRows(instanceId, await this.#instanceRows(instanceId));
    const partitionKey = this.partition(instanceId);
    await this.projections.commit(partitionKey, [['delete', { partitionKey, rowKey: rowKeys.projection(instanceId) }]], rowKeys.projection(instanceId));
    await this.payloads.remove(`${encodeURIComponent(instanceId)}/`);
  }

  /** One page of status rows matching `filter` (OData), with the table's continuation token. */
  async queryProjections(
    filter: string | undefined,
    pageSize: number,
    continuationToken: string | undefined,
  ): Promise<{ records: ProjectionRecord[]; continuationToken: string | undefined }> {
    const pages = this.instancesTable
      .listEntities<Record<string, unknown>>(filter ? { queryOptions: { filter } } : {})
      .byPage({ maxPageSize: pageSize, ...(continuationToken ? { continuationToken } : {}) });
    const page = await pages.next();
    if (page.done) return { records: [], continuationToken: undefined };
    const records: ProjectionRecord[] = [];
    for (const entity of page.value) records.push(await readProjection(entity, this.payloads));
    return { records, continuationToken: page.value.continuationToken };
  }
}
