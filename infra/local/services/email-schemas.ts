/**
 * Wire and storage shapes of the ACS Email stand-in: the send request exactly as
 * `@azure/communication-email` serialises an `EmailMessage`, and the record kept per message.
 */
import { z } from 'zod';

export const EmailAddressSchema = z.object({
  address: z.string().min(1),
  displayName: z.string().optional(),
});
export type EmailAddress = z.infer<typeof EmailAddressSchema>;

const EmailAttachmentSchema = z.object({
  name: z.string(),
  contentType: z.string(),
  contentInBase64: z.string(),
  contentId: z.string().optional(),
});

export const SendEmailRequestSchema = z
  .object({
    senderAddress: z.string().min(1),
    content: z.object({
      subject: z.string(),
      plainText: z.string().optional(),
      html: z.string().optional(),
    }),
    recipients: z.object({
      to: z.array(EmailAddressSchema).optional(),
      cc: z.array(EmailAddressSchema).optional(),
      bcc: z.array(EmailAddressSchema).optional(),
    }),
    attachments: z.array(EmailAttachmentSchema).optional(),
    replyTo: z.array(EmailAddressSchema).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    userEngagementTrackingDisabled: z.boolean().optional(),
  })
  .refine(
    (message) =>
      (message.recipients.to?.length ?? 0) + (message.recipients.cc?.length ?? 0) + (message.recipients.bcc?.length ?? 0) > 0,
    { message: 'at least one recipient is required', path: ['recipients'] },
  );
export type SendEmailRequest = z.infer<typeof SendEmailRequestSchema>;

/** One accepted message, as stored under `dataDir` and served by `GET /messages`. */
export const StoredEmailSchema = z.object({
  operationId: z.string(),
  /** Real wall-clock instant the stand-in accepted the message (ISO 8601), to measure lateness. */
  storedAt: z.string(),
  /** Acceptance order, stable across restarts; breaks ties between messages stored in one millisecond. */
  sequence: z.number().int(),
  senderAddress: z.string(),
  subject: z.string(),
  plainText: z.string().optional(),
  html: z.string().optional(),
  to: z.array(EmailAddressSchema),
  cc: z.array(EmailAddressSchema),
  bcc: z.array(EmailAddressSchema),
  replyTo: z.array(EmailAddressSchema),
  headers: z.record(z.string(), z.string()),
  attachments: z.array(EmailAttachmentSchema),
});
export type StoredEmail = z.infer<typeof StoredEmailSchema>;

/** True when `address` is among the message's to, cc or bcc recipients (case-insensitive). */
export function isAddressedTo(message: StoredEmail, address: string): boolean {
  const wanted = address.trim().toLowerCase();
  return [...message.to, ...message.cc, ...message.bcc].some((recipient) => recipient.address.toLowerCase() === wanted);
}
