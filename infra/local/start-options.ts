/**
 * `npm start`'s options: `--virtual-clock` puts the whole stack (host, Durable timers, dev issuer,
 * vendor and email stand-ins) on one virtual clock, from `--start <instant>` or from now.
 */
import { parseArgs } from 'node:util';
import { parseInstant } from './clock/clock-text';

export const START_USAGE = [
  'usage: npm start [-- --virtual-clock [--start <instant>]]',
  '  --virtual-clock     run the whole stack on one virtual clock: real speed, and jumps with `npm run clock`',
  '  --start <instant>   where the virtual clock starts, e.g. 2026-12-24T09:00 (UTC unless an offset is given; default now)',
  '',
].join('\n');

export type StartClock = { readonly virtual: false } | { readonly virtual: true; readonly startAt: Date };

export type StartOptions =
  | { readonly kind: 'start'; readonly clock: StartClock }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly error: string };

export function parseStartOptions(argv: readonly string[], nowMs: number): StartOptions {
  let values: { 'virtual-clock'?: boolean; start?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { 'virtual-clock': { type: 'boolean' }, start: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error: unknown) {
    return { kind: 'invalid', error: error instanceof Error ? error.message : String(error) };
  }
  if (values.help === true) return { kind: 'help' };
  if (values['virtual-clock'] !== true) {
    return values.start === undefined
      ? { kind: 'start', clock: { virtual: false } }
      : { kind: 'invalid', error: '--start only applies to a virtual clock: add --virtual-clock.' };
  }
  if (values.start === undefined) return { kind: 'start', clock: { virtual: true, startAt: new Date(nowMs) } };
  const start = parseInstant(values.start);
  return start.ok ? { kind: 'start', clock: { virtual: true, startAt: start.value } } : { kind: 'invalid', error: `--start: ${start.error}` };
}
