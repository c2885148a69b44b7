/**
 * Group commit for a table: units of work (each one atomic: one episode, one message) that target
 * the same partition are packed into one entity-group transaction (≤ 100 operations, ≤ 4 MB),
 * one transaction in flight per partition. Many instances' episodes then cost one request.
 */
import type { TransactionAction } from '@azure/data-tables';

/** What group commit needs of a table: atomic entity-group transactions. */
export interface TransactionSubmitter {
  submitTransaction(actions: TransactionAction[]): Promise<unknown>;
}

const MAX_OPERATIONS = 100;
const MAX_BYTES = 3_500_000;

interface Unit {
  actions: TransactionAction[];
  bytes: number;
  readonly keys: Set<string>;
  readonly coalesceKey?: string;
  readonly waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

interface PartitionQueue {
  pending: Unit[];
  inFlight: boolean;
}

function rowKeyOf(action: TransactionAction): string {
  const entity = action[1];
  return String(entity.rowKey ?? '');
}

/** A cheap upper estimate of a unit's request size: string lengths twice over, plus overhead. */
function sizeOf(actions: readonly TransactionAction[]): number {
  let bytes = 0;
  for (const action of actions) {
    bytes += 400;
    for (const value of Object.values(action[1])) bytes += typeof value === 'string' ? value.length * 2 : 16;
  }
  return bytes;
}

export interface GroupCommitStats {
  transactions: number;
  units: number;
  operations: number;
  /** Total time spent waiting on transactions (they overlap across partitions). */
  milliseconds: number;
}

export class GroupCommitter {
  readonly #queues = new Map<string, PartitionQueue>();
  readonly stats: GroupCommitStats = { transactions: 0, units: 0, operations: 0, milliseconds: 0 };
  #busy = 0;

  constructor(
    private readonly table: TransactionSubmitter,
    private readonly onSettled: () => void = () => undefined,
  ) {}

  /** Whether any unit is waiting or being written. */
  get busy(): boolean {
    return this.#busy > 0;
  }

  /**
   * Commits `actions` atomically (all in `partition`). With a `coalesceKey`, a still-queued unit
   * with the same key is replaced (last write wins; both callers resolve when it is written).
   */
  commit(partition: string, actions: TransactionAction[], coalesceKey?: string): Promise<void> {
    if (actions.length === 0) return Promise.resolve();
    if (actions.length > MAX_OPERATIONS) {
      return Promise.reject(new Error(`A unit of ${actions.length} operations exceeds a table transaction.`));
    }
    const queue = this.#queue(partition);
    return new Promise<void>((resolve, reject) => {
      const waiter = { resolve, reject };
      if (coalesceKey !== undefined) {
        const queued = queue.pending.find((unit) => unit.coalesceKey === coalesceKey);
        if (queued) {
          queued.actions = actions;
          queued.bytes = sizeOf(actions);
          queued.waiters.push(waiter);
          return;
        }
      }
      this.#busy += 1;
      queue.pending.push({
        actions,
        bytes: sizeOf(actions),
        keys: new Set(actions.map(rowKeyOf)),
        ...(coalesceKey === undefined ? {} : { coalesceKey }),
        waiters: [waiter],
      });
      if (!queue.inFlight) void this.#drain(partition, queue);
    });
  }

  #queue(partition: string): PartitionQueue {
    let queue = this.#queues.get(partition);
    if (!queue) {
      queue = { pending: [], inFlight: false };
      this.#queues.set(partition, queue);
    }
    return queue;
  }

  async #drain(partition: string, queue: PartitionQueue): Promise<void> {
    queue.inFlight = true;
    // Let the current turn of the event loop add its units first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (queue.pending.length > 0) {
      const batch = this.#takeBatch(queue);
      await this.#write(batch);
    }
    queue.inFlight = false;
  }

  #takeBatch(queue: PartitionQueue): Unit[] {
    const batch: Unit[] = [];
    const keys = new Set<string>();
    let operations = 0;
    let bytes = 0;
    const rest: Unit[] = [];
    for (const unit of queue.pending) {
      const clashes = [...unit.keys].some((key) => keys.has(key));
      const fits = operations + unit.actions.length <= MAX_OPERATIONS && bytes + unit.bytes <= MAX_BYTES;
      if (batch.length > 0 && (clashes || !fits)) {
        rest.push(unit);
        continue;
      }
      batch.push(unit);
      unit.keys.forEach((key) => keys.add(key));
      operations += unit.actions.length;
      bytes += unit.bytes;
    }
    queue.pending = rest;
    return batch;
  }

  async #write(batch: Unit[]): Promise<void> {
    try {
      await this.#submit(batch.flatMap((unit) => unit.actions));
      this.#settle(batch, undefined);
    } catch (error) {
      if (batch.length === 1) {
        this.#settle(batch, error);
        return;
      }
      // One unit spoiled the group: write them one by one so only that unit fails.
      for (const unit of batch) {
        try {
          await this.#submit(unit.actions);
          this.#settle([unit], undefined);
        } catch (unitError) {
          this.#settle([unit], unitError);
        }
      }
    }
  }

  async #submit(actions: TransactionAction[]): Promise<void> {
    this.stats.transactions += 1;
    this.stats.operations += actions.length;
    const began = performance.now();
    try {
      await this.table.submitTransaction(actions);
    } finally {
      this.stats.milliseconds += performance.now() - began;
    }
  }

  #settle(units: readonly Unit[], error: unknown): void {
    for (const unit of units) {
      this.stats.units += 1;
      this.#busy -= 1;
      for (const waiter of unit.waiters) {
        if (error === undefined) waiter.resolve();
        else waiter.reject(error);
      }
    }
    this.onSettled();
  }
}
