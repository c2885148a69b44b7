/**
 * `npm run clock` moves the offline stack's virtual clock (`npm start -- --virtual-clock`) and
 * prints what fired on the way: host, Durable timers, dev issuer and stand-ins move together.
 *
 *   npm run clock                          shows the stack's clock
 *   npm run clock -- advance 3h            moves it forward (3h, 90m, 1d, 1h30m, PT45M ...)
 *   npm run clock -- to 2026-12-24T09:00   moves it to an instant (UTC unless an offset is given)
 *
 * It talks to the stack's clock control (http://127.0.0.1:7076 unless `--stack-url` or
 * `BATON_CLOCK_URL` says otherwise). Exit codes: 0 done, 1 no stack or a stack on the real clock,
 * 2 bad arguments.
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { ClockAdvanceReportSchema } from '../infra/local/clock/advance-report';
import {
  CLOCK_CONTROL_PORT,
  ClockControlErrorSchema,
  ClockReadingSchema,
  REAL_CLOCK_REFUSAL,
  type ClockMoveRequest,
} from '../infra/local/clock/clock-control';
import { formatAdvanceReport, formatInstant, parseDuration, parseInstant } from '../infra/local/clock/clock-text';
import { BAD_ARGUMENTS, processOutput, readArguments, runFromCommandLine, type CommandOutput } from './command-line';

export const CLOCK_USAGE = [
  'usage: npm run clock -- [now]                   show the stack clock',
  '       npm run clock -- advance <duration>      e.g. 3h, 90m, 1d, 1h30m, 45s, PT3H',
  '       npm run clock -- to <instant>            e.g. 2026-12-24T09:00 (UTC unless an offset is given)',
  '       option: --stack-url URL                  default http://127.0.0.1:7076 (or BATON_CLOCK_URL)',
  '',
].join('\n');


type ClockAction = { readonly kind: 'now' } | { readonly kind: 'move'; readonly move: ClockMoveRequest; readonly target?: Date };

/** The action the words ask for, or why they do not make sense. */
export function parseClockAction(words: readonly string[]): { ok: true; action: ClockAction } | { ok: false; error: string } {
  const [verb, value, ...extra] = words;
  if (verb === undefined || (verb === 'now' && value === undefined)) return { ok: true, action: { kind: 'now' } };
  if (verb !== 'advance' && verb !== 'to') return { ok: false, error: `Unknown command "${verb}": use now, advance or to.` };
  if (value === undefined) return { ok: false, error: verb === 'advance' ? 'advance needs a duration, e.g. 3h.' : 'to needs an instant, e.g. 2026-12-24T09:00.' };
  if (extra.length > 0) return { ok: false, error: `Unexpected "${extra.join(' ')}" after ${verb} ${value}.` };
  if (verb === 'advance') {
    const duration = parseDuration(value);
    return duration.ok ? { ok: true, action: { kind: 'move', move: { by: duration.value } } } : duration;
  }
  const instant = parseInstant(value);
  return instant.ok ? { ok: true, action: { kind: 'move', move: { to: instant.value.toISOString() }, target: instant.value } } : instant;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** node:http rather than fetch: an advance across days answers only once it has settled, past fetch's header timeout. */
function request(url: string, method: 'GET' | 'POST', body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const sending = http.request(url, { method, headers: text === undefined ? {} : { 'content-type': 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        } catch {
          parsed = undefined;
        }
        resolve({ status: response.statusCode ?? 0, body: parsed });
      });
    });
    sending.on('error', reject);
    sending.end(text);
  });
}

function errorOf(answer: Answer): string {
  const parsed = ClockControlErrorSchema.safeParse(answer.body);
  return parsed.success ? parsed.data.error : `HTTP ${answer.status}`;
}

/** Runs the command; resolves with the exit code. */
export async function runClockCommand(argv: readonly string[], output: CommandOutput, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const parsedArgs = readArguments(() => clockArguments(argv), CLOCK_USAGE, output);
  if (parsedArgs === undefined) return BAD_ARGUMENTS;
  if (parsedArgs.values.help === true) {
    output.out(CLOCK_USAGE);
    return 0;
  }
  const parsed = parseClockAction(parsedArgs.positionals);
  if (!parsed.ok) {
    output.err(`${parsed.error}\n${CLOCK_USAGE}`);
    return BAD_ARGUMENTS;
  }
  const base = (parsedArgs.values['stack-url'] ?? env.BATON_CLOCK_URL ?? `http://127.0.0.1:${CLOCK_CONTROL_PORT}`).replace(/\/+$/, '');
  if (!URL.canParse(base)) {
    output.err(`--stack-url "${base}" is not a URL.\n${CLOCK_USAGE}`);
    return BAD_ARGUMENTS;
  }

  let reading;
  try {
    reading = ClockReadingSchema.safeParse((await request(`${base}/clock`, 'GET')).body);
  } catch {
    output.err(`No local stack answers at ${base}. Start one with \`npm start -- --virtual-clock\`.\n`);
    return 1;
  }
  if (!reading.success) {
    output.err(`The service at ${base} is not the local stack's clock control.\n`);
    return 1;
  }
  const { action } = parsed;
  if (action.kind === 'now') {
    output.out(`${reading.data.virtual ? 'Virtual' : 'Real'} clock: ${formatInstant(reading.data.now)}\n`);
    return 0;
  }
  if (!reading.data.virtual) {
    output.err(`${REAL_CLOCK_REFUSAL}\n`);
    return 1;
  }
  if (action.target && action.target.getTime() < Date.parse(reading.data.now)) {
    output.err(`${formatInstant(action.target.toISOString())} is before the stack's clock (${formatInstant(reading.data.now)}); the clock only moves forward.\n`);
    return BAD_ARGUMENTS;
  }
  // A jump of a day steps through thousands of timer firings; say why the prompt is quiet meanwhile.
  output.out(`Moving the clock from ${formatInstant(reading.data.now)}; the answer comes once everything it sets off has settled...\n`);
  let answer: Answer;
  try {
    answer = await request(`${base}/clock/advance`, 'POST', action.move);
  } catch (error: unknown) {
    output.err(`The stack stopped answering while its clock moved: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const report = ClockAdvanceReportSchema.safeParse(answer.body);
  if (answer.status !== 200 || !report.success) {
    output.err(`The stack could not move its clock: ${errorOf(answer)}\n`);
    return 1;
  }
  output.out(formatAdvanceReport(report.data));
  return 0;
}

function clockArguments(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { 'stack-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
}

if (require.main === module) {
  runFromCommandLine(() => runClockCommand(process.argv.slice(2), processOutput, process.env));
}
