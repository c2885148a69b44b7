/**
 * The whole offline stack as one process group a crash test can SIGKILL, as a power cut or an OOM
 * kill would end `npm start`: this process, the Functions host and Azurite. Unlike `npm start` it
 * picks free ports (test files run in parallel), and it keeps its data in the folder given as its
 * argument so a new run starts on what the killed one left. It prints one JSON line with the URLs
 * once everything is ready. Run with test/integration/durable/support/run-typescript.js.
 */
import { startLocalStack } from '../../../../infra/local/stack';

async function main(): Promise<void> {
  const dataDirectory = process.argv[2];
  if (!dataDirectory) throw new Error('usage: stack-process.ts <data directory>');
  const stack = await startLocalStack({ dataDirectory, hostLogLevel: 'warn' });
  process.stdout.write(`${JSON.stringify({ ready: { urls: stack.urls, settings: stack.settings } })}\n`);
  const stop = (): void => {
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
