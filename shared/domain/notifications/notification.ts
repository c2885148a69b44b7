/**
 * A notification as data: which template, to whom, with what facts. Rendering and sending come
 * later; the message id is derived from the event, template and recipient, so a retried send is
 * recognised as the same message and never goes out twice. These are the notifications of ticket
 * events; the TAM's daily digest, about no single event, is `tam-digest.ts`.
 */
import { z } from 'zod';
import { ActorRoleSchema } from '../primitives';

export const NotificationTemplateSchema = z.enum([
  'received',
  'rejected',
  'tam-alert',
  'assigned',
  'unassigned',
  'customer-update',
  'info-requested',
  'customer-replied',
  'severity-changed',
  'downgrade-proposed',
  'downgrade-answered',
  'internal-escalation',
  'vendor-escalation-raised',
  'vendor-escalation-failed',
  'vendor-update',
  'vendor-follow-up',
  'sla-warning',
  'sla-breach',
  'handoff',
  'resolution-proposed',
  'resolution-reminder',
  'resolution-rejected',
  'closed',
  'reopened',
]);
export type NotificationTemplate = z.infer<typeof NotificationTemplateSchema>;

export const RecipientSchema = z.object({
  role: ActorRoleSchema.extract(['requester', 'engineer', 'team-lead', 'tam']),
  email: z.email(),
  name: z.string().optional(),
});
export type Recipient = z.infer<typeof RecipientSchema>;

export const NotificationSchema = z.object({
  template: NotificationTemplateSchema,
  /** One recipient per notification, so each message has its own idempotent id. */
  to: z.array(RecipientSchema).length(1),
  messageId: z.string().min(1),
  ticketNumber: z.string(),
  eventId: z.string(),
  /** The facts the template renders: ticket headline plus what the event says. */
  data: z.record(z.string(), z.json()),
});
export type Notification = z.infer<typeof NotificationSchema>;

export function notificationMessageId(eventId: string, template: NotificationTemplate, recipientEmail: string): string {
  return `${eventId}/${template}/${recipientEmail.trim().toLowerCase()}`;
}
