/**
 * The saved state of a durable entity: its value, whether it exists, which requests it has
 * already processed (so a redelivered message is not applied twice), and the messages it still
 * has to send (responses to calling orchestrations, signals to other entities).
 */
import { z } from 'zod';
import { EntityRequestSchema } from './execution-state';

export const EntityOutgoingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signal'), request: EntityRequestSchema }),
  z.object({
    kind: z.literal('response'),
    instanceId: z.string(),
    executionId: z.string(),
    requestId: z.string(),
    response: z.string(),
  }),
]);
export type EntityOutgoing = z.infer<typeof EntityOutgoingSchema>;

export const EntitySnapshotSchema = z.object({
  entityId: z.string(),
  name: z.string(),
  key: z.string(),
  exists: z.boolean(),
  state: z.string().optional(),
  processed: z.array(z.string()),
  outbox: z.array(EntityOutgoingSchema),
  lastOperationAt: z.number(),
});
export type EntitySnapshot = z.infer<typeof EntitySnapshotSchema>;

/** How many processed request ids an entity remembers for de-duplication. */
export const REMEMBERED_REQUESTS = 500;

/** Entity instance ids are `@name@key` with the name in lower case, as the library builds them. */
export function entityInstanceId(name: string, key: string): string {
  return `@${name.toLowerCase()}@${key}`;
}

export function parseEntityInstanceId(instanceId: string): { name: string; key: string } | undefined {
  if (!instanceId.startsWith('@')) return undefined;
  const at = instanceId.indexOf('@', 1);
  if (at < 0) return undefined;
  return { name: instanceId.slice(1, at), key: instanceId.slice(at + 1) };
}

export function emptyEntity(entityId: string, now: number): EntitySnapshot {
  const parsed = parseEntityInstanceId(entityId) ?? { name: entityId, key: '' };
  return { entityId, ...parsed, exists: false, processed: [], outbox: [], lastOperationAt: now };
}
