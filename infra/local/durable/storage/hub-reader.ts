/**
 * Reads the task hub back: the whole of it at start-up (history chunks, pending messages, entity
 * states, status rows), one instance's history on demand, and pages of status rows for queries.
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { HistoryEventSchema, type HistoryEvent } from '../protocol/history-events';
import { ExecutionStateSchema, type ExecutionState } from '../engine/execution-state';
import { EntitySnapshotSchema, type EntitySnapshot } from '../engine/entity-state';
import { rowKeys } from './hub-layout';
import { readColumns, type LargePayloads } from './payload-columns';
import { readProjection, type ProjectionRecord } from './instance-projection';

const ChunkRowSchema = z.object({
  Kind: z.literal('chunk'),
  InstanceId: z.string(),
  Generation: z.number().int(),
  Sequence: z.number().int(),
});
const MessageRowSchema = z.object({ Kind: z.literal('message'), InstanceId: z.string(), MessageId: z.string() });
const EntityRowSchema = z.object({ Kind: z.literal('entity'), InstanceId: z.string() });

/** The task hub as read back, which the store keeps in memory. */
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

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class HubReader {
  constructor(
    private readonly historyTable: TableClient,
    private readonly instancesTable: TableClient,
    private readonly payloads: LargePayloads,
    private readonly partition: (instanceId: string) => string,
  ) {}

  async readJson(entity: Readonly<Record<string, unknown>>, name: string): Promise<unknown> {
    const text = await this.payloads.text(readColumns(entity, name));
    return text === undefined ? undefined : JSON.parse(text);
  }

  async chunkFrom(entity: Readonly<Record<string, unknown>>): Promise<StoredChunk> {
    const row = ChunkRowSchema.parse(entity);
    return {
      generation: row.Generation,
      sequence: row.Sequence,
      events: z.array(HistoryEventSchema).parse(await this.readJson(entity, 'Events')),
      state: ExecutionStateSchema.parse(await this.readJson(entity, 'State')),
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
        const chunk = await this.chunkFrom(entity);
        pushTo(chunks, chunk.state.instanceId, chunk);
      } else if (kind === 'message') {
        const row = MessageRowSchema.parse(entity);
        const body = await this.readJson(entity, 'Body');
        pushTo(messages, row.InstanceId, { instanceId: row.InstanceId, messageId: row.MessageId, body });
      } else if (kind === 'entity') {
        const row = EntityRowSchema.parse(entity);
        entities.set(row.InstanceId, EntitySnapshotSchema.parse(await this.readJson(entity, 'Snapshot')));
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

  async instanceRows(instanceId: string): Promise<Record<string, unknown>[]> {
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
    for (const row of await this.instanceRows(instanceId)) {
      if (row['Kind'] === 'chunk' && row['Generation'] === generation) chunks.push(await this.chunkFrom(row));
    }
    chunks.sort((a, b) => a.sequence - b.sequence);
    for (const chunk of chunks) events.push(...chunk.events);
    return events;
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
