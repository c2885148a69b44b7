/**
 * How a ticket ends (and starts again): a proposed resolution and the customer's answer, the
 * reminder and auto-closure after silence, the customer's own solution, closure for lack of
 * entitlement, and a reopen.
 */
import { eventSchema, MessageSchema, ReasonSchema } from './event-base';

export const ResolutionProposedSchema = eventSchema('resolution-proposed', { summary: MessageSchema });

export const ResolutionConfirmedSchema = eventSchema('resolution-confirmed', {});

export const ResolutionRejectedSchema = eventSchema('resolution-rejected', { reason: ReasonSchema });

export const ResolutionReminderSentSchema = eventSchema('resolution-reminder-sent', {});

export const SelfClosedSchema = eventSchema('self-closed', { solution: MessageSchema });

export const AutoClosedSchema = eventSchema('auto-closed', {});

export const ClosedNotEntitledSchema = eventSchema('closed-not-entitled', { explanation: MessageSchema });

export const TicketReopenedSchema = eventSchema('ticket-reopened', { reason: ReasonSchema });
