/**
 * Orchestrator-side handling of the `ticket-changed` wake-up (deterministic: no I/O, no clock).
 *
 * durable-functions hands a raised event to the newest wait still open for that name, and a wait
 * whose race the timer won stays open. So a wake-up raised while the orchestrator is busy in an
 * activity can land on such an old wait instead of the next one. This keeps those waits and
 * reports when one of them has heard something, so the orchestrator looks again at once.
 */
import type { OrchestrationContext, Task } from 'durable-functions';
import { TICKET_CHANGED_EVENT } from './lifecycle-names';

export class TicketChangeSignals {
  private unheard: Task[] = [];

  constructor(private readonly context: OrchestrationContext) {}

  /** True when a wake-up arrived since the last wait (taken by a wait the timer had won). */
  arrivedMeanwhile(): boolean {
    const heard = this.unheard.some((wait) => wait.isCompleted);
    this.unheard = this.unheard.filter((wait) => !wait.isCompleted);
    return heard;
  }

  /** Sleeps until the ticket changes or `wakeAt` comes; the losing timer is cancelled. */
  *untilChangedOr(wakeAt: string | undefined): Generator<Task, void, unknown> {
    const changed = this.context.df.waitForExternalEvent(TICKET_CHANGED_EVENT);
    if (wakeAt === undefined) {
      yield changed;
      return;
    }
    const timer = this.context.df.createTimer(new Date(wakeAt));
    const winner: unknown = yield this.context.df.Task.any([changed, timer]);
    if (winner === changed) {
      timer.cancel();
    } else {
      this.unheard.push(changed);
    }
  }
}
