import { startLocalStack, type LocalStack } from '../../../infra/local/stack';
import { ensureCompiled, FIXTURE_APP } from './support/compiled-output';

interface Firing {
  functionName: string;
  firedAt: string;
  timer: { isPastDue: boolean };
}

let stack: LocalStack;

beforeAll(async () => {
  ensureCompiled();
  stack = await startLocalStack({
    appDirectory: FIXTURE_APP,
    clock: { virtual: true, startAt: '2026-03-02T08:58:30Z' },
    // The fixture keeps its timer firings in memory, which every worker process has its own of (as in Azure).
    settings: { FUNCTIONS_WORKER_PROCESS_COUNT: '1' },
    hostLogLevel: 'warn',
  });
}, 180_000);

afterAll(() => stack?.stop());

async function setting(name: string): Promise<unknown> {
  const response = await fetch(`${stack.urls.api}/settings/${name}`);
  return ((await response.json()) as { value: unknown }).value;
}

async function everyFiveMinutes(): Promise<Array<[string, boolean]>> {
  const response = await fetch(`${stack.urls.api}/timer-firings`);
  const firings = (await response.json()) as Firing[];
  return firings
    .filter((firing) => firing.functionName === 'everyFiveMinutes')
    .map((firing) => [firing.firedAt, firing.timer.isPastDue]);
}

describe('the local stack', () => {
  it('hands the app every service endpoint and key as app settings', async () => {
    const { services } = stack;
    await expect(setting('AzureWebJobsStorage')).resolves.toBe(services.azurite?.connectionString);
    await expect(setting('BATON_COSMOS_ENDPOINT')).resolves.toBe(services.cosmos?.endpoint);
    await expect(setting('BATON_COSMOS_KEY')).resolves.toBe(services.cosmos?.key);
    await expect(setting('BATON_EMAIL_CONNECTION_STRING')).resolves.toBe(services.email?.connectionString);
    await expect(setting('BATON_VENDOR_API_BASE_URL')).resolves.toBe(services.vendor?.baseUrl);
    await expect(setting('BATON_STAFF_TOKEN_JWKS_URI')).resolves.toBe(services.identity?.jwksUri);
    await expect(setting('BATON_PUBLIC_BASE_URL')).resolves.toBe(stack.urls.host);
    await expect(setting('WEBSITE_HOSTNAME')).resolves.toBe(new URL(stack.urls.host).host);
  });

  it('advances the host child process on the virtual clock, firing its timers at the right instants', async () => {
    const now = await stack.advanceClock(11 * 60_000);
    expect(now.toISOString()).toBe('2026-03-02T09:09:30.000Z');
    await expect(everyFiveMinutes()).resolves.toEqual([
      ['2026-03-02T09:00:00.000Z', false],
      ['2026-03-02T09:05:00.000Z', false],
    ]);
  });

  it('keeps virtual time across a host killed with SIGKILL, and catches up the occurrence it missed', async () => {
    const killedPid = stack.hostPid();
    await stack.killHost();
    expect(killedPid).toBeDefined();
    expect(() => process.kill(killedPid ?? 0, 0)).toThrow();
    await expect(fetch(`${stack.urls.admin}/clock`)).rejects.toThrow();

    // Time moves on while the host is down; the 09:10 and 09:15 occurrences are missed.
    await stack.advanceClock(10 * 60_000);
    await stack.restartHost();
    expect(stack.hostPid()).not.toBe(killedPid);
    const clock = (await (await fetch(`${stack.urls.admin}/clock`)).json()) as { now: string };
    expect(clock.now).toBe('2026-03-02T09:19:30.000Z');

    await stack.advanceClock(0);
    await expect(everyFiveMinutes()).resolves.toEqual([['2026-03-02T09:19:30.000Z', true]]);
    await stack.advanceClock(60_000);
    await expect(everyFiveMinutes()).resolves.toEqual([
      ['2026-03-02T09:19:30.000Z', true],
      ['2026-03-02T09:20:00.000Z', false],
    ]);
  });
});
