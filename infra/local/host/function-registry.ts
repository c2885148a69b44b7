/**
 * What an app registered while it loaded: its functions (metadata and handler) and its hooks. It
 * is the sink of the core API during an app load, and the host's single list of functions after.
 */
import { z } from 'zod';
import type {
  CoreFunctionMetadata,
  Disposable,
  FunctionCallback,
  HookCallback,
  HookName,
  RpcLogCategory,
  RpcLogLevel,
} from './core-api-types';
import { CoreDisposable, type CoreApiSink } from './core-bridge';
import type { BindingMetadata, RegisteredFunction } from './extension-contract';

const BindingSchema = z.looseObject({ type: z.string().min(1), direction: z.string().min(1) });

const FunctionMetadataSchema = z.looseObject({
  name: z.string().min(1),
  functionId: z.string().optional(),
  bindings: z.record(z.string(), BindingSchema),
});

const HOOK_NAMES: readonly HookName[] = ['preInvocation', 'postInvocation', 'appStart', 'appTerminate', 'log'];

function isHookName(name: string): name is HookName {
  return (HOOK_NAMES as readonly string[]).includes(name);
}

/** `@azure/functions` names trigger types with a `Trigger` suffix; the worker relies on it too. */
export function isTriggerType(type: string): boolean {
  return /trigger$/i.test(type);
}

export interface FunctionEntry {
  readonly registered: RegisteredFunction;
  /** The metadata in the shape the worker hands to the programming model. */
  readonly coreMetadata: CoreFunctionMetadata;
  readonly callback: FunctionCallback;
}

export type CoreLogListener = (level: RpcLogLevel, category: RpcLogCategory, message: string) => void;

export class FunctionRegistry implements CoreApiSink {
  readonly #functions = new Map<string, FunctionEntry>();
  readonly #hooks = new Map<HookName, HookCallback[]>();
  #startupFinished = false;

  constructor(private readonly onLog: CoreLogListener) {}

  registerFunction(metadata: unknown, callback: FunctionCallback): Disposable {
    if (this.#startupFinished) throw new Error('A function can only be registered during app startup.');
    if (typeof callback !== 'function') throw new TypeError('registerFunction expects a callback.');
    const parsed = FunctionMetadataSchema.parse(metadata);
    const key = parsed.name.toLowerCase();
    if (this.#functions.has(key)) {
      throw new Error(`A function named "${parsed.name}" is already registered (names are case-insensitive).`);
    }
    const bindings: Record<string, BindingMetadata> = parsed.bindings;
    const triggers = Object.values(bindings).filter((binding) => isTriggerType(binding.type));
    const trigger = triggers[0];
    if (!trigger || triggers.length > 1) {
      throw new Error(`Function "${parsed.name}" must have exactly one trigger binding.`);
    }
    // The worker stores the metadata it was given, plus the fields the host insists on.
    const coreMetadata: CoreFunctionMetadata = {
      ...parsed,
      functionId: parsed.functionId ?? parsed.name,
      scriptFile: 'n/a',
      bindings: parsed.bindings,
    };
    this.#functions.set(key, {
      registered: { name: parsed.name, triggerType: trigger.type, bindings, metadata: coreMetadata },
      coreMetadata,
      callback,
    });
    return new CoreDisposable(() => {
      if (this.#startupFinished) throw new Error('A function can only be disposed during app startup.');
      this.#functions.delete(key);
    });
  }

  registerHook(hookName: string, callback: HookCallback): Disposable {
    if (!isHookName(hookName)) throw new RangeError(`"${hookName}" is not a valid hook name.`);
    if (typeof callback !== 'function') throw new TypeError('registerHook expects a callback.');
    const callbacks = this.#hooks.get(hookName) ?? [];
    callbacks.push(callback);
    this.#hooks.set(hookName, callbacks);
    return new CoreDisposable(() => {
      const current = this.#hooks.get(hookName) ?? [];
      this.#hooks.set(
        hookName,
        current.filter((candidate) => candidate !== callback),
      );
    });
  }

  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void {
    this.onLog(level, category, message);
  }

  /** Called once the entry points are loaded: from then on the set of functions is fixed. */
  finishStartup(): void {
    this.#startupFinished = true;
  }

  get functions(): readonly RegisteredFunction[] {
    return [...this.#functions.values()].map((entry) => entry.registered);
  }

  find(functionName: string): FunctionEntry | undefined {
    return this.#functions.get(functionName.toLowerCase());
  }

  hooks(hookName: HookName): readonly HookCallback[] {
    return [...(this.#hooks.get(hookName) ?? [])];
  }
}
