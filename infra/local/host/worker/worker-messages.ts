/**
 * The messages between the host and its worker processes, as the Functions host and the Node
 * worker exchange them over gRPC: the host starts the worker on an app, forwards its clock and
 * environment, and sends invocation requests whose bindings it has already resolved; the worker
 * answers with the function list, logs, and each invocation's response or error. Both sides
 * check what arrives, since a message crossed a process boundary.
 */
import { z } from 'zod';
import type { RpcHttpData } from '../core-api-types';
import type { HostLogLevel } from '../extension-contract';
import { isHostLogLevel } from '../host-log';

const HttpDataSchema = z.custom<RpcHttpData>((value) => typeof value === 'object' && value !== null, 'HTTP data must be an object');

// Bytes cross the channel as Uint8Array (the channel uses V8's structured clone).
const BytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes must be a Uint8Array');
const TypedDataSchema = z.object({
  string: z.string().nullish(),
  json: z.string().nullish(),
  bytes: BytesSchema.nullish(),
  stream: BytesSchema.nullish(),
  http: HttpDataSchema.nullish(),
  int: z.number().nullish(),
  double: z.number().nullish(),
});

const ParameterBindingSchema = z.object({ name: z.string().nullish(), data: TypedDataSchema.nullish() });

const InvocationResponseSchema = z.object({
  invocationId: z.string().nullish(),
  outputData: z.array(ParameterBindingSchema).nullish(),
  returnValue: TypedDataSchema.nullish(),
});

const RegisteredFunctionSchema = z.object({
  name: z.string().min(1),
  triggerType: z.string().min(1),
  bindings: z.record(z.string(), z.looseObject({ type: z.string(), direction: z.string() })),
  metadata: z.record(z.string(), z.unknown()),
});

const LogLevelSchema = z.custom<HostLogLevel>((value) => typeof value === 'string' && isHostLogLevel(value), 'not a host log level');

/** An error as it crosses the boundary: enough for the host log and Durable's failure details. */
export const WorkerErrorSchema = z.object({ name: z.string(), message: z.string(), stack: z.string().optional() });
export type WorkerError = z.infer<typeof WorkerErrorSchema>;

export const HostToWorkerSchema = z.discriminatedUnion('type', [
  /** The first message: which app to load, and the virtual clock's reading (null: the real clock). */
  z.object({ type: z.literal('start'), appDirectory: z.string().min(1), clockMs: z.number().nullable() }),
  /** The host's virtual clock moved; sent before any invocation that runs at the new reading. */
  z.object({ type: z.literal('clock'), nowMs: z.number() }),
  /** Settings the host learnt after the worker started (its own address, for Durable's client URLs). */
  z.object({ type: z.literal('environment'), values: z.record(z.string(), z.string()) }),
  z.object({
    type: z.literal('invoke'),
    id: z.number().int(),
    functionName: z.string().min(1),
    invocationId: z.string().min(1),
    inputData: z.array(ParameterBindingSchema),
    triggerMetadata: z.record(z.string(), TypedDataSchema),
  }),
  /** Run appTerminate hooks and exit. */
  z.object({ type: z.literal('terminate') }),
]);
export type HostToWorker = z.infer<typeof HostToWorkerSchema>;

export const WorkerToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('loaded'), functions: z.array(RegisteredFunctionSchema) }),
  z.object({ type: z.literal('load-failed'), message: z.string() }),
  z.object({
    type: z.literal('log'),
    level: LogLevelSchema,
    source: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ type: z.literal('result'), id: z.number().int(), response: InvocationResponseSchema }),
  z.object({ type: z.literal('failure'), id: z.number().int(), error: WorkerErrorSchema }),
]);
export type WorkerToHost = z.infer<typeof WorkerToHostSchema>;

/** An error the handler threw, as the worker reports it (by shape: the app may throw anything). */
export function describeError(error: unknown): WorkerError {
  if (typeof error === 'object' && error !== null) {
    const { name, message, stack } = error as { name?: unknown; message?: unknown; stack?: unknown };
    return {
      name: typeof name === 'string' ? name : 'Error',
      message: typeof message === 'string' ? message : String(error),
      ...(typeof stack === 'string' ? { stack } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

/** The worker's error, rebuilt in the host so that its log and Durable's failure details read the same. */
export function rebuildError(described: WorkerError): Error {
  const error = new Error(described.message);
  error.name = described.name;
  if (described.stack !== undefined) error.stack = described.stack;
  return error;
}
