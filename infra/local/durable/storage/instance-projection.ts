/**
 * The Instances table row of an orchestration: what status queries filter and page over (name,
 * runtime status, created and last-updated time) and what they return (input, output, custom
 * status), derived from the execution's saved bookkeeping.
 */
import { z } from 'zod';
import type { ExecutionState, RuntimeStatus } from '../engine/execution-state';
import { RuntimeStatusSchema } from '../engine/execution-state';
import { rowKeys } from './hub-layout';
import { readColumns, type EntityColumns, type LargePayloads } from './payload-columns';

export interface ProjectionRecord {
  readonly instanceId: string;
  readonly name: string;
  readonly runtimeStatus: RuntimeStatus;
  readonly createdAt: number;
  readonly lastUpdatedAt: number;
  readonly executionId: string;
  readonly generation: number;
  readonly episodes: number;
  readonly input?: string;
  readonly output?: string;
  readonly customStatus?: string;
}

const ProjectionRowSchema = z.object({
  InstanceId: z.string(),
  Name: z.string(),
  RuntimeStatus: RuntimeStatusSchema,
  CreatedTime: z.union([z.date(), z.string()]),
  LastUpdatedTime: z.union([z.date(), z.string()]),
  ExecutionId: z.string(),
  Generation: z.number().int(),
  Episodes: z.number().int(),
});

const timeOf = (value: Date | string): number => (typeof value === 'string' ? Date.parse(value) : value.getTime());

export interface ProjectionEntity extends EntityColumns {
  partitionKey: string;
  rowKey: string;
}

export async function projectionEntity(
  state: ExecutionState,
  partitionKey: string,
  payloads: LargePayloads,
): Promise<ProjectionEntity> {
  const blobBase = `${encodeURIComponent(state.instanceId)}/projection`;
  const optional = async (name: string, text: string | undefined): Promise<EntityColumns> =>
    text === undefined ? {} : payloads.columns(name, text, `${blobBase}/${name.toLowerCase()}.json`);
  return {
    partitionKey,
    rowKey: rowKeys.projection(state.instanceId),
    InstanceId: state.instanceId,
    Name: state.name,
    RuntimeStatus: state.status,
    CreatedTime: new Date(state.createdAt),
    LastUpdatedTime: new Date(state.lastUpdatedAt),
    ExecutionId: state.executionId,
    Generation: state.generation,
    Episodes: state.episodes,
    ...(await optional('Input', state.input)),
    ...(await optional('Output', state.output)),
    ...(await optional('CustomStatus', state.customStatus)),
  };
}

export async function readProjection(
  entity: Readonly<Record<string, unknown>>,
  payloads: LargePayloads,
): Promise<ProjectionRecord> {
  const row = ProjectionRowSchema.parse(entity);
  const input = await payloads.text(readColumns(entity, 'Input'));
  const output = await payloads.text(readColumns(entity, 'Output'));
  const customStatus = await payloads.text(readColumns(entity, 'CustomStatus'));
  return {
    instanceId: row.InstanceId,
    name: row.Name,
    runtimeStatus: row.RuntimeStatus,
    createdAt: timeOf(row.CreatedTime),
    lastUpdatedAt: timeOf(row.LastUpdatedTime),
    executionId: row.ExecutionId,
    generation: row.Generation,
    episodes: row.Episodes,
    ...(input === undefined ? {} : { input }),
    ...(output === undefined ? {} : { output }),
    ...(customStatus === undefined ? {} : { customStatus }),
  };
}

/**
 * Whether what a status query shows changed (status, output, custom status, execution): only then
 * is the Instances row rewritten. Status reads come from memory, so they are never stale.
 */
export function projectionDiffers(before: ExecutionState, after: ExecutionState): boolean {
  return (
    before.status !== after.status ||
    before.output !== after.output ||
    before.customStatus !== after.customStatus ||
    before.executionId !== after.executionId
  );
}
