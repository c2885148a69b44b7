/**
 * What an orchestrator invocation returns (durable-functions' OrchestratorState) and the actions it
 * carries, parsed at the boundary. Failures arrive as an error whose message holds the same state
 * after the `$OutOfProcData$:` label.
 */
import { z } from 'zod';

export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CallSubOrchestratorWithRetry: 3,
  ContinueAsNew: 4,
  CreateTimer: 5,
  WaitForExternalEvent: 6,
  CallEntity: 7,
  CallHttp: 8,
  SignalEntity: 9,
  ScheduledSignalEntity: 10,
  WhenAny: 11,
  WhenAll: 12,
  LockEntities: 13,
  ReleaseEntities: 14,
} as const;

export const RetryOptionsSchema = z.object({
  firstRetryIntervalInMilliseconds: z.number().positive(),
  maxNumberOfAttempts: z.number().int(),
  backoffCoefficient: z.number().positive().optional(),
  maxRetryIntervalInMilliseconds: z.number().positive().optional(),
  retryTimeoutInMilliseconds: z.number().positive().optional(),
});
export type RetryOptions = z.infer<typeof RetryOptionsSchema>;

/** Dates survive as Date objects in-process and as ISO strings once serialized by the worker. */
const InstantSchema = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const at = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(at)) {
    ctx.addIssue({ code: 'custom', message: 'not a valid instant' });
    return z.NEVER;
  }
  return at;
});

const LeafActionSchema = z.discriminatedUnion('actionType', [
  z.object({ actionType: z.literal(ActionType.CallActivity), functionName: z.string(), input: z.unknown().optional() }),
  z.object({
    actionType: z.literal(ActionType.CallActivityWithRetry),
    functionName: z.string(),
    retryOptions: RetryOptionsSchema,
    input: z.unknown().optional(),
  }),
  z.object({
    actionType: z.literal(ActionType.CallSubOrchestrator),
    functionName: z.string(),
    instanceId: z.string().optional(),
    version: z.string().optional(),
    input: z.unknown().optional(),
  }),
  z.object({
    actionType: z.literal(ActionType.CallSubOrchestratorWithRetry),
    functionName: z.string(),
    retryOptions: RetryOptionsSchema,
    instanceId: z.string().optional(),
    version: z.string().optional(),
    input: z.unknown().optional(),
  }),
  z.object({ actionType: z.literal(ActionType.ContinueAsNew), input: z.unknown().optional() }),
  z.object({ actionType: z.literal(ActionType.CreateTimer), fireAt: InstantSchema, isCanceled: z.boolean() }),
  z.object({
    actionType: z.literal(ActionType.WaitForExternalEvent),
    externalEventName: z.string(),
    reason: z.string().optional(),
  }),
  z.object({
    actionType: z.literal(ActionType.CallEntity),
    instanceId: z.string(),
    operation: z.string(),
    input: z.unknown().optional(),
  }),
  z.object({
    actionType: z.literal(ActionType.SignalEntity),
    instanceId: z.string(),
    operation: z.string(),
    input: z.unknown().optional(),
  }),
  // Parsed only to be refused with a clear message: the emulator does not run them.
  z.object({
    actionType: z.union([
      z.literal(ActionType.CallHttp),
      z.literal(ActionType.ScheduledSignalEntity),
      z.literal(ActionType.LockEntities),
      z.literal(ActionType.ReleaseEntities),
    ]),
  }),
]);
export type LeafAction = z.infer<typeof LeafActionSchema>;

export interface CompoundAction {
  readonly actionType: typeof ActionType.WhenAny | typeof ActionType.WhenAll;
  readonly compoundActions: readonly Action[];
}
export type Action = LeafAction | CompoundAction;

const ActionSchema: z.ZodType<Action> = z.lazy(() =>
  z.union([
    z.object({
      actionType: z.union([z.literal(ActionType.WhenAny), z.literal(ActionType.WhenAll)]),
      compoundActions: z.array(ActionSchema),
    }),
    LeafActionSchema,
  ]),
);

export const OrchestratorStateSchema = z.object({
  isDone: z.boolean(),
  actions: z.array(z.array(ActionSchema)),
  output: z.unknown().optional(),
  error: z.string().optional(),
  customStatus: z.unknown().optional(),
  schemaVersion: z.number().int().optional(),
});
export type OrchestratorState = z.infer<typeof OrchestratorStateSchema>;

function isCompound(action: Action): action is CompoundAction {
  return action.actionType === ActionType.WhenAny || action.actionType === ActionType.WhenAll;
}

/**
 * The cumulative action list as the extension replays it: every leaf, depth first through Task.any
 * and Task.all, in the order the orchestrator yielded them. A leaf's position is stable across
 * replays of one execution, which is how earlier actions (e.g. a timer now cancelled) are found.
 */
export function flattenLeaves(actions: readonly (readonly Action[])[]): LeafAction[] {
  const leaves: LeafAction[] = [];
  const visit = (action: Action): void => {
    if (isCompound(action)) action.compoundActions.forEach(visit);
    else leaves.push(action);
  };
  for (const group of actions) group.forEach(visit);
  return leaves;
}

/** The worker hands values back through JSON; normalise in-process results the same way. */
export function asJsonValue(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

const OUT_OF_PROC_LABEL = '$OutOfProcData$:';

export interface OrchestratorFailure {
  /** The user-facing message (what the orchestrator threw). */
  readonly message: string;
  /** The state the library attached, when it did (actions scheduled before the failure, custom status). */
  readonly state?: OrchestratorState;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return JSON.stringify(error) ?? String(error);
}

/** Reads an orchestrator invocation's failure: `OrchestrationFailureError` or anything else thrown. */
export function parseOrchestratorFailure(error: unknown): OrchestratorFailure {
  const full = messageOf(error);
  const at = full.indexOf(OUT_OF_PROC_LABEL);
  if (at < 0) return { message: full };
  const message = full.slice(0, at).replace(/\s+$/, '');
  try {
    const parsed = OrchestratorStateSchema.safeParse(JSON.parse(full.slice(at + OUT_OF_PROC_LABEL.length)));
    if (parsed.success) return { message: parsed.data.error ?? message, state: parsed.data };
  } catch {
    // A label with no valid JSON after it is reported as the plain message.
  }
  return { message };
}
