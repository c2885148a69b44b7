/**
 * One invocation, run as the Node worker runs it: the programming model builds the handler's
 * arguments from RPC-shaped data, preInvocation hooks may swap inputs or handler, the handler runs,
 * postInvocation hooks may change result or error, and the model turns the result into outputs.
 */
import type {
  CoreInvocationContext,
  FunctionCallback,
  InvocationState,
  ProgrammingModel,
  RpcInvocationRequest,
  RpcInvocationResponse,
  RpcLogCategory,
  RpcLogLevel,
} from './core-api-types';
import type { FunctionEntry } from './function-registry';
import type { AppHooks } from './app-hooks';

export interface InvocationLog {
  (level: RpcLogLevel, category: RpcLogCategory, message: string, invocationContext: unknown): void;
}

export interface InvocationPlan {
  readonly invocationId: string;
  readonly entry: FunctionEntry;
  readonly request: RpcInvocationRequest;
  readonly programmingModel: ProgrammingModel;
  readonly hooks: AppHooks;
  readonly log: InvocationLog;
}

/** A hook context property that the app may modify but not replace. */
function readOnly<T>(value: T, name: string): PropertyDescriptor {
  return {
    enumerable: true,
    get: () => value,
    set: () => {
      throw new TypeError(`Cannot assign to read only property "${name}".`);
    },
  };
}

function invocationHookContext(
  hookData: Record<string, unknown>,
  appHookData: Record<string, unknown>,
  invocationContext: unknown,
): object {
  return Object.defineProperties(
    {},
    {
      hookData: readOnly(hookData, 'hookData'),
      appHookData: readOnly(appHookData, 'appHookData'),
      invocationContext: readOnly(invocationContext, 'invocationContext'),
    },
  );
}

interface PreInvocationState {
  inputs: unknown[];
  functionCallback: FunctionCallback;
}

interface PostInvocationState {
  inputs: unknown[];
  result: unknown;
  error: unknown;
}

export async function runInvocation(plan: InvocationPlan): Promise<RpcInvocationResponse> {
  let invocationContext: unknown;
  const coreContext: CoreInvocationContext = {
    invocationId: plan.invocationId,
    request: plan.request,
    metadata: plan.entry.coreMetadata,
    state: undefined as InvocationState | undefined,
    log: (level, category, message) => plan.log(level, category, message, invocationContext),
  };
  const model = await plan.programmingModel.getInvocationModel(coreContext);
  const { context, inputs } = await model.getArguments();
  invocationContext = context;

  const hookData: Record<string, unknown> = {};
  const before = Object.assign(invocationHookContext(hookData, plan.hooks.appHookData, context), {
    inputs,
    functionCallback: plan.entry.callback,
  }) as PreInvocationState;
  coreContext.state = 'preInvocationHooks';
  try {
    await plan.hooks.run('preInvocation', before);
  } finally {
    coreContext.state = undefined;
  }

  const after = Object.assign(invocationHookContext(hookData, plan.hooks.appHookData, context), {
    inputs: before.inputs,
    result: null,
    error: null,
  }) as PostInvocationState;
  coreContext.state = 'invocation';
  try {
    after.result = await model.invokeFunction(context, before.inputs, before.functionCallback);
  } catch (error) {
    after.error = error;
  } finally {
    coreContext.state = undefined;
  }

  coreContext.state = 'postInvocationHooks';
  try {
    await plan.hooks.run('postInvocation', after);
  } finally {
    coreContext.state = undefined;
  }
  // The worker rethrows what the hooks left; a handler that threw a non-Error still failed.
  if (after.error !== null && after.error !== undefined) {
    throw after.error;
  }
  return model.getResponse(context, after.result);
}
