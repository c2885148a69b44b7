/**
 * What counts as "the customer heard from us": an agent's message the customer can read. It is
 * the first response and the update cadence of the SLA, and what resets the handoff stall count.
 */
import { ActorRole } from '../primitives';
import { TimelineEvent } from './timeline-event';

const AGENT_ROLES: readonly ActorRole[] = ['engineer', 'team-lead', 'tam', 'admin'];

const UPDATE_TYPES: readonly TimelineEvent['type'][] = ['acknowledged', 'agent-responded', 'info-requested', 'resolution-proposed'];

export function isCustomerVisibleUpdate(event: TimelineEvent): boolean {
  return event.visibility === 'customer' && UPDATE_TYPES.includes(event.type) && AGENT_ROLES.includes(event.actor.role);
}
