/**
 * Runs one episode of an orchestration: builds the trigger payload from the saved history plus the
 * new events, invokes the orchestrator through the library's own handler (real replay), and turns
 * its OrchestratorState into new history, bookkeeping and effects. Pure apart from the invocation.
 */
import { asPlayed, type HistoryEvent } from '../protocol/history-events';
import {
  flattenLeaves,
  OrchestratorStateSchema,
  parseOrchestratorFailure,
  type OrchestratorState,
} from '../protocol/orchestrator-state';
import {
  DEFAULT_HTTP_ASYNC_SLEEP_MS,
  parseJsonText,
  toTimeSpan,
  UPPER_SCHEMA_VERSION,
  type OrchestrationTriggerPayload,
} from '../protocol/trigger-payloads';
import type { ExecutionState } from './execution-state';
import type { QueuedMessage } from './orchestration-messages';
import { EpisodeBuilder, type TimerSettings } from './episode-builder';
import { OrchestrationContractError } from './action-replay';
import type { EpisodeEffects } from './episode-effects';
import { isAbandonedInvocation } from '../../host/extension-contract';

export interface EpisodeRequest {
  readonly state: ExecutionState;
  /** The saved history of the current execution. */
  readonly history: readonly HistoryEvent[];
  readonly batch: readonly QueuedMessage[];
  readonly now: number;
  readonly timers: TimerSettings;
}

/**
 * Invokes the orchestrator function; resolves with its return value or rejects with its error.
 * `runEpisode` rejects, recording nothing, when that error is an abandoned invocation.
 */
export type InvokeOrchestrator = (payload: OrchestrationTriggerPayload) => Promise<unknown>;

export interface EpisodeOutcome {
  readonly state: ExecutionState;
  readonly newEvents: HistoryEvent[];
  readonly effects: EpisodeEffects;
  /** Set when the execution continued as new: the next execution's input. */
  readonly continueAsNew?: { readonly input: string | undefined };
  /** Whether the orchestrator function ran (episodes that only suspend, say, do not replay). */
  readonly invoked: boolean;
  readonly warnings: readonly string[];
}

type Invocation = { readonly state: OrchestratorState } | { readonly failure: string; readonly state?: OrchestratorState };

async function invokeSafely(invoke: InvokeOrchestrator, payload: OrchestrationTriggerPayload): Promise<Invocation> {
  try {
    // Through the worker the state arrives as parsed JSON; in process, timer dates may be Date
    // objects, which the schema accepts too.
    const parsed = OrchestratorStateSchema.safeParse(await invoke(payload));
    if (parsed.success) return { state: parsed.data };
    return { failure: `The orchestrator returned no valid OrchestratorState: ${parsed.error.message}` };
  } catch (error) {
    // The process running the orchestrator went away: nothing of the episode happened, so it is
    // run again (the caller keeps its messages), as Azure abandons and retries the work item.
    if (isAbandonedInvocation(error)) throw error;
    const failure = parseOrchestratorFailure(error);
    return failure.state ? { failure: failure.message, state: failure.state } : { failure: failure.message };
  }
}

export function orchestrationPayload(
  request: EpisodeRequest,
  newEvents: readonly HistoryEvent[],
): OrchestrationTriggerPayload {
  const state = request.state;
  return {
    history: [...request.history.map(asPlayed), ...newEvents],
    input: parseJsonText(state.input),
    instanceId: state.instanceId,
    isReplaying: request.history.length > 0,
    ...(state.parent ? { parentInstanceId: state.parent.instanceId } : {}),
    upperSchemaVersion: UPPER_SCHEMA_VERSION,
    maximumShortTimerDuration: toTimeSpan(request.timers.maximumShortTimerMs),
    longRunningTimerIntervalDuration: toTimeSpan(request.timers.longRunningTimerIntervalMs),
    defaultHttpAsyncRequestSleepTimeMillseconds: DEFAULT_HTTP_ASYNC_SLEEP_MS,
  };
}

function outcomeOf(builder: EpisodeBuilder, invoked: boolean): EpisodeOutcome {
  return {
    state: builder.state,
    newEvents: builder.events(),
    effects: builder.effects,
    ...(builder.state.status === 'ContinuedAsNew' && builder.continueAsNewInput
      ? { continueAsNew: builder.continueAsNewInput }
      : {}),
    invoked,
    warnings: builder.warnings,
  };
}

/** A builder with the episode's incoming messages applied (terminate short-cuts everything). */
function prepare(request: EpisodeRequest): EpisodeBuilder {
  const builder = new EpisodeBuilder(request.state, request.now, request.timers);
  builder.state.lastUpdatedAt = request.now;
  const terminate = request.batch.find((queued) => queued.message.kind === 'terminate');
  if (terminate && terminate.message.kind === 'terminate') {
    builder.terminate(terminate.message.reason);
    return builder;
  }
  if (!builder.state.started) builder.startExecution();
  for (const queued of request.batch) builder.applyMessage(queued.message);
  return builder;
}

function withCustomStatus(builder: EpisodeBuilder, result: OrchestratorState | undefined): EpisodeBuilder {
  if (result && result.customStatus !== undefined && result.customStatus !== null) {
    builder.state.customStatus = JSON.stringify(result.customStatus);
  }
  return builder;
}

export async function runEpisode(request: EpisodeRequest, invoke: InvokeOrchestrator): Promise<EpisodeOutcome> {
  const builder = prepare(request);
  if (builder.state.status === 'Terminated') return outcomeOf(builder, false);
  // A suspended instance records what arrived but runs no code; nor does an episode whose events
  // only move the extension's own continuations (the library would return the same actions).
  if (builder.state.status === 'Suspended' || !builder.mayResumeCode) return outcomeOf(builder, false);

  const events = builder.events();
  const replayed = events.slice(0, 1 + builder.incoming.length);
  const invocation = await invokeSafely(invoke, orchestrationPayload(request, replayed));
  withCustomStatus(builder, invocation.state);
  if ('failure' in invocation) {
    builder.fail(invocation.failure);
    return outcomeOf(builder, true);
  }
  try {
    builder.applyActions(flattenLeaves(invocation.state.actions));
  } catch (error) {
    if (!(error instanceof OrchestrationContractError)) throw error;
    // Start again from the incoming events so that nothing half-scheduled survives the failure.
    const failed = withCustomStatus(prepare(request), invocation.state);
    failed.fail(error.message);
    return outcomeOf(failed, true);
  }
  if (invocation.state.isDone) {
    if (builder.continueAsNewInput) builder.continueAsNew(builder.continueAsNewInput.input);
    else builder.complete(invocation.state.output);
  }
  return outcomeOf(builder, true);
}
