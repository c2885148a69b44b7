/**
 * The trigger values the Durable extension hands the Node worker: the orchestration trigger
 * (history plus replay settings) and the entity trigger (a batch of operations), and the shape of
 * what an entity invocation returns.
 */
import { z } from 'zod';
import type { HistoryEvent } from './history-events';

/** Replay schema V3 (long timers, compound actions); entity locks (V4) are not offered. */
export const UPPER_SCHEMA_VERSION = 2;
export const DEFAULT_HTTP_ASYNC_SLEEP_MS = 30_000;

export interface OrchestrationTriggerPayload {
  readonly history: readonly HistoryEvent[];
  readonly input: unknown;
  readonly instanceId: string;
  readonly isReplaying: boolean;
  readonly parentInstanceId?: string;
  readonly upperSchemaVersion: number;
  readonly maximumShortTimerDuration: string;
  readonly longRunningTimerIntervalDuration: string;
  readonly defaultHttpAsyncRequestSleepTimeMillseconds: number;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** A .NET TimeSpan string ("d.hh:mm:ss.fff"), the form the extension sends and moment parses. */
export function toTimeSpan(ms: number): string {
  const whole = Math.floor(ms);
  const days = Math.floor(whole / 86_400_000);
  const hours = Math.floor((whole % 86_400_000) / 3_600_000);
  const minutes = Math.floor((whole % 3_600_000) / 60_000);
  const seconds = Math.floor((whole % 60_000) / 1000);
  const millis = whole % 1000;
  const clock = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${millis ? `.${pad(millis, 3)}` : ''}`;
  return `${days}.${clock}`;
}

/** JSON text → value, as the extension passes inputs to the worker (undefined when absent). */
export function parseJsonText(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface EntityBatchOperation {
  readonly id: string;
  readonly name: string;
  readonly signal: boolean;
  readonly input?: string;
}

export interface EntityTriggerPayload {
  readonly self: { readonly name: string; readonly key: string };
  readonly exists: boolean;
  readonly state?: string;
  readonly batch: readonly EntityBatchOperation[];
}

export const EntityBatchResultSchema = z.object({
  entityExists: z.boolean().optional(),
  entityState: z.string().optional(),
  results: z.array(
    z.object({
      isError: z.boolean(),
      duration: z.number().optional(),
      startTime: z.number().optional(),
      result: z.string().optional(),
    }),
  ),
  signals: z.array(
    z.object({
      target: z.object({ name: z.string(), key: z.string() }),
      name: z.string(),
      input: z.string().optional(),
      requestId: z.string().optional(),
    }),
  ),
});
export type EntityBatchResult = z.infer<typeof EntityBatchResultSchema>;
