/**
 * The seam between the local Functions host and the extensions it runs (the Durable Functions
 * emulator is one). The host loads the app and knows how to invoke a function exactly as the Node
 * worker does; an extension drives the trigger types it owns and serves its input bindings.
 */
import type { HostClock } from '../clock/host-clock';

/** One binding of a function, as the app registered it (the `bindings` map of the core metadata). */
export interface BindingMetadata {
  readonly type: string;
  readonly direction: string;
  readonly [setting: string]: unknown;
}

/** A function the app registered through `@azure/functions-core`'s `registerFunction`. */
export interface RegisteredFunction {
  readonly name: string;
  /** The trigger binding's type, e.g. `httpTrigger`, `timerTrigger`, `orchestrationTrigger`. */
  readonly triggerType: string;
  /** Binding name → binding, as in the registered metadata. */
  readonly bindings: Readonly<Record<string, BindingMetadata>>;
  /** The raw metadata object the app registered (retry options and anything else it carries). */
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface TriggerInvocation {
  /** The trigger's value as the host hands it to the worker (a JSON-serialisable value). */
  readonly triggerValue: unknown;
  /** Trigger metadata the host would send alongside (optional). */
  readonly triggerMetadata?: Readonly<Record<string, unknown>>;
}

export interface FunctionInvoker {
  /**
   * Runs one function the way the Node worker does (input bindings resolved, hooks run) and
   * resolves with its return value, or rejects with the error the handler threw.
   */
  invoke(functionName: string, invocation: TriggerInvocation): Promise<unknown>;
}

/**
 * Whether an invocation ended because the process running it went away rather than because the
 * function failed. Azure's Durable extension then abandons the work item and runs it again, so an
 * extension retries such an invocation instead of recording a failure. The host marks these errors
 * with `abandoned: true` (a property, since an error may come from another realm or process).
 */
export function isAbandonedInvocation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && Reflect.get(error, 'abandoned') === true;
}

export type HostLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What the host gives an extension when it starts it. */
export interface ExtensionHost {
  readonly functions: readonly RegisteredFunction[];
  readonly invoker: FunctionInvoker;
  readonly clock: HostClock;
  /** App settings (local.settings.json `Values` merged with the process environment). */
  readonly settings: Readonly<Record<string, string | undefined>>;
  /** The parsed host.json of the app. */
  readonly hostJson: Readonly<Record<string, unknown>>;
  log(level: HostLogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void;
}

export interface HostExtension {
  readonly name: string;
  /** Trigger types this extension drives; the host drives http and timer triggers itself. */
  readonly triggerTypes: readonly string[];
  /** Input binding types this extension serves (e.g. `durableClient`). */
  readonly inputBindingTypes: readonly string[];
  /** Called once, after the app is loaded and before the host reports ready. */
  start(host: ExtensionHost): Promise<void>;
  /**
   * The value of an input binding of one of `inputBindingTypes` for an invocation of `fn`. A
   * client binding that names a webhook as the Functions host hands them out (`baseUrl` ending
   * in `/runtime/webhooks/{name}`, `requiredQueryStringParameters` holding `code=<system key>`)
   * makes the host serve that webhook on its own port and forward it to `baseUrl`
   * (webhook-targets.ts).
   */
  inputBindingData(binding: BindingMetadata, fn: RegisteredFunction): unknown;
  /**
   * Resolves when the extension has no work it could do at the current clock reading (nothing
   * queued, nothing running). A virtual clock waits for this between steps, so that work which a
   * fired timer causes settles before time moves on.
   */
  whenIdle(): Promise<void>;
  /** Stops accepting work and lets in-flight work settle or be abandoned safely. */
  stop(): Promise<void>;
}
