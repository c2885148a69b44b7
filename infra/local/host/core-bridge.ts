/**
 * Provides `@azure/functions-core` to the app, as the Node worker does: `require` of that name
 * answers with the host's core API. `@azure/functions` looks the module up once and keeps it, so
 * the API object is one per process and forwards to whichever app load is current (its "sink").
 */
import type {
  Disposable,
  FunctionCallback,
  HookCallback,
  ProgrammingModel,
  RpcLogCategory,
  RpcLogLevel,
} from './core-api-types';
import { appGlobal, nativeModuleClass } from './native-runtime';

export const CORE_MODULE_NAME = '@azure/functions-core';

/** What an app load does with the calls the library makes on the core API. */
export interface CoreApiSink {
  registerFunction(metadata: unknown, callback: FunctionCallback): Disposable;
  registerHook(hookName: string, callback: HookCallback): Disposable;
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void;
}

interface BridgeState {
  sink: CoreApiSink | undefined;
  programmingModel: ProgrammingModel | undefined;
  readonly api: object;
}

/** Lives on the app's global so that a re-evaluated host module finds the one already installed. */
const BRIDGE_STATE = Symbol.for('azure-functions-local.functions-core');

/** The worker's `Disposable`: the library constructs it and calls `from`. */
export class CoreDisposable implements Disposable {
  static from(...disposables: Disposable[]): CoreDisposable {
    return new CoreDisposable(() => {
      for (const disposable of disposables) disposable.dispose();
    });
  }

  #callOnDispose: (() => unknown) | undefined;

  constructor(callOnDispose: () => unknown) {
    this.#callOnDispose = callOnDispose;
  }

  dispose(): unknown {
    const callback = this.#callOnDispose;
    this.#callOnDispose = undefined;
    return callback?.();
  }
}

function isProgrammingModel(value: unknown): value is ProgrammingModel {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ProgrammingModel).getInvocationModel === 'function'
  );
}

function createState(): BridgeState {
  const state: BridgeState = {
    sink: undefined,
    programmingModel: undefined,
    api: {},
  };
  const requireSink = (operation: string): CoreApiSink => {
    if (!state.sink) {
      throw new Error(`@azure/functions-core: ${operation} was called outside of an app load by the local host.`);
    }
    return state.sink;
  };
  Object.assign(state.api, {
    version: '3.0.0-local',
    hostVersion: '4.0.0-local',
    Disposable: CoreDisposable,
    setProgrammingModel(model: unknown): void {
      if (!isProgrammingModel(model)) throw new TypeError('setProgrammingModel expects a programming model.');
      state.programmingModel = model;
    },
    getProgrammingModel(): ProgrammingModel | undefined {
      return state.programmingModel;
    },
    registerFunction(metadata: unknown, callback: FunctionCallback): Disposable {
      return requireSink('registerFunction').registerFunction(metadata, callback);
    },
    registerHook(hookName: string, callback: HookCallback): Disposable {
      return requireSink('registerHook').registerHook(hookName, callback);
    },
    log(level: RpcLogLevel, category: RpcLogCategory, message: string): void {
      if (state.sink) state.sink.log(level, category, message);
      else process.stderr.write(`[functions-core] ${level}: ${message}\n`);
    },
  });
  return state;
}

/** Installs the `require` hook once per process and returns the shared state. */
function bridgeState(): BridgeState {
  const holder = appGlobal();
  const existing = holder[BRIDGE_STATE] as BridgeState | undefined;
  if (existing) return existing;
  const state = createState();
  holder[BRIDGE_STATE] = state;

  // The worker answers this one module name itself; every other request goes to Node as usual.
  const moduleClass = nativeModuleClass();
  const originalRequire = moduleClass.prototype.require;
  moduleClass.prototype.require = new Proxy(originalRequire, {
    apply(target, thisArg: unknown, args: unknown[]): unknown {
      if (args[0] === CORE_MODULE_NAME) return state.api;
      return Reflect.apply(target, thisArg, args);
    },
  });
  return state;
}

/** Routes the core API to `sink` until the returned function is called. */
export function attachCoreApiSink(sink: CoreApiSink): () => void {
  const state = bridgeState();
  state.sink = sink;
  return () => {
    if (state.sink === sink) state.sink = undefined;
  };
}

/** The programming model the app's library registered (the last one wins, as in the worker). */
export function currentProgrammingModel(): ProgrammingModel | undefined {
  return bridgeState().programmingModel;
}
