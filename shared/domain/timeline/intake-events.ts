/**
 * Events from receipt to assignment: the ticket arriving, validation and its verdict, triage onto
 * a queue and SLA policy, and who was (or could not be) assigned.
 */
import { z } from 'zod';
import { SlugSchema } from '../primitives';
import { IntakeSchema } from '../intake/intake';
import { ValidationReasonSchema } from '../intake/validation-reason';
import { EngineerRefSchema } from '../ticket/engineer-ref';
import { TicketNumberSchema } from '../ticket/ticket-number';
import { eventSchema, ReasonSchema } from './event-base';

/** The first event of every timeline: everything the ticket is built from. */
export const TicketReceivedSchema = eventSchema('ticket-received', {
  ticketNumber: TicketNumberSchema,
  intake: IntakeSchema,
  /** Only the hash: the requester's access token itself is never stored. */
  accessTokenHash: z.string().min(16).max(200),
});
export type TicketReceived = z.infer<typeof TicketReceivedSchema>;

export const ValidationStartedSchema = eventSchema('validation-started', {});

export const TicketRejectedSchema = eventSchema('ticket-rejected', {
  reasons: z.array(ValidationReasonSchema).min(1),
});

export const TicketTriagedSchema = eventSchema('ticket-triaged', {
  slaPolicyId: SlugSchema,
  queueId: SlugSchema,
  contractId: SlugSchema,
  tamEmail: z.email().optional(),
});

export const AssignmentReasonSchema = z.enum(['initial', 'handoff', 'reassignment']);
export type AssignmentReason = z.infer<typeof AssignmentReasonSchema>;

export const EngineerAssignedSchema = eventSchema('engineer-assigned', {
  engineer: EngineerRefSchema,
  reason: AssignmentReasonSchema,
});

export const NoEngineerAvailableSchema = eventSchema('no-engineer-available', {
  queueId: SlugSchema,
  reason: ReasonSchema,
});
