/**
 * The task hub in Azure Storage, as the emulator writes it. The History table is the source of
 * truth: per instance, one row per saved episode (new history events plus the execution's
 * bookkeeping after it) and one row per pending message; an episode, the messages it consumed
 * and (for continue-as-new) the next execution's start are one table transaction. The Instances
 * table is a projection for status queries, rewritten after each save and repaired at start-up.
 */
import { TableClient, TableServiceClient, type TransactionAction } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import type { HistoryEvent } from '../protocol/history-events';
import type { ExecutionState } from '../engine/execution-state';
import type { EntitySnapshot } from '../engine/entity-state';
import { GroupCommitter, type TransactionSubmitter } from './group-commit';
import { sharedKeyAccount, TableBatchClient } from './table-batch-client';
import { HubReader, type HubSnapshot } from './hub-reader';
import { hubNames, partitionOf, rowKeys } from './hub-layout';
import { LargePayloads, type EntityColumns } from './payload-columns';
import { projectionEntity, type ProjectionRecord } from './instance-projection';

export interface EpisodeWrite {
  readonly state: ExecutionState;
  readonly events: readonly HistoryEvent[];
  /** Pending-message rows this episode consumed (deleted in the same transaction). */
  readonly consumed: readonly string[];
  /** The next execution's start, written in the same transaction (continue-as-new). */
  readonly next?: ExecutionState;
}

function clientOptions(connection: string): { allowInsecureConnection: boolean } {
  return { allowInsecureConnection: /usedevelopmentstorage=true|=http:\/\//i.test(connection) };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 404;
}


export class TaskHubStore {
  readonly history: GroupCommitter;
  readonly projections: GroupCommitter;
  readonly reader: HubReader;

  private constructor(
    historyTable: TableClient,
    instancesTable: TableClient,
    writers: { history: TransactionSubmitter; instances: TransactionSubmitter },
    private readonly payloads: LargePayloads,
    private readonly partitionCount: number,
    onSettled: () => void,
    private readonly release: () => void,
  ) {
    this.history = new GroupCommitter(writers.history, onSettled);
    this.projections = new GroupCommitter(writers.instances, onSettled);
    this.reader = new HubReader(historyTable, instancesTable, payloads, (instanceId: string) => this.partition(instanceId));
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

  /** Reads the whole hub (start-up recovery). */
  loadAll(): Promise<HubSnapshot> {
    return this.reader.loadAll();
  }

  /** The saved history of one execution generation (for status with history, after eviction). */
  loadHistory(instanceId: string, generation: number): Promise<HistoryEvent[]> {
    return this.reader.loadHistory(instanceId, generation);
  }

  queryProjections(
    filter: string | undefined,
    pageSize: number,
    continuationToken: string | undefined,
  ): Promise<{ records: ProjectionRecord[]; continuationToken: string | undefined }> {
    return this.reader.queryProjections(filter, pageSize, continuationToken);
  }

  /** Deletes chunks of executions before `generation` (after continue-as-new or a restart). */
  async removeGenerationsBefore(instanceId: string, generation: number): Promise<void> {
    const stale = (await this.reader.instanceRows(instanceId)).filter(
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
    await this.#deleteRows(instanceId, await this.reader.instanceRows(instanceId));
    const partitionKey = this.partition(instanceId);
    await this.projections.commit(partitionKey, [['delete', { partitionKey, rowKey: rowKeys.projection(instanceId) }]], rowKeys.projection(instanceId));
    await this.payloads.remove(`${encodeURIComponent(instanceId)}/`);
  }
}
