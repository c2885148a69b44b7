/**
 * How long until an SLA deadline, in wall-clock time, as the console writes it ("3 h 05 min left",
 * "20 min overdue"). The server renders it and the enhancement script keeps it current with this
 * same function, so it must stay self-contained: it is also served as text (`toString()`).
 */
export function describeTimeLeft(dueMs: number, nowMs: number): string {
  const MS_PER_MINUTE = 60000;
  const totalMinutes = Math.floor(Math.abs(dueMs - nowMs) / MS_PER_MINUTE);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const span =
    days > 0
      ? `${String(days)} d ${String(hours)} h`
      : hours > 0
        ? `${String(hours)} h ${String(minutes).padStart(2, '0')} min`
        : `${String(minutes)} min`;
  return dueMs >= nowMs ? `${span} left` : `${span} overdue`;
}
