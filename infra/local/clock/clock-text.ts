/**
 * The words of `npm run clock`: durations and instants as a person types them, and an advance
 * report as a person reads it. Pure, so the command's parsing and output are tested directly.
 */
import { DateTime, Duration } from 'luxon';
import type { ClockAdvanceReport, InvocationRecord } from './advance-report';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;
const COMPACT_DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i;
const DURATION_EXAMPLES = 'e.g. 3h, 90m, 1d, 1h30m, 45s or ISO 8601 PT3H';

/** `3h`, `90m`, `1d`, `1h30m`, `45s` (units in that order), or an ISO 8601 duration such as `PT3H` → milliseconds. */
export function parseDuration(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (/^p/i.test(trimmed)) {
    const iso = Duration.fromISO(trimmed.toUpperCase());
    return iso.isValid ? { ok: true, value: iso.toMillis() } : { ok: false, error: `"${text}" is not a duration (${DURATION_EXAMPLES}).` };
  }
  const match = COMPACT_DURATION.exec(trimmed);
  if (trimmed === '' || !match) return { ok: false, error: `"${text}" is not a duration (${DURATION_EXAMPLES}).` };
  const [, days, hours, minutes, seconds] = match;
  const ms =
    Number(days ?? 0) * UNIT_MS.d + Number(hours ?? 0) * UNIT_MS.h + Number(minutes ?? 0) * UNIT_MS.m + Number(seconds ?? 0) * UNIT_MS.s;
  return Number.isSafeInteger(ms) ? { ok: true, value: ms } : { ok: false, error: `"${text}" is too long a duration.` };
}

/** An ISO 8601 instant; without an offset it is read as UTC (the stack's clocks all run in UTC). */
export function parseInstant(text: string): Parsed<Date> {
  const parsed = DateTime.fromISO(text.trim(), { zone: 'utc' });
  if (!parsed.isValid) {
    return { ok: false, error: `"${text}" is not an instant: write it as ISO 8601, e.g. 2026-12-24T09:00 (UTC unless it names an offset, e.g. +01:00).` };
  }
  return { ok: true, value: parsed.toJSDate() };
}

/** 10_800_000 → `3h`, 5_430_000 → `1h30m30s`. */
export function formatDuration(ms: number): string {
  if (ms <= 0) return '0s';
  let rest = Math.round(ms / 1000) * 1000;
  const parts: string[] = [];
  for (const [unit, size] of Object.entries(UNIT_MS)) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.length > 0 ? parts.join('') : `${ms}ms`;
}

/** `2026-12-24 09:00:00 UTC (Thursday)` */
export function formatInstant(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).toFormat("yyyy-MM-dd HH:mm:ss 'UTC' (cccc)");
}

/** The longest list a section prints before summing up the rest. */
const MAX_LINES_PER_SECTION = 40;

function shortTrigger(triggerType: string): string {
  return triggerType.replace(/Trigger$/i, '');
}

interface InvocationSummary {
  readonly function: string;
  readonly trigger: string;
  count: number;
  readonly first: string;
  last: string;
}

/**
 * One line per function, in the order each first ran: a routine timer firing every 15 seconds
 * would otherwise bury the few orchestrations and activities a person is looking for.
 */
function summariseInvocations(invocations: readonly InvocationRecord[]): InvocationSummary[] {
  const byFunction = new Map<string, InvocationSummary>();
  for (const record of invocations) {
    const key = `${record.function}\u0000${record.trigger}`;
    const known = byFunction.get(key);
    if (known) {
      known.count += 1;
      known.last = record.at;
    } else {
      byFunction.set(key, { function: record.function, trigger: shortTrigger(record.trigger), count: 1, first: record.at, last: record.at });
    }
  }
  return [...byFunction.values()];
}

function table(rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = rows.reduce<number[]>((max, row) => row.map((cell, index) => Math.max(max[index] ?? 0, cell.length)), []);
  return rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join('  ').trimEnd());
}

function section(title: string, total: number, lines: readonly string[]): string[] {
  if (total === 0) return [];
  const shown = lines.slice(0, MAX_LINES_PER_SECTION);
  const more = lines.length - shown.length;
  return [`${title} (${total}):`, ...shown.map((line) => `  ${line}`), ...(more > 0 ? [`  … and ${more} more lines`] : [])];
}

/** The report of one advance, for a person: where the clock went and what fired, in time order. */
export function formatAdvanceReport(report: ClockAdvanceReport): string {
  const spansDays = report.from.slice(0, 10) !== report.to.slice(0, 10);
  const time = (iso: string): string => DateTime.fromISO(iso, { zone: 'utc' }).toFormat(spansDays ? 'MM-dd HH:mm:ss' : 'HH:mm:ss');
  const moved = Date.parse(report.to) - Date.parse(report.from);
  const invocationLines = table(
    summariseInvocations(report.invocations).map((summary) => [
      summary.function,
      summary.trigger,
      `×${summary.count}`,
      summary.count === 1 ? time(summary.first) : `${time(summary.first)} … ${time(summary.last)}`,
    ]),
  );
  const emailLines = report.emails.map((email) => `${time(email.at)}  to ${email.to.join(', ')}: ${email.subject}`);
  const callbackLines = report.vendorCallbacks.map(
    (callback) =>
      `${time(callback.at)}  case ${callback.caseId} ${callback.change} → ${callback.status === undefined ? `not delivered (${callback.error ?? 'no answer'})` : `HTTP ${callback.status}`}`,
  );
  const nothing = report.invocations.length + report.emails.length + report.vendorCallbacks.length === 0;
  return [
    `Clock moved ${formatDuration(moved)}: ${formatInstant(report.from)} → ${formatInstant(report.to)}.`,
    `Scheduled calls that came due (durable timers, timer triggers, retries, vendor script): ${report.timersFired}.`,
    ...section('Functions invoked', report.invocations.length, invocationLines),
    ...section('Emails stored by the email stand-in', report.emails.length, emailLines),
    ...section('Vendor callbacks sent', report.vendorCallbacks.length, callbackLines),
    ...(nothing ? ['Nothing else happened.'] : []),
    '',
  ].join('\n');
}
