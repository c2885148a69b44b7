/**
 * The app's durable functions by kind, looked up the way the extension does: orchestrator and
 * activity names as registered, entity names without regard to case.
 */
import type { RegisteredFunction } from '../../host/extension-contract';

export const ORCHESTRATION_TRIGGER = 'orchestrationTrigger';
export const ACTIVITY_TRIGGER = 'activityTrigger';
export const ENTITY_TRIGGER = 'entityTrigger';

export class FunctionCatalog {
  readonly #byTrigger = new Map<string, Map<string, RegisteredFunction>>();

  constructor(functions: readonly RegisteredFunction[]) {
    for (const fn of functions) {
      const trigger = fn.triggerType.toLowerCase();
      let named = this.#byTrigger.get(trigger);
      if (!named) {
        named = new Map();
        this.#byTrigger.set(trigger, named);
      }
      named.set(fn.name.toLowerCase(), fn);
    }
  }

  #find(trigger: string, name: string): RegisteredFunction | undefined {
    return this.#byTrigger.get(trigger.toLowerCase())?.get(name.toLowerCase());
  }

  orchestrator(name: string): RegisteredFunction | undefined {
    return this.#find(ORCHESTRATION_TRIGGER, name);
  }

  activity(name: string): RegisteredFunction | undefined {
    return this.#find(ACTIVITY_TRIGGER, name);
  }

  entity(name: string): RegisteredFunction | undefined {
    return this.#find(ENTITY_TRIGGER, name);
  }
}
