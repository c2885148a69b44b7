/**
 * Runs the hooks an app registered, in registration order, each awaited before the next (a hook
 * that throws stops the chain, as in the worker), with the app-wide hook data they share.
 */
import type { HookName } from './core-api-types';
import type { FunctionRegistry } from './function-registry';

export class AppHooks {
  /** Shared by every hook of the app. */
  readonly appHookData: Record<string, unknown> = {};
  /** Shared by appStart and appTerminate only. */
  readonly appLevelHookData: Record<string, unknown> = {};

  constructor(private readonly registry: FunctionRegistry) {}

  has(hookName: HookName): boolean {
    return this.registry.hooks(hookName).length > 0;
  }

  async run(hookName: HookName, context: object): Promise<void> {
    for (const callback of this.registry.hooks(hookName)) {
      await callback(context);
    }
  }

  /** Log hooks are synchronous in the worker; a log hook cannot delay the code that logged. */
  runSync(hookName: HookName, context: object): void {
    for (const callback of this.registry.hooks(hookName)) {
      callback(context);
    }
  }

  appContext(extra: Record<string, unknown> = {}): object {
    const readOnly = (value: Record<string, unknown>, name: string): PropertyDescriptor => ({
      enumerable: true,
      get: () => value,
      set: () => {
        throw new TypeError(`Cannot assign to read only property "${name}".`);
      },
    });
    return Object.defineProperties(
      { ...extra },
      {
        hookData: readOnly(this.appLevelHookData, 'hookData'),
        appHookData: readOnly(this.appHookData, 'appHookData'),
      },
    );
  }
}
