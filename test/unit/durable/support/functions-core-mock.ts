/**
 * Captures what `@azure/functions` registers when a module named `@azure/functions-core` exists,
 * as the Functions host does. Test files call `jest.mock('@azure/functions-core', ...)` with
 * `mockCoreApi` before importing anything that registers functions.
 */
export interface CapturedFunction {
  readonly name: string;
  readonly triggerType: string;
  readonly handler: (trigger: unknown, context: unknown) => unknown;
}

const captured = new Map<string, CapturedFunction>();

interface CoreMetadata {
  readonly name: string;
  readonly bindings: Readonly<Record<string, { readonly type: string; readonly direction: string }>>;
}

export const mockCoreApi = {
  setProgrammingModel(): void {},
  registerHook(): { dispose(): void } {
    return { dispose(): void {} };
  },
  log(): void {},
  registerFunction(metadata: CoreMetadata, handler: CapturedFunction['handler']): { dispose(): void } {
    const trigger = Object.values(metadata.bindings).find((binding) => /trigger$/i.test(binding.type));
    captured.set(metadata.name, { name: metadata.name, triggerType: trigger?.type ?? 'unknown', handler });
    return { dispose: () => captured.delete(metadata.name) };
  },
};

export function capturedFunctions(): ReadonlyMap<string, CapturedFunction> {
  return captured;
}
