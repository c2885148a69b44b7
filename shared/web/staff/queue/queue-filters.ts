/**
 * The queue's filters as its GET form sends them. Every field is optional and an unknown value
 * counts as "any": the form only offers valid ones, and a hand-edited address should show a list,
 * not an error page.
 */
import { z } from 'zod';
import { RegionSchema, SeveritySchema, SlugSchema } from '../../../domain/primitives';
import { TicketStatusSchema } from '../../../domain/ticket/ticket-status';
import { RowSlaStateSchema } from '../sla-states';

/** "breached or warning", beside each single state. */
export const SlaFilterSchema = z.union([RowSlaStateSchema, z.literal('at-risk')]);
export type SlaFilter = z.infer<typeof SlaFilterSchema>;

export const UNASSIGNED = 'unassigned';

function lenient<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional()).catch(undefined);
}

export const QueueFiltersSchema = z.object({
  queue: lenient(SlugSchema),
  status: lenient(TicketStatusSchema),
  severity: lenient(SeveritySchema),
  region: lenient(RegionSchema),
  /** An engineer's roster id, or `unassigned`. */
  assignee: lenient(SlugSchema),
  sla: lenient(SlaFilterSchema),
  /** Words to find in the ticket number, title or company. */
  q: lenient(z.string().trim().max(200)),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

/** The filters of a request's query string; a repeated parameter counts by its first value. */
export function queueFiltersOf(query: URLSearchParams): QueueFilters {
  const fields: Record<string, string> = {};
  for (const name of Object.keys(QueueFiltersSchema.shape)) {
    const value = query.get(name);
    if (value !== null) fields[name] = value;
  }
  return QueueFiltersSchema.parse(fields);
}

/** The query string that shows the same list again, on another page if asked. */
export function queueQueryString(filters: QueueFilters, page: number = filters.page): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, page: page === 1 ? undefined : page })) {
    if (value !== undefined && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}
