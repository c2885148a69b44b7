import { startLocalStack, type LocalStack } from '../../../infra/local/stack';
import { DURABLE_FIXTURE_APP, ensureCompiled } from './support/compiled-output';

interface ReminderStatus {
  runtimeStatus: string;
  output: { text: string; firedAt: string } | null;
}

let stack: LocalStack;

beforeAll(async () => {
  ensureCompiled();
  stack = await startLocalStack({
    appDirectory: DURABLE_FIXTURE_APP,
    clock: { virtual: true, startAt: '2026-03-02T09:00:00Z' },
    without: ['cosmos', 'email', 'vendor', 'identity'],
    hostLogLevel: 'warn',
  });
}, 180_000);

afterAll(() => stack?.stop());

async function status(instanceId: string): Promise<ReminderStatus> {
  return (await (await fetch(`${stack.urls.api}/reminders/${instanceId}`)).json()) as ReminderStatus;
}

describe('the host process with the Durable extension', () => {
  it('runs an orchestration started through the durable client binding, across a durable timer on the virtual clock', async () => {
    const started = await fetch(`${stack.urls.api}/reminders`, { method: 'POST', body: JSON.stringify({ name: 'Ada' }) });
    expect(started.status).toBe(202);
    const { instanceId } = (await started.json()) as { instanceId: string };

    await stack.advanceClock(0);
    await expect(status(instanceId)).resolves.toMatchObject({ runtimeStatus: 'Running' });

    await stack.advanceClock(61 * 60_000);
    await expect(status(instanceId)).resolves.toEqual({
      runtimeStatus: 'Completed',
      output: { text: 'Reminder for Ada', firedAt: '2026-03-02T10:00:00.000Z' },
    });
  });
});
