/**
 * Invokes the app's functions the way the Functions host asks the Node worker to: it builds the
 * RPC invocation request (trigger data, input bindings an extension serves, trigger metadata) and
 * runs it through the app's programming model. HTTP and timer triggers use `invokeRpc`; extensions
 * use `invoke`, the contract's simpler form.
 */
import { randomUUID } from 'node:crypto';
import type {
  ProgrammingModel,
  RpcInvocationRequest,
  RpcInvocationResponse,
  RpcLogCategory,
  RpcLogLevel,
  RpcParameterBinding,
  RpcTypedData,
} from './core-api-types';
import type {
  BindingMetadata,
  FunctionInvoker,
  RegisteredFunction,
  TriggerInvocation,
} from './extension-contract';
import { isTriggerType, type FunctionEntry, type FunctionRegistry } from './function-registry';
import type { AppHooks } from './app-hooks';
import { runInvocation } from './invocation-pipeline';
import { fromRpcLogLevel, type HostLogger } from './host-log';
import { fromTypedData, toTypedData } from './typed-data';
import type { ActivityTracker } from './activity-tracker';

/** Supplies the value of an input binding the host does not resolve itself (`undefined`: none). */
export type InputBindingSource = (binding: BindingMetadata, fn: RegisteredFunction) => unknown;

export interface RpcInvocation {
  /** The trigger binding's data, as the host sends it. */
  readonly triggerData: RpcTypedData | undefined;
  readonly triggerMetadata?: Record<string, RpcTypedData>;
}

export interface AppInvokerOptions {
  readonly registry: FunctionRegistry;
  readonly hooks: AppHooks;
  readonly programmingModel: () => ProgrammingModel | undefined;
  readonly logger: HostLogger;
  readonly activity: ActivityTracker;
  /** Input binding type (lower case) → where its data comes from. */
  readonly inputBindingSources?: ReadonlyMap<string, InputBindingSource>;
}

/** One invocation the host started, as a listener hears of it (an orchestrator replay counts each time). */
export interface InvocationNotice {
  readonly functionName: string;
  readonly triggerType: string;
}

export type InvocationListener = (notice: InvocationNotice) => void;

/**
 * What the host's triggers and extensions invoke through: the app loaded in this process
 * (`AppInvoker`) or worker processes that each load it (`WorkerPool`).
 */
export interface HostInvoker extends FunctionInvoker {
  /** Runs one invocation and resolves with the worker's response, or rejects with the handler's error. */
  invokeRpc(functionName: string, invocation: RpcInvocation): Promise<RpcInvocationResponse>;
  /** Tells `listener` of every invocation from now on (a clock advance lists what it set off); returns the unsubscribe. */
  onInvocation(listener: InvocationListener): () => void;
  /** Lets the host add the extensions' binding sources once they are known. */
  setInputBindingSources(sources: ReadonlyMap<string, InputBindingSource>): void;
}

/** An invocation request as the host sends it to a worker: trigger and input bindings already resolved. */
export interface PreparedInvocation {
  readonly invocationId: string;
  readonly inputData: RpcParameterBinding[];
  readonly triggerMetadata: Record<string, RpcTypedData>;
}

/** The RPC trigger metadata for a contract invocation's plain values. */
export function triggerMetadataOf(invocation: TriggerInvocation): Record<string, RpcTypedData> {
  const triggerMetadata: Record<string, RpcTypedData> = {};
  for (const [key, value] of Object.entries(invocation.triggerMetadata ?? {})) {
    const data = toTypedData(value);
    if (data) triggerMetadata[key] = data;
  }
  return triggerMetadata;
}

/**
 * The request's input data, as the host builds it: the trigger's data, and each other input
 * binding's value from the extension that serves its type.
 */
export function inputDataOf(
  fn: RegisteredFunction,
  invocation: RpcInvocation,
  sources: ReadonlyMap<string, InputBindingSource>,
): RpcParameterBinding[] {
  const inputData: RpcParameterBinding[] = [];
  for (const [name, binding] of Object.entries(fn.bindings)) {
    if (binding.direction !== 'in') continue;
    if (isTriggerType(binding.type)) {
      inputData.push({ name, data: invocation.triggerData });
      continue;
    }
    const value = sources.get(binding.type.toLowerCase())?.(binding, fn);
    // Text goes as text (the worker parses JSON text), objects as JSON, as the host sends them.
    const data = toTypedData(value);
    if (data) inputData.push({ name, data });
  }
  return inputData;
}

