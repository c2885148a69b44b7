/**
 * `npm start`: the whole offline stack on its well-known ports, with data under `.local/`. Prints
 * one banner with every URL once everything is ready, and stops everything on Ctrl-C or SIGTERM.
 * (The npm script builds first; this file runs compiled, from dist/.)
 */
import { startLocalStack, type LocalStack } from './stack';
import { PortBusyError } from './host/child/ports';

function banner(stack: LocalStack, startedInMs: number): string {
  const { urls } = stack;
  const rows: Array<[string, string | undefined]> = [
    ['Requester web form', `${urls.host}/`],
    // Baton serves from the site root (empty route prefix); its API routes all start with api/.
    ['Ticket API', `${urls.host}/api/tickets`],
    ['OpenAPI document', `${urls.host}/api/openapi.json`],
    ['Host admin', `${urls.admin}/host/status`],
    ['Mailbox (email stand-in)', urls.mailbox],
    ['Cosmos DB stand-in', urls.cosmos],
    ['Vendor stand-in', urls.vendor],
    ['Token issuer (staff)', urls.identity],
    ['Azurite blob', urls.blob],
    ['Azurite queue', urls.queue],
    ['Azurite table', urls.table],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows
    .filter((row): row is [string, string] => row[1] !== undefined)
    .map(([label, url]) => `  ${label.padEnd(width)}  ${url}`);
  return [
    '',
    `Baton is running locally (ready in ${(startedInMs / 1000).toFixed(1)} s; data in ${stack.dataDirectory}).`,
    ...lines,
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let stack: LocalStack;
  try {
    stack = await startLocalStack({ ports: 'fixed', hostOutput: 'inherit', hostLogLevel: 'info' });
  } catch (error) {
    if (error instanceof PortBusyError) {
      process.stderr.write(`\nCannot start: ${error.message}\n`);
    } else {
      process.stderr.write(`\nCannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exit(1);
  }
  process.stdout.write(banner(stack, Date.now() - startedAt));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      process.stderr.write('Stopping at once.\n');
      process.exit(130);
    }
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the local stack (Ctrl-C again to stop at once)...\n`);
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Stopping failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
