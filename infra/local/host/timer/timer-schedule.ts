/**
 * When a timer trigger is due next: an NCRONTAB expression (six fields, seconds first; five are
 * accepted too), evaluated by croner in UTC or in WEBSITE_TIME_ZONE, or a TimeSpan
 * (`hh:mm:ss`, or `dd:hh:mm` when the first part is 24 or more) counted from the last occurrence.
 */
import { Cron } from 'croner';

export interface TimerSchedule {
  readonly expression: string;
  /** The first occurrence strictly after `after` (ms since the epoch). */
  nextAfter(after: number): number | undefined;
}

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** NCRONTAB accepts full English names; croner wants three-letter ones. */
function abbreviateNames(expression: string): string {
  const names = [...DAY_NAMES, ...MONTH_NAMES].sort((a, b) => b.length - a.length).join('|');
  return expression.replace(new RegExp(`\\b(${names})\\b`, 'gi'), (name) => name.slice(0, 3));
}

function parseTimeSpan(expression: string): number | undefined {
  const match = /^(\d+):(\d{2}):(\d{2})$/.exec(expression.trim());
  if (!match) return undefined;
  const [first, second, third] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const seconds = first >= 24 ? first * 86_400 + second * 3_600 + third * 60 : first * 3_600 + second * 60 + third;
  if (seconds <= 0) throw new Error(`Timer schedule "${expression}" must be a positive interval.`);
  return seconds * 1000;
}

export function parseTimerSchedule(expression: string, timeZone?: string): TimerSchedule {
  const interval = parseTimeSpan(expression);
  if (interval !== undefined) {
    return { expression, nextAfter: (after) => after + interval };
  }
  let cron: Cron;
  try {
    // NCRONTAB requires day-of-month and day-of-week both to match (croner's legacy mode ORs them).
    cron = new Cron(abbreviateNames(expression.trim()), {
      paused: true,
      timezone: timeZone ?? 'Etc/UTC',
      legacyMode: false,
    });
  } catch (error) {
    throw new Error(`Timer schedule "${expression}" is not valid: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    expression,
    nextAfter: (after) => cron.nextRun(new Date(after))?.getTime(),
  };
}

/**
 * Whether the host keeps a schedule status for this timer: as in Azure, `useMonitor` if set,
 * otherwise only for schedules that recur a minute or more apart.
 */
export function monitorsSchedule(schedule: TimerSchedule, useMonitor: unknown, from: number): boolean {
  if (typeof useMonitor === 'boolean') return useMonitor;
  const first = schedule.nextAfter(from);
  const second = first === undefined ? undefined : schedule.nextAfter(first);
  return first === undefined || second === undefined || second - first >= 60_000;
}
