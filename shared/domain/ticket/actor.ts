/**
 * Who did something: a role, and when known an id (engineer id, requester email, vendor name)
 * and a display name. Commands carry the actor; events keep it on the record.
 */
import { z } from 'zod';
import { ActorRoleSchema } from '../primitives';

export const ActorSchema = z.object({
  role: ActorRoleSchema,
  id: z.string().trim().min(1).max(254).optional(),
  name: z.string().trim().min(1).max(120).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** Baton itself: validation, timers, the orchestrator. */
export const SYSTEM_ACTOR: Actor = { role: 'system', id: 'baton' };
