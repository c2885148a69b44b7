/**
 * The host process: runs one Functions app until told to stop (SIGINT, SIGTERM, or its parent
 * going away). Started by the local stack as a child process, it reports readiness over IPC
 * (`{ type: 'host-ready', url, port }` or `{ type: 'host-failed', message }`); run by hand, it
 * logs the same on stderr. Options: see host-process-options.ts.
 */
import { startFunctionHost, type RunningFunctionHost } from './function-host';
import { createHostLogger } from './host-log';
import { parseHostProcessOptions } from './host-process-options';
import type { HostExtension } from './extension-contract';
import { createDurableExtension } from '../durable';
import { errorText } from './error-text';
import { stackMetricsReport } from '../metrics/stack-metrics';

export type HostProcessMessage =
  | { readonly type: 'host-ready'; readonly url: string; readonly port: number }
  | { readonly type: 'host-failed'; readonly message: string };

/** Sends the message to the parent, if there is one, and resolves once it is on its way. */
function report(message: HostProcessMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

/** The extensions every host process offers; each starts only if the app uses its bindings. */
function standardExtensions(): HostExtension[] {
  return [createDurableExtension()];
}

async function main(): Promise<void> {
  const options = parseHostProcessOptions(process.argv.slice(2), process.env, process.cwd());
  const logger = createHostLogger({ level: options.logLevel });
  let host: RunningFunctionHost | undefined;
  let stopping: Promise<void> | undefined;
  const shutdown = (exitCode: number): Promise<void> => {
    stopping ??= (async () => {
      try {
        await host?.stop();
      } catch (error) {
        logger.log('error', `Stopping failed: ${errorText(error)}`);
      }
      process.exit(exitCode);
    })();
    return stopping;
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // A parent that dies (even by SIGKILL) closes the IPC channel: the host must not outlive it.
  process.on('disconnect', () => void shutdown(0));

  try {
    host = await startFunctionHost({
      appDirectory: options.appDirectory,
      ...(options.settingsFile ? { settingsFile: options.settingsFile } : {}),
      ...(options.port !== undefined ? { port: options.port } : {}),
      clock: options.clock,
      stateDirectory: options.stateDirectory,
      extensions: standardExtensions(),
      adminReports: { metrics: stackMetricsReport },
      logger,
    });
  } catch (error) {
    const message = errorText(error, false);
    logger.log('error', `The host could not start: ${message}`);
    await report({ type: 'host-failed', message });
    process.exit(1);
  }
  await report({ type: 'host-ready', url: host.url, port: host.port });
}

void main();
