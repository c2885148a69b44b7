/**
 * Sub-orchestrations: a child starts once its parent's episode is saved (and again at start-up if
 * it was never created), and reports its end to the parent, which ignores a report it already has.
 */
import { isTerminal, type ExecutionState } from '../engine/execution-state';
import type { ChildStart } from '../engine/episode-effects';
import type { OrchestrationMessage, QueuedMessage } from '../engine/orchestration-messages';
import { parseJsonText } from '../protocol/trigger-payloads';
import type { FunctionCatalog } from './function-catalog';

export class InstanceActiveError extends Error {
  constructor(readonly instanceId: string) {
    super(`An Orchestration instance with the ID '${instanceId}' already exists.`);
  }
}

/** What this module needs of the engine. */
export interface ChildHost {
  readonly instances: ReadonlyMap<string, { readonly state: ExecutionState }>;
  enqueue(instanceId: string, queued: QueuedMessage): void;
  create(start: {
    instanceId: string;
    name: string;
    version?: string;
    input: string | undefined;
    parent: NonNullable<ExecutionState['parent']>;
  }): Promise<unknown>;
}

function sameParent(a: ExecutionState['parent'], b: NonNullable<ExecutionState['parent']>): boolean {
  return a !== undefined && a.instanceId === b.instanceId && a.executionId === b.executionId && a.taskId === b.taskId;
}

/** Starts a child unless it exists already for this very task (replay after a crash). */
export async function startChild(
  host: ChildHost,
  catalog: FunctionCatalog,
  parentId: string,
  parent: ExecutionState,
  child: ChildStart,
): Promise<void> {
  const link = { instanceId: parentId, executionId: parent.executionId, name: parent.name, taskId: child.taskId };
  const existing = host.instances.get(child.instanceId);
  if (existing && sameParent(existing.state.parent, link)) {
    if (isTerminal(existing.state.status)) notifyParent(host, existing.state);
    return;
  }
  const refuse = (reason: string): void =>
    host.enqueue(parentId, {
      message: { kind: 'subOrchestrationFailed', executionId: parent.executionId, taskId: child.taskId, reason, details: '' },
    });
  if (!catalog.orchestrator(child.name)) {
    refuse(`The function '${child.name}' doesn't exist, is disabled, or is not an orchestrator function.`);
    return;
  }
  try {
    await host.create({
      instanceId: child.instanceId,
      name: child.name,
      ...(child.version === undefined ? {} : { version: child.version }),
      input: child.input,
      parent: link,
    });
  } catch (error) {
    if (!(error instanceof InstanceActiveError)) throw error;
    refuse(error.message);
  }
}

/** Tells the parent (if any) how a finished child ended. */
export function notifyParent(host: ChildHost, state: ExecutionState): void {
  const parent = state.parent;
  if (!parent) return;
  const output = state.output ?? 'null';
  const message: OrchestrationMessage =
    state.status === 'Completed'
      ? { kind: 'subOrchestrationCompleted', executionId: parent.executionId, taskId: parent.taskId, result: output }
      : {
          kind: 'subOrchestrationFailed',
          executionId: parent.executionId,
          taskId: parent.taskId,
          reason:
            state.status === 'Terminated'
              ? `The sub-orchestration '${state.instanceId}' was terminated: ${String(parseJsonText(output))}`
              : String(parseJsonText(output)),
          details: '',
        };
  host.enqueue(parent.instanceId, { message });
}
