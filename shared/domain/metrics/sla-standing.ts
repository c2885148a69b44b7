/**
 * A ticket's SLA standing as the operations figures count it: in breach once any of its clocks
 * breached, at warning once one warned and none breached, clear otherwise. Kept on every stored
 * ticket (see `stamped`) so that the open backlog is counted by an aggregate query in the store,
 * grouped by status, severity and standing, instead of reading every open ticket's alert keys.
 */
import { z } from 'zod';
import { SlaAlertKindSchema, type SlaAlertKind } from '../sla/sla-clock';

export const SlaStandingSchema = z.enum(['clear', ...SlaAlertKindSchema.options]);
export type SlaStanding = z.infer<typeof SlaStandingSchema>;

/** Alert keys end with their kind (see `slaAlertKey`); a key is recorded with its alert's event. */
function hasRaised(raisedAlertKeys: readonly string[], kind: SlaAlertKind): boolean {
  return raisedAlertKeys.some((key) => key.endsWith(`:${kind}`));
}

export function slaStandingOf(raisedAlertKeys: readonly string[]): SlaStanding {
  if (hasRaised(raisedAlertKeys, 'breach')) return 'breach';
  return hasRaised(raisedAlertKeys, 'warning') ? 'warning' : 'clear';
}
