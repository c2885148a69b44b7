/**
 * Events of the conversation around a ticket: what agents tell the customer, what the customer
 * answers, and what engineers note or escalate among themselves.
 */
import { z } from 'zod';
import { EngineerRefSchema } from '../ticket/engineer-ref';
import { eventSchema, MessageSchema, ReasonSchema } from './event-base';

/** The engineer takes the ticket and tells the customer so: this counts as a response. */
export const AcknowledgedSchema = eventSchema('acknowledged', { message: MessageSchema });

export const AgentRespondedSchema = eventSchema('agent-responded', { message: MessageSchema });

/** A question to the customer; the ticket then waits on them and the SLA pauses. */
export const InfoRequestedSchema = eventSchema('info-requested', { message: MessageSchema });

export const CustomerRepliedSchema = eventSchema('customer-replied', { message: MessageSchema });

/**
 * An engineer's internal note. With `nextStep` it is a handoff note: the brief given to the next
 * engineer at shift end is built from it.
 */
export const InternalNoteAddedSchema = eventSchema('internal-note-added', {
  note: MessageSchema,
  nextStep: z.string().trim().min(1).max(1000).optional(),
  tried: z.array(z.string().trim().min(1).max(1000)).max(20).optional(),
});

export const EscalatedInternallySchema = eventSchema('escalated-internally', {
  reason: ReasonSchema,
  to: EngineerRefSchema,
});
