/**
 * The Cosmos DB container catalogue: names, partition keys and indexing policies. The store creates
 * containers from it locally, and the infrastructure test checks the Bicep template against it.
 */
import {
  PartitionKeyDefinitionVersion,
  PartitionKeyKind,
  type ContainerDefinition,
  type IndexingPolicy,
} from '@azure/cosmos';

export const BATON_DATABASE = 'baton';

export const TICKETS_CONTAINER = 'tickets';
export const IDEMPOTENCY_CONTAINER = 'idempotency';
export const OUTBOX_CONTAINER = 'outbox';
export const CONFIG_CONTAINER = 'config';
export const CONVERSATIONS_CONTAINER = 'conversations';

/** One document per ticket, so its state and timeline change together under one ETag. */
export const TICKETS_PARTITION_KEY_PATH = '/ticketNumber';
/** The idempotency key hash: create-if-absent on the id gives exactly-once intake. */
export const IDEMPOTENCY_PARTITION_KEY_PATH = '/id';
/** The deterministic message id: a retried send finds its own outbox record. */
export const OUTBOX_PARTITION_KEY_PATH = '/id';
/** Organisation configuration documents are few and read by id. */
export const CONFIG_PARTITION_KEY_PATH = '/id';
/** A chat conversation is one document, read and updated by its id under one ETag. */
export const CONVERSATIONS_PARTITION_KEY_PATH = '/id';

/** Cosmos DB's default: every property indexed as it is written; the policies below start from it. */
const EVERY_PATH_INDEXED = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [{ path: '/*' }],
  excludedPaths: [],
} satisfies IndexingPolicy;

/**
 * Queue views filter by queue or status and sort by the next SLA deadline across partitions; without
 * these composite indexes Cosmos refuses (or scans for) `WHERE … ORDER BY c.slaNextDueAt`. The
 * intake repair's filter on `status` and `createdAt` is served by the range indexes of `/*`
 * (it has no ORDER BY to walk). The embedded timeline only grows and is never
 * filtered on, so indexing it would only make every append dearer. The watchdog's two rounds rely
 * on `/*` covering `/lifecycleDueAt` and `/notificationDebt/since`: a ticket due later, or owing
 * nothing, is outside their ranges, so a minute with nothing due costs two small queries. The
 * operations snapshot's `GROUP BY c.status, c.severity, c.slaStanding` counts over the same `/*`
 * range indexes, whatever the number of open tickets, without reading a document.
 */
export const TICKETS_INDEXING_POLICY = {
  ...EVERY_PATH_INDEXED,
  excludedPaths: [{ path: '/timeline/*' }],
  compositeIndexes: [
    [
      { path: '/queueId', order: 'ascending' },
      { path: '/slaNextDueAt', order: 'ascending' },
    ],
    [
      { path: '/status', order: 'ascending' },
      { path: '/slaNextDueAt', order: 'ascending' },
    ],
  ],
} satisfies IndexingPolicy;

/** Idempotency records are only ever read by id, so no property is worth an index write. */
export const IDEMPOTENCY_INDEXING_POLICY = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [],
  excludedPaths: [{ path: '/*' }],
} satisfies IndexingPolicy;

/**
 * The deliverer asks for pending messages that are due, oldest first: the composite index serves
 * that filter-and-sort across partitions without a scan.
 */
export const OUTBOX_INDEXING_POLICY = {
  ...EVERY_PATH_INDEXED,
  compositeIndexes: [
    [
      { path: '/status', order: 'ascending' },
      { path: '/nextAttemptAt', order: 'ascending' },
    ],
  ],
} satisfies IndexingPolicy;

export const CONFIG_INDEXING_POLICY = EVERY_PATH_INDEXED;

/**
 * Conversations are read by id; only the purge asks for those whose keeping time is over, so
 * `/purgeAt` is the one indexed path: the purge's query reads the due ones and nothing else, and
 * the messages a conversation grows by cost no index writes.
 */
export const CONVERSATIONS_INDEXING_POLICY = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [{ path: '/purgeAt/?' }],
  excludedPaths: [{ path: '/*' }],
} satisfies IndexingPolicy;

/**
 * Time to live switched on with no default (-1): each conversation carries its own `ttl`, and
 * Cosmos DB deletes it that long after its last write. The offline stand-in has no TTL, so the
 * purge timer deletes what is due there (and anything Azure has not deleted yet).
 */
export const CONVERSATIONS_DEFAULT_TTL = -1;

export interface BatonContainer {
  readonly id: string;
  readonly partitionKeyPath: string;
  readonly indexingPolicy: IndexingPolicy;
  /** Cosmos DB's container TTL: absent for off, -1 for on with each document's own `ttl`. */
  readonly defaultTtl?: number;
}

export const BATON_CONTAINERS: readonly BatonContainer[] = [
  { id: TICKETS_CONTAINER, partitionKeyPath: TICKETS_PARTITION_KEY_PATH, indexingPolicy: TICKETS_INDEXING_POLICY },
  { id: IDEMPOTENCY_CONTAINER, partitionKeyPath: IDEMPOTENCY_PARTITION_KEY_PATH, indexingPolicy: IDEMPOTENCY_INDEXING_POLICY },
  { id: OUTBOX_CONTAINER, partitionKeyPath: OUTBOX_PARTITION_KEY_PATH, indexingPolicy: OUTBOX_INDEXING_POLICY },
  { id: CONFIG_CONTAINER, partitionKeyPath: CONFIG_PARTITION_KEY_PATH, indexingPolicy: CONFIG_INDEXING_POLICY },
  {
    id: CONVERSATIONS_CONTAINER,
    partitionKeyPath: CONVERSATIONS_PARTITION_KEY_PATH,
    indexingPolicy: CONVERSATIONS_INDEXING_POLICY,
    defaultTtl: CONVERSATIONS_DEFAULT_TTL,
  },
];

/**
 * The definition `database.containers.createIfNotExists` takes. Version 2 (large) partition keys
 * match the Bicep template, so local and Azure hash the same way.
 */
export function containerDefinition(container: BatonContainer): ContainerDefinition {
  return {
    id: container.id,
    partitionKey: {
      paths: [container.partitionKeyPath],
      kind: PartitionKeyKind.Hash,
      version: PartitionKeyDefinitionVersion.V2,
    },
    indexingPolicy: structuredClone(container.indexingPolicy),
    ...(container.defaultTtl === undefined ? {} : { defaultTtl: container.defaultTtl }),
  };
}
