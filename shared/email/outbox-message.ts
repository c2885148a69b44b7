/**
 * A message waiting in (or done with) the outbox container: an email, or an Adaptive Card for a
 * Microsoft Teams channel. The outbox is what makes notifications reliable: a message is written
 * once, then delivered, retried and recorded from here, so nothing is lost while the email service
 * or Teams is down. Both kinds share the delivery bookkeeping, so one deliverer claims both.
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

/** Where a message goes: the email service, or a Teams channel's incoming workflow webhook. */
export const OutboxChannelSchema = z.enum(['email', 'teams']);
export type OutboxChannel = z.infer<typeof OutboxChannelSchema>;

const ADDRESSING = {
  /** Deterministic (see `messageIdFor`) and a UUID, because it is also the ACS operation id. */
  id: z.uuid(),
  ticketNumber: z.string().min(1),
  /** Which template rendered it, for the record and for reporting. */
  template: z.string().min(1),
};

const DELIVERY = {
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
};

const EMAIL_CONTENT = {
  /** Absent on messages stored before Teams cards shared the outbox: those are all emails. */
  channel: z.literal('email').optional(),
  to: z.array(OutboxRecipientSchema).min(1),
  subject: z.string().min(1),
  html: z.string(),
  text: z.string(),
  /** Where a reply goes: the desk's support mailbox, since the sender is a no-reply address. */
  replyTo: z.array(OutboxRecipientSchema).optional(),
  /** Internet headers the message carries, e.g. `Message-ID`, `In-Reply-To`, `References` (see `email-thread`). */
  headers: z.record(z.string(), z.string()).optional(),
};

const TEAMS_CONTENT = {
  channel: z.literal('teams'),
  /**
   * Which configured webhook the card goes to (`queue:<id>` or `region:<region>`). The URL itself
   * is a secret and stays in the settings (Key Vault in Azure), never in the outbox.
   */
  route: z.string().min(1),
  /** The message body the workflow webhook takes: an Adaptive Card as an attachment. */
  payload: z.record(z.string(), z.json()),
};

export const EmailOutboxMessageSchema = z.object({ ...ADDRESSING, ...EMAIL_CONTENT, ...DELIVERY });
export type EmailOutboxMessage = z.infer<typeof EmailOutboxMessageSchema>;

export const TeamsOutboxMessageSchema = z.object({ ...ADDRESSING, ...TEAMS_CONTENT, ...DELIVERY });
export type TeamsOutboxMessage = z.infer<typeof TeamsOutboxMessageSchema>;

export const OutboxMessageSchema = z.union([TeamsOutboxMessageSchema, EmailOutboxMessageSchema]);
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/** What the notifying code supplies for an email; the outbox fills in the delivery bookkeeping. */
export const OutboxDraftSchema = z.object({ ...ADDRESSING, ...EMAIL_CONTENT });
export type OutboxDraft = z.infer<typeof OutboxDraftSchema>;
/** What the notifying code supplies for a Teams card. */
export const TeamsOutboxDraftSchema = z.object({ ...ADDRESSING, ...TEAMS_CONTENT });
export type TeamsOutboxDraft = z.infer<typeof TeamsOutboxDraftSchema>;

export function isTeamsMessage(message: OutboxMessage): message is TeamsOutboxMessage {
  return message.channel === 'teams';
}
