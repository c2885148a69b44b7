/**
 * What every timeline event carries: a deterministic id (`<ticket number>:<sequence>`), its place
 * in the sequence, when it happened, who did it and whether the customer may see it.
 */
import { z } from 'zod';
import { InstantSchema } from '../primitives';
import { ActorSchema } from '../ticket/actor';

export const VisibilitySchema = z.enum(['customer', 'internal']);
export type Visibility = z.infer<typeof VisibilitySchema>;

const eventBaseShape = {
  id: z.string().min(3),
  sequence: z.number().int().positive(),
  at: InstantSchema,
  actor: ActorSchema,
  visibility: VisibilitySchema,
};

/** One event type: the shared envelope, a literal `type` and the event's own payload. */
export function eventSchema<Type extends string, Payload extends z.ZodRawShape>(type: Type, payload: Payload) {
  return z.object({ ...eventBaseShape, type: z.literal(type), ...payload });
}

export function eventId(ticketNumber: string, sequence: number): string {
  return `${ticketNumber}:${String(sequence)}`;
}

/** Free text people write on a ticket; bounded so one ticket stays one readable document. */
export const MessageSchema = z.string().trim().min(1).max(8000);
export const ReasonSchema = z.string().trim().min(3).max(2000);
