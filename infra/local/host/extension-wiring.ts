/**
 * Connects extensions to the app: which extension serves which trigger and input binding types,
 * and a refusal to start when a function's trigger is served by nobody (it would never run).
 */
import type { BindingMetadata, HostExtension, RegisteredFunction } from './extension-contract';
import { isTriggerType } from './function-registry';
import type { InputBindingSource } from './function-invoker';
import type { HostLogger } from './host-log';

/** Trigger types the host drives itself. */
export const HOST_TRIGGER_TYPES = ['httptrigger', 'timertrigger'];

/** Binding types the host itself understands (the HTTP response). */
const HOST_BINDING_TYPES = ['http'];

export function checkTriggersServed(functions: readonly RegisteredFunction[], extensions: readonly HostExtension[]): void {
  const served = new Map<string, string>();
  for (const type of HOST_TRIGGER_TYPES) served.set(type, 'host');
  for (const extension of extensions) {
    for (const type of extension.triggerTypes) {
      const owner = served.get(type.toLowerCase());
      if (owner && owner !== extension.name) {
        throw new Error(`Trigger type "${type}" is claimed by both ${owner} and ${extension.name}.`);
      }
      served.set(type.toLowerCase(), extension.name);
    }
  }
  const unserved = functions.filter((fn) => !served.has(fn.triggerType.toLowerCase()));
  if (unserved.length > 0) {
    const list = unserved.map((fn) => `"${fn.name}" (${fn.triggerType})`).join(', ');
    const names = extensions.map((extension) => extension.name).join(', ') || 'none';
    throw new Error(
      `No extension serves the trigger of ${list}. The host drives httpTrigger and timerTrigger; extensions loaded: ${names}.`,
    );
  }
}

/**
 * The extensions the app uses: like the Functions host, which loads an extension only for the
 * binding types the app's functions declare, an extension none of them needs is not started.
 */
export function usedExtensions(
  functions: readonly RegisteredFunction[],
  extensions: readonly HostExtension[],
): HostExtension[] {
  const bindingTypes = new Set(functions.flatMap((fn) => Object.values(fn.bindings).map((binding) => binding.type.toLowerCase())));
  return extensions.filter((extension) =>
    [...extension.triggerTypes, ...extension.inputBindingTypes].some((type) => bindingTypes.has(type.toLowerCase())),
  );
}

export function inputBindingSources(extensions: readonly HostExtension[]): Map<string, InputBindingSource> {
  const sources = new Map<string, InputBindingSource>();
  for (const extension of extensions) {
    for (const type of extension.inputBindingTypes) {
      sources.set(type.toLowerCase(), (binding: BindingMetadata, fn: RegisteredFunction) =>
        extension.inputBindingData(binding, fn),
      );
    }
  }
  return sources;
}

/** Warns about bindings nobody serves: the function runs, but that input stays empty. */
export function warnUnservedBindings(
  functions: readonly RegisteredFunction[],
  sources: ReadonlyMap<string, InputBindingSource>,
  logger: HostLogger,
): void {
  for (const fn of functions) {
    for (const [name, binding] of Object.entries(fn.bindings)) {
      const type = binding.type.toLowerCase();
      if (isTriggerType(type) || HOST_BINDING_TYPES.includes(type) || sources.has(type)) continue;
      const role = binding.direction === 'in' ? 'input stays empty' : 'output is dropped';
      logger.log('warn', `Function "${fn.name}": no extension serves binding "${name}" (${binding.type}); its ${role}.`);
    }
  }
}
