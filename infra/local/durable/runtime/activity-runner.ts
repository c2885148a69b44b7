/**
 * Runs one activity through the host's invoker as the extension does, and reports the outcome as
 * the message its orchestration receives: TaskCompleted with the JSON result, or TaskFailed with
 * the reason and details the orchestrator's error will carry.
 */
import type { FunctionInvoker } from '../../host/extension-contract';
import type { OrchestrationMessage } from '../engine/orchestration-messages';
import type { FunctionCatalog } from './function-catalog';
import { invokeAgainIfAbandoned } from './invoke-again-if-abandoned';

export interface ActivityWork {
  readonly executionId: string;
  readonly taskId: number;
  readonly name: string;
  /** The input as JSON text, handed to the worker as text for it to parse (as the host does). */
  readonly input: string | undefined;
}

function stringProperty(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(name in value)) return undefined;
  const property: unknown = Reflect.get(value, name);
  return typeof property === 'string' ? property : undefined;
}

/** Message and details of what a function threw (errors from the app's realm fail `instanceof`). */
export function failureDetails(error: unknown): { message: string; details: string } {
  const message = stringProperty(error, 'message') ?? String(error);
  const stack = stringProperty(error, 'stack');
  return { message, details: JSON.stringify({ Message: message, StackTrace: stack ?? null }) };
}

export async function runActivity(
  work: ActivityWork,
  catalog: FunctionCatalog,
  invoker: FunctionInvoker,
): Promise<OrchestrationMessage> {
  const { executionId, taskId } = work;
  const fn = catalog.activity(work.name);
  if (!fn) {
    return {
      kind: 'taskFailed',
      executionId,
      taskId,
      reason: `The function '${work.name}' doesn't exist, is disabled, or is not an activity function.`,
      details: '',
    };
  }
  try {
    const result = await invokeAgainIfAbandoned(invoker, fn.name, { triggerValue: work.input });
    return { kind: 'taskCompleted', executionId, taskId, result: JSON.stringify(result) ?? 'null' };
  } catch (error) {
    const failure = failureDetails(error);
    return {
      kind: 'taskFailed',
      executionId,
      taskId,
      reason: `Activity function '${work.name}' failed: ${failure.message}`,
      details: failure.details,
    };
  }
}
