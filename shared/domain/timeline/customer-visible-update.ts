/**
 * What counts as "the customer heard from us": an agent's message the customer can read. It is
 * the first response and the update cadence of the SLA, and what resets the handoff stall count.
 */
import { StaffRoleSchema, type ActorRole } from '../primitives';
import { TimelineEvent } from './timeline-event';

/** Any of the desk's staff; never the requester, the system or the vendor. */
const AGENT_ROLES: readonly ActorRole[] = StaffRoleSchema.options;

const UPDATE_TYPES: readonly TimelineEvent['type'][] = ['acknowledged', 'agent-responded', 'info-requested', 'resolution-proposed'];

export function isCustomerVisibleUpdate(event: TimelineEvent): boolean {
  // Stryker disable next-line ConditionalExpression: every update type is recorded customer-visible (EVENT_VISIBILITY), so no event tells this check from none; it keeps the rule should one become internal
  if (event.visibility !== 'customer') return false;
  return UPDATE_TYPES.includes(event.type) && AGENT_ROLES.includes(event.actor.role);
}
