/**
 * Drives orchestrations through the emulator's episode logic entirely in memory: the library's own
 * handlers are invoked, activities run inline, timers wait on a hand-moved clock. It lets the
 * replay and action logic be specified without storage, HTTP or the host.
 */
import { InvocationContext } from '@azure/functions';
import { runEpisode } from '../../../../infra/local/durable/engine/episode';
import { newExecutionState, isTerminal, type ExecutionState } from '../../../../infra/local/durable/engine/execution-state';
import { selectBatch, type OrchestrationMessage, type QueuedMessage } from '../../../../infra/local/durable/engine/orchestration-messages';
import type { HistoryEvent } from '../../../../infra/local/durable/protocol/history-events';
import { parseJsonText } from '../../../../infra/local/durable/protocol/trigger-payloads';
import type { TimerSettings } from '../../../../infra/local/durable/engine/episode-builder';
import type { CapturedFunction } from './functions-core-mock';

interface DrivenInstance {
  state: ExecutionState;
  history: HistoryEvent[];
  inbox: QueuedMessage[];
  /** Every execution's history, oldest first (continue-as-new starts a new one). */
  readonly executions: HistoryEvent[][];
}

interface ArmedTimer {
  readonly instanceId: string;
  readonly executionId: string;
  readonly timerId: number;
  readonly fireAt: number;
}

const SIX_DAYS = 6 * 86_400_000;
const THREE_DAYS = 3 * 86_400_000;

export class EpisodeDriver {
  now: number;
  readonly instances = new Map<string, DrivenInstance>();
  readonly activityCalls: { name: string; input: unknown; at: number }[] = [];
  readonly warnings: string[] = [];
  #timers: ArmedTimer[] = [];
  #executionCounter = 0;
  #episodes = 0;

  constructor(
    private readonly functions: ReadonlyMap<string, CapturedFunction>,
    start = Date.parse('2026-01-05T09:00:00Z'),
    private readonly timerSettings: TimerSettings = { maximumShortTimerMs: SIX_DAYS, longRunningTimerIntervalMs: THREE_DAYS },
  ) {
    this.now = start;
  }

  get episodes(): number {
    return this.#episodes;
  }

  get armedTimers(): readonly ArmedTimer[] {
    return this.#timers;
  }

  start(name: string, instanceId: string, input?: unknown, parent?: ExecutionState['parent']): void {
    const state = newExecutionState({
      instanceId,
      name,
      executionId: `exec-${(this.#executionCounter += 1)}`,
      generation: 0,
      input: input === undefined ? undefined : JSON.stringify(input),
      ...(parent ? { parent } : {}),
      now: this.now,
    });
    this.instances.set(instanceId, { state, history: [], inbox: [], executions: [[]] });
  }

  /** Takes up an instance recorded elsewhere (another build's history), as a new deployment would. */
  resume(recorded: { readonly state: ExecutionState; readonly history: readonly HistoryEvent[] }, timers: readonly Omit<ArmedTimer, 'instanceId'>[] = []): void {
    const { instanceId } = recorded.state;
    this.instances.set(instanceId, { state: recorded.state, history: [...recorded.history], inbox: [], executions: [[...recorded.history]] });
    this.#timers.push(...timers.map((timer) => ({ ...timer, instanceId })));
  }

