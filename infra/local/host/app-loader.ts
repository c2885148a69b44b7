/**
 * Loads a v4-model Functions app into this process as the Node worker does: `@azure/functions-core`
 * is provided, the files named by package.json `main` are required through Node's own module
 * system, and appStart hooks run. The result knows the app's functions and how to invoke them.
 */
import path from 'node:path';
import { attachCoreApiSink, currentProgrammingModel } from './core-bridge';
import { findEntryPoints } from './entry-points';
import { FunctionRegistry } from './function-registry';
import { AppHooks } from './app-hooks';
import { AppInvoker, type InputBindingSource } from './function-invoker';
import { ActivityTracker } from './activity-tracker';
import { createHostLogger, fromRpcLogLevel, type HostLogger } from './host-log';
import { nativeRequire, nativeRequireCache } from './native-runtime';
import { errorText } from './error-text';
import type { RegisteredFunction } from './extension-contract';

export interface LoadFunctionAppOptions {
  /** The folder holding the app's package.json. */
  readonly appDirectory: string;
  readonly logger?: HostLogger;
  readonly inputBindingSources?: ReadonlyMap<string, InputBindingSource>;
}

export interface LoadedFunctionApp {
  readonly appDirectory: string;
  readonly entryPoints: readonly string[];
  readonly functions: readonly RegisteredFunction[];
  readonly registry: FunctionRegistry;
  readonly hooks: AppHooks;
  readonly invoker: AppInvoker;
  /** Invocations in flight; `whenIdle` resolves when none are. */
  readonly activity: ActivityTracker;
  /** Runs the app's appTerminate hooks and stops routing the core API to this app. */
  terminate(): Promise<void>;
}

/**
 * Forgets app files a previous load left in Node's require cache (the same process may load an
 * app twice, e.g. in a test run), so that their registrations run again. Packages are kept:
 * `@azure/functions` keeps its handle on the core API, which is why that handle is process-wide.
 */
function forgetPreviousLoad(entryPoints: readonly string[]): void {
  const cache = nativeRequireCache();
  const folders = [...new Set(entryPoints.map((file) => path.dirname(file) + path.sep))];
  for (const key of Object.keys(cache)) {
    if (key.includes(`${path.sep}node_modules${path.sep}`)) continue;
    if (folders.some((folder) => key.startsWith(folder))) delete cache[key];
  }
}

function loadEntryPoint(file: string): void {
  if (file.endsWith('.mjs')) {
    throw new Error(`ES module entry points are not supported by the local host: ${file}`);
  }
  nativeRequire(file)(file);
}

export async function loadFunctionApp(options: LoadFunctionAppOptions): Promise<LoadedFunctionApp> {
  const appDirectory = path.resolve(options.appDirectory);
  const logger = options.logger ?? createHostLogger();
  const workerLogger = logger.withSource('worker');
  const registry = new FunctionRegistry((level, _category, message) => {
    const hostLevel = fromRpcLogLevel(level);
    if (hostLevel) workerLogger.log(hostLevel, message);
  });
  const detach = attachCoreApiSink(registry);
  // Like the Node worker, a broken entry point is reported and the host runs with what did load.
  let entryPoints: string[] = [];
  try {
    entryPoints = findEntryPoints(appDirectory);
    forgetPreviousLoad(entryPoints);
    for (const file of entryPoints) {
      logger.log('debug', `Loading entry point ${path.relative(appDirectory, file)}`);
      loadEntryPoint(file);
    }
  } catch (error) {
    logger.log('error', `Worker was unable to load the app's entry point: ${errorText(error)}`);
  }
  registry.finishStartup();

  const hooks = new AppHooks(registry);
  const activity = new ActivityTracker();
  const invoker = new AppInvoker({
    registry,
    hooks,
    programmingModel: currentProgrammingModel,
    logger,
    activity,
    ...(options.inputBindingSources ? { inputBindingSources: options.inputBindingSources } : {}),
  });
  if (registry.functions.length > 0 && !currentProgrammingModel()) {
    detach();
    throw new Error('The app registered functions but never set a programming model.');
  }
  try {
    await hooks.run('appStart', hooks.appContext({ functionAppDirectory: appDirectory }));
  } catch (error) {
    detach();
    throw error;
  }

  let terminated = false;
  return {
    appDirectory,
    entryPoints,
    functions: registry.functions,
    registry,
    hooks,
    invoker,
    activity,
    async terminate(): Promise<void> {
      if (terminated) return;
      terminated = true;
      try {
        await hooks.run('appTerminate', hooks.appContext());
      } finally {
        detach();
      }
    },
  };
}
