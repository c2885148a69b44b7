/**
 * Reaches Node's own module system and global object. The app must be loaded the way the Node
 * worker loads it, even when the host itself runs inside a sandbox such as a jest worker (which
 * hands out a subclass of `module` and a separate global): the app's files then see the same
 * `require` and `globalThis` they would see in Azure.
 */
import Module from 'node:module';
import vm from 'node:vm';

type ModuleClass = typeof Module;

interface LoadableModuleClass {
  readonly _load?: unknown;
}

/** Node's own `Module` class: a sandbox hands out a subclass whose statics were copied over. */
export function nativeModuleClass(): ModuleClass {
  let candidate: ModuleClass = Module;
  for (;;) {
    const parent: unknown = Object.getPrototypeOf(candidate);
    if (typeof parent !== 'function' || typeof (parent as LoadableModuleClass)._load !== 'function') {
      return candidate;
    }
    candidate = parent as ModuleClass;
  }
}

/** A `require` that loads through Node's module system, relative to `fromFile`. */
export function nativeRequire(fromFile: string): NodeJS.Require {
  return nativeModuleClass().createRequire(fromFile);
}

/** Node's require cache, where natively loaded app files live. */
export function nativeRequireCache(): NodeJS.Dict<NodeJS.Module> {
  return nativeRequire(__filename).cache;
}

/**
 * The global object natively loaded code sees. `vm.runInThisContext` evaluates in the process's
 * main context, which is the app's realm even when this module was evaluated in a sandbox.
 */
export function appGlobals(): readonly object[] {
  const main: unknown = vm.runInThisContext('globalThis');
  const own: object = globalThis;
  return typeof main === 'object' && main !== null && main !== own ? [own, main] : [own];
}

/** Reads a property of the app's global object (the main realm). */
export function appGlobal(): Record<PropertyKey, unknown> {
  const globals = appGlobals();
  return globals[globals.length - 1] as Record<PropertyKey, unknown>;
}

/**
 * Every environment the app and the host read: the host's own `process.env`, and the app realm's
 * when a sandbox gave the host a copy.
 */
export function appEnvironments(): NodeJS.ProcessEnv[] {
  const environments: NodeJS.ProcessEnv[] = [process.env];
  const appProcess = appGlobal().process as NodeJS.Process | undefined;
  if (appProcess?.env && appProcess.env !== process.env) environments.push(appProcess.env);
  return environments;
}
