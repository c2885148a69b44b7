/**
 * The local host with the Durable extension as a process of its own, so a test can kill it with
 * SIGKILL. Configured by environment; prints one JSON line with its URLs once ready; stops on
 * SIGTERM and when the parent's IPC channel closes.
 */
import { startFunctionHost } from '../../../../infra/local/host/function-host';
import { createHostLogger } from '../../../../infra/local/host/host-log';
import { createDurableExtension } from '../../../../infra/local/durable';
import { fixtureHostOptions } from './fixture-environment';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const extension = createDurableExtension();
  const host = await startFunctionHost(
    fixtureHostOptions({
      storage: required('CRASH_TEST_STORAGE'),
      hub: required('CRASH_TEST_HUB'),
      journalDirectory: required('CRASH_TEST_JOURNAL'),
      startAt: Number(required('CRASH_TEST_START_AT')),
      extension,
      // The parent test keeps this output and shows it when a check fails.
      logger: createHostLogger({ level: 'warn', write: (line) => process.stderr.write(line) }),
    }),
  );
  process.stdout.write(`${JSON.stringify({ url: host.url, rpcBaseUrl: extension.facts?.rpcBaseUrl })}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void host.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`host failed to start: ${String(error)}\n`);
  process.exit(1);
});
