/**
 * The local Functions host's public surface: load an app and invoke its functions in process, or
 * run the whole host (HTTP, timers, extensions) with `startFunctionHost`.
 */
export { loadFunctionApp, type LoadedFunctionApp, type LoadFunctionAppOptions } from './app-loader';
export { AppInvoker, FunctionNotFoundError, type InputBindingSource, type RpcInvocation } from './function-invoker';
export { createHostLogger, type HostLogger, type HostLogEntry, type HostLogListener } from './host-log';
export type * from './extension-contract';
