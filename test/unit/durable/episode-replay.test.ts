jest.mock('@azure/functions-core', () => require('./support/functions-core-mock').mockCoreApi, { virtual: true });

import { capturedFunctions } from './support/functions-core-mock';
import { EpisodeDriver } from './support/episode-driver';
import { EventType } from '../../../infra/local/durable/protocol/history-events';
import { failures } from './support/sample-orchestrations';

const HOUR = 3_600_000;

function driver(): EpisodeDriver {
  return new EpisodeDriver(capturedFunctions());
}

function eventTypes(events: readonly { EventType: number }[]): number[] {
  return events.map((event) => event.EventType);
}

describe('orchestration replay through the durable-functions handler', () => {
  it('runs a sequence of activities, one episode per completion, with numbered tasks', async () => {
    const run = driver();
    run.start('sequence', 'seq-1');
    await run.settle();
    const instance = run.instance('seq-1');
    expect(instance.state.status).toBe('Completed');
    expect(run.output('seq-1')).toEqual(['Hello Tokyo', 'Hello London']);
    const scheduled = instance.history.filter((event) => event.EventType === EventType.TaskScheduled);
    expect(scheduled.map((event) => [event.EventId, event.Name, event.Input])).toEqual([
      [0, 'greet', '"Tokyo"'],
      [1, 'greet', '"London"'],
    ]);
    expect(instance.history[0]?.EventType).toBe(EventType.OrchestratorStarted);
    expect(instance.history[1]?.EventType).toBe(EventType.ExecutionStarted);
    expect(eventTypes(instance.history).filter((type) => type === EventType.OrchestratorStarted)).toHaveLength(3);
  });

  it('runs Task.all children together and returns their results in order', async () => {
    const run = driver();
    run.start('fanOut', 'fan-1');
    await run.settle();
    expect(run.output('fan-1')).toEqual(['Hello a', 'Hello b', 'Hello c']);
    expect(run.activityCalls.map((call) => call.input)).toEqual(['a', 'b', 'c']);
  });
});

describe('Task.any between an event and a timer', () => {
  it('cancels the losing timer so that it never fires work', async () => {
    const run = driver();
    run.start('approvalRace', 'race-1');
    await run.settle();
    expect(run.armedTimers).toHaveLength(1);
    run.raise('race-1', 'approval', 'Ana');
    await run.settle();
    expect(run.output('race-1')).toBe('Hello Ana');
    expect(run.armedTimers).toHaveLength(0);
    const episodesBefore = run.episodes;
    await run.advance(5 * HOUR);
    expect(run.episodes).toBe(episodesBefore);
    expect(run.instance('race-1').history.some((event) => event.EventType === EventType.TimerFired)).toBe(false);
  });

  it('takes the timer branch when no event comes before the deadline', async () => {
    const run = driver();
    run.start('approvalRace', 'race-2');
    await run.settle();
    await run.advance(4 * HOUR);
    expect(run.output('race-2')).toBe('timed out');
    const fired = run.instance('race-2').history.find((event) => event.EventType === EventType.TimerFired);
    expect(fired?.FireAt).toBe(new Date(Date.parse('2026-01-05T09:00:00Z') + 4 * HOUR).toISOString());
  });
});

describe('external events', () => {
  it('delivers an event raised before the orchestrator started waiting for it', async () => {
    const run = driver();
    run.start('lateWaiter', 'late-1');
    run.raise('late-1', 'answer', { approved: true });
    await run.settle();
    expect(run.output('late-1')).toEqual({ approved: true });
  });
});

describe('activity failures', () => {
  it('surface as a TaskFailed the orchestrator can catch', async () => {
    const run = driver();
    run.start('catchesFailure', 'fail-1');
    await run.settle();
    expect(String(run.output('fail-1'))).toContain("caught: Activity function 'explode' failed: vendor API unreachable");
    expect(run.instance('fail-1').history.some((event) => event.EventType === EventType.TaskFailed)).toBe(true);
  });

  it('fail the orchestration when not caught, with the status output the extension reports', async () => {
    const run = driver();
    run.start('failsItself', 'fail-2');
    await run.settle();
    expect(run.instance('fail-2').state.status).toBe('Failed');
    expect(run.output('fail-2')).toBe("Orchestrator function 'failsItself' failed: ticket schema invalid");
  });
});

