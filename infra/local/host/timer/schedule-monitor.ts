/**
 * Remembers each timer's schedule status (last occurrence, next occurrence, last update) across
 * host restarts, as the Functions host does in storage, so an occurrence missed while the host
 * was down fires at the next start with `isPastDue`. One small JSON file per timer, replaced
 * atomically so a killed host never leaves half a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const ScheduleStatusSchema = z.object({
  last: z.string(),
  next: z.string(),
  lastUpdated: z.string(),
});

export type ScheduleStatus = z.infer<typeof ScheduleStatusSchema>;

/** .NET's `DateTime.MinValue`, which the host reports as `Last` before a timer first fired. */
export const NEVER = '0001-01-01T00:00:00';

export interface ScheduleMonitor {
  read(timerName: string): ScheduleStatus | undefined;
  write(timerName: string, status: ScheduleStatus): void;
}

export function createFileScheduleMonitor(directory: string): ScheduleMonitor {
  const fileOf = (timerName: string): string =>
    path.join(directory, `${timerName.replace(/[^A-Za-z0-9_.-]/g, '_')}.status.json`);
  return {
    read(timerName) {
      const file = fileOf(timerName);
      if (!fs.existsSync(file)) return undefined;
      const parsed = ScheduleStatusSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : undefined;
    },
    write(timerName, status) {
      fs.mkdirSync(directory, { recursive: true });
      const file = fileOf(timerName);
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify(status));
      fs.renameSync(temporary, file);
    },
  };
}

export function createMemoryScheduleMonitor(): ScheduleMonitor {
  const statuses = new Map<string, ScheduleStatus>();
  return {
    read: (timerName) => statuses.get(timerName),
    write: (timerName, status) => void statuses.set(timerName, status),
  };
}
