/**
 * The emulator's bookkeeping for one orchestration execution, saved with every episode: where the
 * action list was handled up to, the next task id, and the tasks still open (which history event
 * each one waits on, retry and long-timer progress, cancellation).
 */
import { z } from 'zod';
import { RetryOptionsSchema } from '../protocol/orchestrator-state';

export const RuntimeStatusSchema = z.enum([
  'Pending',
  'Running',
  'Completed',
  'ContinuedAsNew',
  'Failed',
  'Canceled',
  'Terminated',
  'Suspended',
]);
export type RuntimeStatus = z.infer<typeof RuntimeStatusSchema>;

const TERMINAL: ReadonlySet<RuntimeStatus> = new Set(['Completed', 'Failed', 'Canceled', 'Terminated']);
export function isTerminal(status: RuntimeStatus): boolean {
  return TERMINAL.has(status);
}

const RetryTrackingSchema = z.object({
  options: RetryOptionsSchema,
  /** 1-based attempt currently scheduled (or, while waiting on the delay timer, the one that failed). */
  attempt: z.number().int(),
  firstAttemptAt: z.number(),
  waitingOnDelay: z.boolean(),
});
export type RetryTracking = z.infer<typeof RetryTrackingSchema>;

const TaskBase = {
  /** The task id the next completion event must carry (TaskScheduledId / TimerId / EventSent id). */
  eventId: z.number().int(),
  /** Position of the action in the flattened cumulative action list. */
  leaf: z.number().int(),
};

export const OpenTaskSchema = z.discriminatedUnion('kind', [
  z.object({
    ...TaskBase,
    kind: z.literal('activity'),
    name: z.string(),
    input: z.string().optional(),
    retry: RetryTrackingSchema.optional(),
  }),
  z.object({
    ...TaskBase,
    kind: z.literal('subOrchestration'),
    name: z.string(),
    /** The instance id the caller chose, if any (otherwise one is derived per attempt). */
    requestedInstanceId: z.string().optional(),
    instanceId: z.string(),
    input: z.string().optional(),
    version: z.string().optional(),
    retry: RetryTrackingSchema.optional(),
  }),
  z.object({
    ...TaskBase,
    kind: z.literal('timer'),
    finalFireAt: z.number(),
    currentFireAt: z.number(),
    cancelled: z.boolean(),
  }),
  z.object({ ...TaskBase, kind: z.literal('entityCall'), requestId: z.string(), entityId: z.string() }),
]);
export type OpenTask = z.infer<typeof OpenTaskSchema>;
/** The tasks a retry policy can schedule again. */
export type TaskWithRetry = Extract<OpenTask, { kind: 'activity' | 'subOrchestration' }>;

export const ParentLinkSchema = z.object({
  instanceId: z.string(),
  executionId: z.string(),
  name: z.string(),
  taskId: z.number().int(),
});

/** A message for an entity, sent once the episode that produced it is saved. */
export const EntityRequestSchema = z.object({
  requestId: z.string(),
  entityId: z.string(),
  operation: z.string(),
  input: z.string().optional(),
  signal: z.boolean(),
  /** The calling orchestration, for calls (a response goes back to it). */
  parent: z.object({ instanceId: z.string(), executionId: z.string() }).optional(),
});
export type EntityRequest = z.infer<typeof EntityRequestSchema>;

export const ExecutionStateSchema = z.object({
  instanceId: z.string(),
  name: z.string(),
  version: z.string().optional(),
  executionId: z.string(),
  /** Increases with every new execution of the same instance id (restart or continue-as-new). */
  generation: z.number().int(),
  input: z.string().optional(),
  parent: ParentLinkSchema.optional(),
  status: RuntimeStatusSchema,
  createdAt: z.number(),
  lastUpdatedAt: z.number(),
  output: z.string().optional(),
  customStatus: z.string().optional(),
  /** Whether the first episode (the one that replays ExecutionStarted) has run. */
  started: z.boolean(),
  nextEventId: z.number().int(),
  handledLeaves: z.number().int(),
  openTasks: z.array(OpenTaskSchema),
  /** Number of episodes saved for this execution (the next history chunk's sequence number). */
  episodes: z.number().int(),
  /** Entity messages not yet known to be delivered. */
  outbox: z.array(EntityRequestSchema),
});
export type ExecutionState = z.infer<typeof ExecutionStateSchema>;

export interface NewExecution {
  readonly instanceId: string;
  readonly name: string;
  readonly version?: string;
  readonly executionId: string;
  readonly generation: number;
  readonly input: string | undefined;
  readonly parent?: z.infer<typeof ParentLinkSchema>;
  readonly now: number;
}

export function newExecutionState(start: NewExecution): ExecutionState {
  return {
    instanceId: start.instanceId,
    name: start.name,
    ...(start.version === undefined ? {} : { version: start.version }),
    executionId: start.executionId,
    generation: start.generation,
    ...(start.input === undefined ? {} : { input: start.input }),
    ...(start.parent ? { parent: start.parent } : {}),
    status: 'Pending',
    createdAt: start.now,
    lastUpdatedAt: start.now,
    started: false,
    nextEventId: 0,
    handledLeaves: 0,
    openTasks: [],
    episodes: 0,
    outbox: [],
  };
}
