/**
 * Snapshots of the Cosmos stand-in's account: databases, containers (partition key, unique keys,
 * indexing policy), user-defined functions and documents, as one JSON value. Restoring keeps each
 * document's `_etag` and `_ts`, so an ETag a client read before a restart still matches after it.
 */
import { z } from 'zod';
import type { CosmosAccount } from './cosmos-engine';
import { restoreDocument } from './cosmos-journal';

export const SNAPSHOT_FORMAT = 'baton.cosmos-standin.snapshot/1';

const ResourceSchema = z.looseObject({ id: z.string() });
type Resource = z.infer<typeof ResourceSchema>;

const UserDefinedFunctionSchema = z.object({ id: z.string(), body: z.string() });

const ContainerSnapshotSchema = z.object({
  definition: ResourceSchema,
  userDefinedFunctions: z.array(UserDefinedFunctionSchema),
  documents: z.array(ResourceSchema),
});

const DatabaseSnapshotSchema = z.object({
  definition: ResourceSchema,
  containers: z.array(ContainerSnapshotSchema),
});

export const CosmosSnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  savedAt: z.string(),
  /** The last write-ahead journal generation whose effects the snapshot holds (absent: none). */
  journalGeneration: z.number().int().nonnegative().optional(),
  databases: z.array(DatabaseSnapshotSchema),
});
export type CosmosSnapshot = z.infer<typeof CosmosSnapshotSchema>;

interface Readable {
  read(): unknown;
}

/** The live resources of one of the account's collections, skipping deleted placeholders. */
function liveResources(items: { _data: Map<string, Readable> }): Resource[] {
  const resources: Resource[] = [];
  for (const item of items._data.values()) {
    const parsed = ResourceSchema.safeParse(item.read());
    if (parsed.success) resources.push(parsed.data);
  }
  return resources;
}

/** Server-assigned properties of databases and containers; they are re-assigned on restore. */
function withoutSystemProperties(resource: Resource): Resource {
  const definition: Resource = { id: resource.id };
  for (const [key, value] of Object.entries(resource)) {
    if (!key.startsWith('_')) definition[key] = value;
  }
  return definition;
}

/** Captures the whole account synchronously, so the snapshot is consistent between requests. */
export function captureSnapshot(account: CosmosAccount, savedAt: Date, journalGeneration?: number): CosmosSnapshot {
  const databases = [...account.databases._data.values()].flatMap((database) => {
    const definition = ResourceSchema.safeParse(database.read());
    if (!definition.success) return [];
    const containers = [...database.collections._data.values()].flatMap((collection) => {
      const containerDefinition = ResourceSchema.safeParse(collection.read());
      if (!containerDefinition.success) return [];
      return [
        {
          definition: withoutSystemProperties(containerDefinition.data),
          userDefinedFunctions: liveResources(collection.userDefinedFunctions).flatMap((udf) => {
            const parsed = UserDefinedFunctionSchema.safeParse(udf);
            return parsed.success ? [parsed.data] : [];
          }),
          documents: liveResources(collection.documents),
        },
      ];
    });
    return [{ definition: withoutSystemProperties(definition.data), containers }];
  });
  return {
    format: SNAPSHOT_FORMAT,
    savedAt: savedAt.toISOString(),
    ...(journalGeneration === undefined ? {} : { journalGeneration }),
    databases,
  };
}

/** Loads a snapshot into an empty account. */
export function restoreSnapshot(account: CosmosAccount, snapshot: CosmosSnapshot): void {
  for (const database of snapshot.databases) {
    account.databases.create(database.definition);
    const restoredDatabase = account.database(database.definition.id);
    for (const container of database.containers) {
      restoredDatabase.collections.create(container.definition);
      const collection = restoredDatabase.collection(container.definition.id);
      for (const udf of container.userDefinedFunctions) collection.userDefinedFunctions.create(udf);
      for (const document of container.documents) restoreDocument(collection, document);
    }
  }
}
