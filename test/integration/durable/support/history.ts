/**
 * Reads an instance's status and history through the emulator's Durable HTTP API, as
 * `GET instances/{id}?showHistory=true&showHistoryOutput=true` returns them.
 */
import { z } from 'zod';
import type { DurableHarness } from './durable-harness';

const StatusSchema = z.looseObject({
  name: z.string(),
  instanceId: z.string(),
  runtimeStatus: z.string(),
  input: z.unknown(),
  output: z.unknown(),
  customStatus: z.unknown(),
  createdTime: z.string(),
  lastUpdatedTime: z.string(),
  historyEvents: z.array(z.looseObject({ EventType: z.string(), Timestamp: z.string() })).optional(),
});
export type InstanceStatus = z.infer<typeof StatusSchema>;
export type ReadableEvent = NonNullable<InstanceStatus['historyEvents']>[number];

/** Any host of the fixture app will do: the in-process harness or a host process a test can kill. */
type DurableApi = Pick<DurableHarness, 'rpc'>;

export async function statusWithHistory(host: DurableApi, instanceId: string): Promise<InstanceStatus> {
  const response = await host.rpc(`instances/${encodeURIComponent(instanceId)}?showHistory=true&showHistoryOutput=true`);
  if (response.status === 404) throw new Error(`instance ${instanceId} not found`);
  return StatusSchema.parse(await response.json());
}

export function eventsOf(status: InstanceStatus, type: string): ReadableEvent[] {
  return (status.historyEvents ?? []).filter((event) => event.EventType === type);
}