export class FunctionNotFoundError extends Error {
  constructor(functionName: string) {
    super(`No function named "${functionName}" is registered.`);
    this.name = 'FunctionNotFoundError';
  }
}

export class AppInvoker implements HostInvoker {
  #inputBindingSources: ReadonlyMap<string, InputBindingSource>;
  #insideLogHook = false;
  readonly #listeners = new Set<InvocationListener>();

  constructor(private readonly options: AppInvokerOptions) {
    this.#inputBindingSources = options.inputBindingSources ?? new Map();
  }

  /** Tells `listener` of every invocation from now on (a clock advance lists what it set off); returns the unsubscribe. */
  onInvocation(listener: InvocationListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Lets the host add the extensions' binding sources once they are known. */
  setInputBindingSources(sources: ReadonlyMap<string, InputBindingSource>): void {
    this.#inputBindingSources = sources;
  }

  async invoke(functionName: string, invocation: TriggerInvocation): Promise<unknown> {
    const response = await this.invokeRpc(functionName, {
      triggerData: toTypedData(invocation.triggerValue),
      triggerMetadata: triggerMetadataOf(invocation),
    });
    return fromTypedData(response.returnValue);
  }

  /** Runs one invocation and resolves with the worker's response, or rejects with the handler's error. */
  invokeRpc(functionName: string, invocation: RpcInvocation): Promise<RpcInvocationResponse> {
    const entry = this.options.registry.find(functionName);
    if (!entry) return Promise.reject(new FunctionNotFoundError(functionName));
    for (const listener of this.#listeners) listener({ functionName: entry.registered.name, triggerType: entry.registered.triggerType });
    return this.runPrepared(entry.registered.name, {
      invocationId: randomUUID(),
      inputData: inputDataOf(entry.registered, invocation, this.#inputBindingSources),
      triggerMetadata: invocation.triggerMetadata ?? {},
    });
  }

  /** Runs a request whose bindings the host already resolved (what a worker process gets). */
  runPrepared(functionName: string, prepared: PreparedInvocation): Promise<RpcInvocationResponse> {
    const entry = this.options.registry.find(functionName);
    if (!entry) return Promise.reject(new FunctionNotFoundError(functionName));
    const programmingModel = this.options.programmingModel();
    if (!programmingModel) {
      return Promise.reject(new Error('The app registered functions but no programming model.'));
    }
    const { invocationId } = prepared;
    const request: RpcInvocationRequest = {
      invocationId,
      functionId: entry.coreMetadata.functionId ?? entry.registered.name,
      inputData: prepared.inputData,
      triggerMetadata: prepared.triggerMetadata,
    };
    return this.options.activity.track(() =>
      runInvocation({
        invocationId,
        entry,
        request,
        programmingModel,
        hooks: this.options.hooks,
        log: (level, category, message, invocationContext) =>
          this.#log(entry, invocationId, level, category, message, invocationContext),
      }),
    );
  }

  #log(
    entry: FunctionEntry,
    invocationId: string,
    rpcLevel: RpcLogLevel,
    category: RpcLogCategory,
    rpcMessage: string,
    invocationContext: unknown,
  ): void {
    let level = rpcLevel;
    let message = rpcMessage;
    if (this.options.hooks.has('log') && !this.#insideLogHook) {
      const context = Object.assign(this.options.hooks.appContext(), {
        level,
        message,
        category,
        invocationContext,
      });
      this.#insideLogHook = true;
      try {
        this.options.hooks.runSync('log', context);
      } finally {
        this.#insideLogHook = false;
      }
      // Hooks may rewrite user logs only, as in the worker.
      if (category === 'user') {
        level = context.level;
        message = context.message;
      }
    }
    const hostLevel = fromRpcLogLevel(level);
    if (!hostLevel) return;
    this.options.logger
      .withSource(category === 'user' ? `function ${entry.registered.name}` : 'worker')
      .log(hostLevel, message, { invocationId });
  }
}