  /** Runs the activities an instance's history scheduled and no completion has answered yet (work items left queued). */
  async runOpenActivities(instanceId: string): Promise<void> {
    const { state } = this.instance(instanceId);
    for (const task of state.openTasks) {
      if (task.kind === 'activity') this.send(instanceId, await this.#runActivity(state.executionId, task.eventId, task.name, parseJsonText(task.input)));
    }
    await this.settle();
  }

  send(instanceId: string, message: OrchestrationMessage): void {
    this.instance(instanceId).inbox.push({ message });
  }

  raise(instanceId: string, name: string, data?: unknown): void {
    this.send(instanceId, { kind: 'eventRaised', name, ...(data === undefined ? {} : { input: JSON.stringify(data) }) });
  }

  instance(instanceId: string): DrivenInstance {
    const found = this.instances.get(instanceId);
    if (!found) throw new Error(`no instance ${instanceId}`);
    return found;
  }

  output(instanceId: string): unknown {
    return parseJsonText(this.instance(instanceId).state.output);
  }

  /** Runs episodes until no instance has anything it can do at the current time. */
  async settle(): Promise<void> {
    for (let rounds = 0; rounds < 1000; rounds += 1) {
      let progressed = false;
      for (const [id, instance] of this.instances) {
        if (isTerminal(instance.state.status) && instance.inbox.length === 0) continue;
        const selection = selectBatch(instance.state, instance.inbox);
        instance.inbox = selection.remaining;
        if (selection.batch.length === 0 && instance.state.started) continue;
        await this.#runEpisode(id, instance, selection.batch);
        progressed = true;
      }
      if (!progressed) return;
    }
    throw new Error('episodes did not settle');
  }

  /** Moves the clock, firing due timers in order and settling after each. */
  async advance(ms: number): Promise<void> {
    const target = this.now + ms;
    for (;;) {
      const due = [...this.#timers].sort((a, b) => a.fireAt - b.fireAt).find((timer) => timer.fireAt <= target);
      if (!due) break;
      this.#timers = this.#timers.filter((timer) => timer !== due);
      this.now = Math.max(this.now, due.fireAt);
      this.send(due.instanceId, {
        kind: 'timerFired',
        executionId: due.executionId,
        timerId: due.timerId,
        fireAt: due.fireAt,
      });
      await this.settle();
    }
    this.now = target;
  }

  async #runEpisode(id: string, instance: DrivenInstance, batch: QueuedMessage[]): Promise<void> {
    this.#episodes += 1;
    const outcome = await runEpisode(
      { state: instance.state, history: instance.history, batch, now: this.now, timers: this.timerSettings },
      (payload) => this.#invoke(instance.state.name, payload),
    );
    this.warnings.push(...outcome.warnings);
    const executionId = instance.state.executionId;
    instance.state = outcome.state;
    instance.history = [...instance.history, ...outcome.newEvents];
    instance.executions[instance.executions.length - 1] = instance.history;
    for (const timerId of outcome.effects.cancelledTimers) {
      this.#timers = this.#timers.filter((t) => !(t.instanceId === id && t.executionId === executionId && t.timerId === timerId));
    }
    for (const timer of outcome.effects.timers) {
      this.#timers.push({ instanceId: id, executionId, timerId: timer.timerId, fireAt: timer.fireAt });
    }
    for (const child of outcome.effects.children) {
      this.start(child.name, child.instanceId, parseJsonText(child.input), {
        instanceId: id,
        executionId,
        name: instance.state.name,
        taskId: child.taskId,
      });
    }
    for (const activity of outcome.effects.activities) {
      this.send(id, await this.#runActivity(executionId, activity.taskId, activity.name, parseJsonText(activity.input)));
    }
    if (outcome.continueAsNew) {
      instance.state = newExecutionState({
        instanceId: id,
        name: instance.state.name,
        executionId: `exec-${(this.#executionCounter += 1)}`,
        generation: instance.state.generation + 1,
        input: outcome.continueAsNew.input,
        ...(instance.state.parent ? { parent: instance.state.parent } : {}),
        now: this.now,
      });
      instance.history = [];
      instance.executions.push([]);
    }
    const parent = instance.state.parent;
    if (parent && isTerminal(instance.state.status) && this.instances.has(parent.instanceId)) {
      const output = instance.state.output ?? 'null';
      this.send(
        parent.instanceId,
        instance.state.status === 'Completed'
          ? { kind: 'subOrchestrationCompleted', executionId: parent.executionId, taskId: parent.taskId, result: output }
          : {
              kind: 'subOrchestrationFailed',
              executionId: parent.executionId,
              taskId: parent.taskId,
              reason: String(parseJsonText(output)),
              details: '',
            },
      );
    }
  }

  async #invoke(name: string, payload: unknown): Promise<unknown> {
    const fn = this.functions.get(name);
    if (!fn) throw new Error(`no orchestrator ${name}`);
    const context = new InvocationContext({ functionName: name, logHandler: () => undefined });
    // Through JSON both ways, as the worker would.
    const result = await fn.handler(JSON.parse(JSON.stringify(payload)), context);
    return JSON.parse(JSON.stringify(result));
  }

  async #runActivity(executionId: string, taskId: number, name: string, input: unknown): Promise<OrchestrationMessage> {
    this.activityCalls.push({ name, input, at: this.now });
    const fn = this.functions.get(name);
    try {
      if (!fn) throw new Error(`no activity ${name}`);
      const context = new InvocationContext({ functionName: name, logHandler: () => undefined });
      const result: unknown = await fn.handler(input, context);
      return { kind: 'taskCompleted', executionId, taskId, result: JSON.stringify(result) ?? 'null' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        kind: 'taskFailed',
        executionId,
        taskId,
        reason: `Activity function '${name}' failed: ${message}`,
        details: JSON.stringify({ Message: message }),
      };
    }
  }
}
