/**
 * What the management API's routes work with, and the small request helpers they share
 * (query flags parsed like .NET's bool.TryParse, JSON bodies checked like the extension does).
 */
import type { HostClock } from '../../clock/host-clock';
import type { TaskHubStore } from '../storage/task-hub-store';
import type { EntityEngine } from '../runtime/entity-engine';
import type { FunctionCatalog } from '../runtime/function-catalog';
import type { OrchestrationEngine } from '../runtime/orchestration-engine';
import type { ClientEndpoints } from './client-binding';

export interface ManagementContext {
  readonly orchestrations: OrchestrationEngine;
  readonly entities: EntityEngine;
  readonly store: TaskHubStore;
  readonly catalog: FunctionCatalog;
  readonly clock: HostClock;
  readonly endpoints: ClientEndpoints;
  /** Page size of instance queries when the caller sets no `top` (Azure Storage uses 100). */
  readonly queryPageSize: number;
}

export type Query = Readonly<Record<string, string | undefined>>;

export function asQuery(value: unknown): Query {
  const query: Record<string, string | undefined> = {};
  if (typeof value !== 'object' || value === null) return query;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') query[key] = entry;
    else if (Array.isArray(entry) && typeof entry[0] === 'string') query[key] = entry[0];
  }
  return query;
}

export function flag(query: Query, name: string, fallback: boolean): boolean {
  const value = query[name]?.toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fallback;
}

export function bodyText(body: unknown): string | undefined {
  if (typeof body !== 'string' || body.trim().length === 0) return undefined;
  return body;
}

export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function errorBody(message: string): { Message: string } {
  return { Message: message };
}
