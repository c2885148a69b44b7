/**
 * Runs an activity or entity batch again when its invocation was abandoned (the worker process
 * running it died), as Azure's Durable extension puts the work item back on its queue: an activity
 * runs at least once, so its work must be safe to repeat, and a crashed worker never turns into a
 * failure the orchestration sees. A function that throws fails as before.
 */
import { isAbandonedInvocation, type FunctionInvoker, type TriggerInvocation } from '../../host/extension-contract';

/** Enough for the host to replace a dead worker; an app whose workers keep dying fails instead of looping. */
export const ABANDONED_INVOCATION_ATTEMPTS = 10;
const PAUSE_BETWEEN_ATTEMPTS_MS = 250;

export async function invokeAgainIfAbandoned(
  invoker: FunctionInvoker,
  functionName: string,
  invocation: TriggerInvocation,
  attempts = ABANDONED_INVOCATION_ATTEMPTS,
): Promise<unknown> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await invoker.invoke(functionName, invocation);
    } catch (error) {
      if (!isAbandonedInvocation(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_ATTEMPTS_MS));
    }
  }
}
