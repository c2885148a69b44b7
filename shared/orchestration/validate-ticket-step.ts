/**
 * The `validateTicket` activity lifecycles started before revision 2 call first (see
 * `CURRENT_LIFECYCLE_REVISION`), done on today's code: validation is the first item a received
 * ticket's agenda has due, so one reconcile turn gives the verdict (and triage and assignment with
 * it, which the first turn after it then finds done). Retire it only as the README's operations
 * section says: once no lifecycle that could call it is still running.
 */
import type { LifecycleStep, ReconcileOutcome, ValidationOutcome } from './lifecycle-messages';
import type { LifecyclePorts } from './lifecycle-ports';
import { reconcileTicket } from './reconcile-ticket';

export async function validateTicketStep(ports: LifecyclePorts, step: LifecycleStep): Promise<{ verdict: ValidationOutcome; turn: ReconcileOutcome }> {
  const turn = await reconcileTicket(ports, step);
  return { verdict: { outcome: verdictOf(turn.status) }, turn };
}

/** The old step's answer: a ticket still in the store and not rejected went on to its turns. */
function verdictOf(status: ReconcileOutcome['status']): ValidationOutcome['outcome'] {
  if (status === 'missing') return 'missing';
  return status === 'rejected' ? 'rejected' : 'accepted';
}
