/**
 * An email waiting in (or done with) the outbox container. The outbox is what makes notifications
 * reliable: a message is written once, then delivered, retried and recorded from here, so nothing
 * is lost while the email service is down.
 */
import { z } from 'zod';
import { InstantSchema } from '../domain/primitives';

export const OutboxRecipientSchema = z.object({
  email: z.email(),
  name: z.string().min(1).optional(),
});
export type OutboxRecipient = z.infer<typeof OutboxRecipientSchema>;

export const OutboxStatusSchema = z.enum(['pending', 'sent', 'failed']);
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

export const OutboxMessageSchema = z.object({
  /** Deterministic (see `messageIdFor`) and a UUID, because it is also the ACS operation id. */
  id: z.uuid(),
  ticketNumber: z.string().min(1),
  /** Which template rendered it, for the record and for reporting. */
  template: z.string().min(1),
  to: z.array(OutboxRecipientSchema).min(1),
  subject: z.string().min(1),
  html: z.string(),
  text: z.string(),
  /** Where a reply goes: the desk's support mailbox, since the sender is a no-reply address. */
  replyTo: z.array(OutboxRecipientSchema).optional(),
  /** Internet headers the message carries, e.g. `Message-ID`, `In-Reply-To`, `References` (see `email-thread`). */
  headers: z.record(z.string(), z.string()).optional(),
  status: OutboxStatusSchema,
  /** Send attempts started so far (a claim counts as an attempt, even if the deliverer then died). */
  attempts: z.number().int().min(0),
  /**
   * When the message may next be picked up. While a deliverer is sending, it holds the message by
   * pushing this a short lease into the future; if it dies, the lease runs out and another resumes.
   */
  nextAttemptAt: InstantSchema,
  lastError: z.string().optional(),
  createdAt: InstantSchema,
  sentAt: InstantSchema.optional(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/** What the notifying code supplies; the outbox fills in the delivery bookkeeping. */
export const OutboxDraftSchema = OutboxMessageSchema.pick({
  id: true,
  ticketNumber: true,
  template: true,
  to: true,
  subject: true,
  html: true,
  text: true,
  replyTo: true,
  headers: true,
});
export type OutboxDraft = z.infer<typeof OutboxDraftSchema>;
