/**
 * What counted store operations and host invocations would cost in Azure: Cosmos DB request units
 * and their serverless price, and Durable work items. The Cosmos stand-in reports no request
 * charge, so each operation is priced by Microsoft's published figures for its kind and size;
 * where those say nothing (queries), the assumption is stated beside the figure it feeds.
 */
import type { StoreOperation } from './lifecycle-store-counter';

const KB = 1024;

/**
 * Write charge by document size, as Microsoft publishes it ("Understand request unit consumption",
 * learn.microsoft.com/azure/cosmos-db/understand-request-unit-consumption): KB → RU, default
 * indexing. Sizes between two rows are interpolated; the tickets container indexes less (its
 * timeline is excluded), so this errs high for tickets.
 */
const WRITE_RU_BY_KB: readonly (readonly [number, number])[] = [
  [1, 4.95],
  [2, 6.29],
  [4, 6.67],
  [8, 7.04],
  [16, 9.52],
  [32, 11.23],
  [64, 22.67],
  [128, 48.19],
  [256, 98.29],
  [512, 184.57],
  [1024, 625],
  [2048, 1250],
];

/** A point read of a small document: 1 RU (the same page: 1.04 RU at 2 KB, 1.67 RU at 16 KB). */
export const POINT_READ_RU = 1;
/**
 * Assumed, because the stand-in cannot say: a query page costs 2.8 RU (the smallest charges Azure
 * reports for an index-served query) plus the point-read rate for each KB it returns beyond the
 * first. Replace with the charges Azure measures (`x-ms-request-charge`) once deployed.
 */
export const QUERY_PAGE_BASE_RU = 2.8;
/** Assumed list price of Cosmos DB serverless request units (USD per million); BENCH_SERVERLESS_USD_PER_MILLION_RU overrides it. */
export const SERVERLESS_USD_PER_MILLION_RU = Number(process.env['BENCH_SERVERLESS_USD_PER_MILLION_RU'] ?? 0.25);

export function writeRu(bytes: number): number {
  const kb = Math.max(bytes / KB, 1);
  let previous: readonly [number, number] = WRITE_RU_BY_KB[0] ?? [1, 4.95];
  for (const row of WRITE_RU_BY_KB) {
    if (kb <= row[0]) {
      const [fromKb, fromRu] = previous;
      const [toKb, toRu] = row;
      return toKb === fromKb ? toRu : fromRu + ((kb - fromKb) / (toKb - fromKb)) * (toRu - fromRu);
    }
    previous = row;
  }
  return previous[1] * (kb / previous[0]);
}

/** The estimated charge of one counted operation; query plans and account metadata are free. */
export function requestUnits(operation: StoreOperation): number {
  switch (operation.kind) {
    case 'read':
      return POINT_READ_RU;
    case 'create':
    case 'upsert':
    case 'replace':
    case 'patch':
    case 'delete':
      return writeRu(operation.requestBytes);
    case 'query':
      return QUERY_PAGE_BASE_RU + Math.max(0, operation.responseBytes / KB - 1) * POINT_READ_RU;
    case 'query-plan':
    case 'metadata':
      return 0;
  }
}

export function totalRequestUnits(operations: readonly StoreOperation[]): number {
  return operations.reduce((total, operation) => total + requestUnits(operation), 0);
}

export function serverlessUsd(requestUnitsSpent: number): number {
  return (requestUnitsSpent / 1_000_000) * SERVERLESS_USD_PER_MILLION_RU;
}

/** Invocations per function since the host started, with each function's trigger type. */
export interface HostInvocations {
  readonly byFunction: Readonly<Record<string, { readonly trigger: string; readonly invocations: number }>>;
}

export async function hostInvocations(hostUrl: string): Promise<HostInvocations> {
  const response = await fetch(`${hostUrl}/admin/host/status`);
  const status = (await response.json()) as { functions?: { name: string; triggerType: string; invocations?: number }[] };
  const byFunction: Record<string, { trigger: string; invocations: number }> = {};
  for (const fn of status.functions ?? []) byFunction[fn.name] = { trigger: fn.triggerType, invocations: fn.invocations ?? 0 };
  return { byFunction };
}

/** Durable work items between two readings: orchestrator episodes, activity and entity executions. */
export function durableWorkItems(before: HostInvocations, after: HostInvocations): { episodes: number; activities: number; entities: number } {
  const delta = (trigger: string): number =>
    Object.entries(after.byFunction)
      .filter(([, fn]) => fn.trigger.toLowerCase() === trigger)
      .reduce((total, [name, fn]) => total + fn.invocations - (before.byFunction[name]?.invocations ?? 0), 0);
  return { episodes: delta('orchestrationtrigger'), activities: delta('activitytrigger'), entities: delta('entitytrigger') };
}
