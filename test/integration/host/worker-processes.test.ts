import fs from 'node:fs';
import { startLocalStack, type LocalStack } from '../../../infra/local/stack';
import { MASTER_KEY_SETTING } from '../../../infra/local/host/http/function-keys';
import { eventually } from '../ticket-service/support/eventually';
import { ensureCompiled, WORKER_FIXTURE_APP } from './support/compiled-output';

interface WorkerStatus {
  pid: number;
  state: string;
  inFlight: number;
  invocations: number;
  restarts: number;
}

interface WhoRuns {
  pid: number;
  now: string;
}

const START = '2026-03-02T09:00:00.000Z';
let stack: LocalStack;

beforeAll(async () => {
  ensureCompiled();
  stack = await startLocalStack({
    appDirectory: WORKER_FIXTURE_APP,
    clock: { virtual: true, startAt: START },
    without: ['cosmos', 'email', 'vendor', 'identity'],
    hostLogLevel: 'error',
    settings: { FUNCTIONS_WORKER_PROCESS_COUNT: '2' },
  });
}, 180_000);

afterAll(() => stack?.stop());

async function workers(): Promise<WorkerStatus[]> {
  const masterKey = stack.settings[MASTER_KEY_SETTING];
  const response = await fetch(`${stack.urls.host}/admin/host/status`, { headers: masterKey ? { 'x-functions-key': masterKey } : {} });
  return ((await response.json()) as { workers: WorkerStatus[] }).workers;
}

async function whoRuns(times: number): Promise<WhoRuns[]> {
  const answers: WhoRuns[] = [];
  for (let call = 0; call < times; call += 1) {
    answers.push((await (await fetch(`${stack.urls.api}/who-runs`)).json()) as WhoRuns);
  }
  return answers;
}

/** Alive and not a zombie waiting for a parent to reap it. */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('the host with two worker processes', () => {
  it('runs invocations in both worker processes, neither of them the host', async () => {
    const running = await workers();
    expect(running.map((worker) => worker.state)).toEqual(['running', 'running']);
    const pids = new Set((await whoRuns(6)).map((answer) => answer.pid));
    expect([...pids].sort()).toEqual(running.map((worker) => worker.pid).sort());
    expect(pids.has(stack.hostPid() ?? -1)).toBe(false);
    expect((await workers()).every((worker) => worker.invocations >= 3)).toBe(true);
  });

  it('moves the app clock in every worker with the host virtual clock', async () => {
    await stack.advanceClock(90 * 60_000);
    const answers = await whoRuns(6);
    expect(new Set(answers.map((answer) => answer.pid)).size).toBe(2);
    expect(new Set(answers.map((answer) => answer.now))).toEqual(new Set(['2026-03-02T10:30:00.000Z']));
  });

  it('completes an orchestration whose activities ran in both workers', async () => {
    const started = await fetch(`${stack.urls.api}/fan-out`, { method: 'POST', body: JSON.stringify({ activities: 6 }) });
    expect(started.status).toBe(202);
    const { instanceId } = (await started.json()) as { instanceId: string };
    await stack.advanceClock(0);
    const status = await eventually(
      async () => (await (await fetch(`${stack.urls.api}/fan-out/${instanceId}`)).json()) as { runtimeStatus: string; output: number[] | null },
      (current) => current.runtimeStatus === 'Completed',
    );
    expect(status.runtimeStatus).toBe('Completed');
    expect(status.output).toHaveLength(6);
    expect([...new Set(status.output)].sort()).toEqual((await workers()).map((worker) => worker.pid).sort());
  });

  it('answers 500 for a request whose worker was killed, and replaces the worker', async () => {
    const answer = fetch(`${stack.urls.api}/never-answers`);
    const busy = await eventually(workers, (current) => current.some((worker) => worker.inFlight > 0));
    const victim = busy.find((worker) => worker.inFlight > 0);
    expect(victim).toBeDefined();
    process.kill(victim?.pid ?? -1, 'SIGKILL');
    expect((await answer).status).toBe(500);

    const replaced = await eventually(workers, (current) => current.every((worker) => worker.state === 'running' && worker.pid !== victim?.pid));
    expect(replaced.map((worker) => worker.state)).toEqual(['running', 'running']);
    expect(replaced.map((worker) => worker.pid)).not.toContain(victim?.pid);
    expect(replaced.reduce((sum, worker) => sum + worker.restarts, 0)).toBe(1);
    const pids = new Set((await whoRuns(6)).map((run) => run.pid));
    expect([...pids].sort()).toEqual(replaced.map((worker) => worker.pid).sort());
  });

  it('leaves no worker process behind when the host is killed with SIGKILL', async () => {
    const pids = (await workers()).map((worker) => worker.pid);
    expect(pids.every(isRunning)).toBe(true);
    await stack.killHost();
    const left = await eventually(
      () => pids.filter(isRunning),
      (running) => running.length === 0,
    );
    expect(left).toEqual([]);
  });
});