describe('retries with backoff', () => {
  it('waits first interval × coefficient^n, capped, on durable timers between attempts', async () => {
    failures.remainingFlakyFailures = 3;
    const run = driver();
    const started = run.now;
    run.start('retries', 'retry-1');
    await run.settle();
    expect(run.activityCalls.map((call) => call.at - started)).toEqual([0]);
    await run.advance(999);
    expect(run.activityCalls).toHaveLength(1);
    await run.advance(1);
    await run.advance(2000);
    await run.advance(3000);
    expect(run.activityCalls.map((call) => call.at - started)).toEqual([0, 1000, 3000, 6000]);
    expect(run.output('retry-1')).toBe('finally');
  });

  it('surfaces the failure after the last attempt and its retry timer', async () => {
    failures.remainingFlakyFailures = 10;
    const run = driver();
    run.start('retries', 'retry-2');
    await run.settle();
    await run.advance(60_000);
    expect(run.activityCalls).toHaveLength(4);
    expect(run.output('retry-2')).toBe('gave up');
  });
});

describe('continue as new', () => {
  it('restarts with the new input in a fresh execution', async () => {
    const run = driver();
    run.start('counter', 'count-1', 0);
    await run.settle();
    await run.advance(HOUR);
    await run.advance(HOUR);
    await run.advance(HOUR);
    const instance = run.instance('count-1');
    expect(run.output('count-1')).toBe(3);
    expect(instance.executions).toHaveLength(4);
    expect(instance.state.generation).toBe(3);
    const lastStart = instance.history.find((event) => event.EventType === EventType.ExecutionStarted);
    expect(lastStart?.Input).toBe('3');
    expect(instance.executions[0]?.some((event) => event.EventType === EventType.ContinueAsNew)).toBe(true);
  });

  it('drops an event raised in the episode that continues as new (v3 has no carry-over)', async () => {
    const run = driver();
    run.start('counter', 'count-2', 2);
    await run.settle();
    run.raise('count-2', 'ignored', 1);
    await run.advance(HOUR);
    const instance = run.instance('count-2');
    expect(instance.executions[0]?.some((event) => event.EventType === EventType.EventRaised)).toBe(true);
    expect(instance.history.some((event) => event.EventType === EventType.EventRaised)).toBe(false);
    expect(run.output('count-2')).toBe(3);
  });
});

describe('terminate, suspend and resume', () => {
  it('terminating stops pending timers and ignores later events', async () => {
    const run = driver();
    run.start('approvalRace', 'term-1');
    await run.settle();
    run.send('term-1', { kind: 'terminate', reason: 'duplicate ticket' });
    run.raise('term-1', 'approval', 'late');
    await run.settle();
    expect(run.instance('term-1').state.status).toBe('Terminated');
    expect(run.output('term-1')).toBe('duplicate ticket');
    expect(run.armedTimers).toHaveLength(0);
    await run.advance(5 * HOUR);
    expect(run.activityCalls).toHaveLength(0);
  });

  it('holds events while suspended and delivers them on resume', async () => {
    const run = driver();
    run.start('approvalRace', 'susp-1');
    await run.settle();
    run.send('susp-1', { kind: 'suspend', reason: 'investigating' });
    await run.settle();
    run.raise('susp-1', 'approval', 'Bo');
    await run.settle();
    expect(run.instance('susp-1').state.status).toBe('Suspended');
    expect(run.activityCalls).toHaveLength(0);
    run.send('susp-1', { kind: 'resume', reason: 'ok' });
    await run.settle();
    expect(run.output('susp-1')).toBe('Hello Bo');
  });
});

describe('sub-orchestrations and custom status', () => {
  it('returns the child result to the parent and keeps the last custom status', async () => {
    const run = driver();
    run.start('parent', 'parent-1');
    await run.settle();
    expect(run.output('parent-1')).toEqual(['Hello Tokyo', 'Hello London']);
    expect(run.instance('parent-1-child').state.status).toBe('Completed');
    expect(JSON.parse(run.instance('parent-1').state.customStatus ?? 'null')).toEqual({ stage: 'done' });
  });
});

describe('long timers', () => {
  it('split into slices of the long-running interval and fire once at the end', async () => {
    const run = driver();
    const started = run.now;
    run.start('longWait', 'long-1');
    await run.settle();
    expect(run.armedTimers.map((timer) => timer.fireAt - started)).toEqual([3 * 24 * HOUR]);
    await run.advance(10 * 24 * HOUR);
    const created = run.instance('long-1').history.filter((event) => event.EventType === EventType.TimerCreated);
    expect(created.map((event) => Date.parse(event.FireAt ?? '') - started)).toEqual([
      3 * 24 * HOUR,
      6 * 24 * HOUR,
      10 * 24 * HOUR,
    ]);
    expect(run.output('long-1')).toBe(new Date(started + 10 * 24 * HOUR).toISOString());
  });
});
