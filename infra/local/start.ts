/**
 * `npm start`: the whole offline stack on its well-known ports, with data under `.local/`. Prints
 * one banner with every URL and the clock it runs on once everything is ready, and stops
 * everything on Ctrl-C or SIGTERM. `npm start -- --virtual-clock [--start <instant>]` puts the
 * whole stack on one virtual clock that runs at real speed from its start and jumps ahead when
 * `npm run clock` says so. (The npm script builds first; this
 * file runs compiled, from dist/.)
 */
import { startLocalStack, type LocalStack } from './stack';
import { assertPortFree } from './host/child/ports';
import { CLOCK_CONTROL_PORT, startClockControl, type ClockControl } from './clock/clock-control';
import { formatInstant } from './clock/clock-text';
import { keepClockRunning } from './clock/running-clock';
import { parseStartOptions, START_USAGE } from './start-options';
import { STAFF_ROUTES } from '../../shared/web/staff/staff-routes';

function clockLine(stack: LocalStack): string {
  return stack.virtualClock
    ? [
        `Virtual clock, now ${formatInstant(stack.now().toISOString())}: the whole stack runs on it at real speed.`,
        'Jump ahead with `npm run clock -- advance 3h` or `npm run clock -- to 2026-12-24T09:00`; each prints what fired.',
      ].join('\n')
    : 'Real clock (start with `npm start -- --virtual-clock` to travel in time).';
}

function banner(stack: LocalStack, clockControl: ClockControl, startedInMs: number): string {
  const { urls } = stack;
  const rows: Array<[string, string | undefined]> = [
    ['Requester web form', `${urls.host}/`],
    // Baton serves from the site root (empty route prefix); its API routes all start with api/.
    ['Ticket API', `${urls.host}/api/tickets`],
    ['OpenAPI document', `${urls.host}/api/openapi.json`],
    // The sign-in route sends the browser to the dev issuer's page, where a person of the sample roster is picked.
    ['Staff console sign-in', urls.identity === undefined ? undefined : `${urls.host}/${STAFF_ROUTES.signIn}`],
    ['Host admin', `${urls.admin}/host/status`],
    ['Mailbox (email stand-in)', urls.mailbox],
    ['Teams channels (stand-in)', urls.teams],
    ['Cosmos DB stand-in', urls.cosmos],
    ['Vendor stand-in', urls.vendor],
    ['Identity provider (staff)', urls.identity],
    ['Clock control', clockControl.url],
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
    clockLine(stack),
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const options = parseStartOptions(process.argv.slice(2), startedAt);
  if (options.kind === 'help') {
    process.stdout.write(START_USAGE);
    return;
  }
  if (options.kind === 'invalid') {
    process.stderr.write(`${options.error}\n${START_USAGE}`);
    process.exit(2);
  }
  let stack: LocalStack | undefined;
  let clockControl: ClockControl;
  try {
    await assertPortFree(CLOCK_CONTROL_PORT, 'clock control');
    stack = await startLocalStack({ ports: 'fixed', hostOutput: 'inherit', hostLogLevel: 'info', clock: options.clock });
    clockControl = await startClockControl(stack, { port: CLOCK_CONTROL_PORT });
  } catch (error) {
    await stack?.stop();
    process.stderr.write(`\nCannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const running = stack;
  const stopClock = running.virtualClock ? keepClockRunning(running) : async () => undefined;
  process.stdout.write(banner(running, clockControl, Date.now() - startedAt));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      process.stderr.write('Stopping at once.\n');
      process.exit(130);
    }
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the local stack (Ctrl-C again to stop at once)...\n`);
    Promise.all([clockControl.stop(), stopClock()])
      .then(() => running.stop())
      .then(
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
