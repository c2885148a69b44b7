/**
 * Picks the queue for a ticket from its product area and severity. Queues are checked in their
 * configured order and the first that takes both wins, so a specific queue listed before a
 * catch-all takes precedence.
 */
import type { Severity } from '../primitives';
import type { Queue } from './queue';

export type QueueRouting =
  | { readonly ok: true; readonly queue: Queue }
  | { readonly ok: false; readonly reason: 'no-queue'; readonly productArea: string; readonly severity: Severity };

export function routeToQueue(queues: readonly Queue[], productArea: string, severity: Severity): QueueRouting {
  const queue = queues.find((candidate) => candidate.productAreas.includes(productArea) && candidate.severities.includes(severity));
  return queue === undefined ? { ok: false, reason: 'no-queue', productArea, severity } : { ok: true, queue };
}
