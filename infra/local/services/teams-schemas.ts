/**
 * Wire and storage shapes of the Teams stand-in: the message a workflow webhook takes, and the
 * record kept per post.
 */
import { z } from 'zod';

/** What a workflow webhook takes: a message with an Adaptive Card attachment. */
export const WorkflowMessageSchema = z.object({
  type: z.literal('message'),
  attachments: z
    .array(z.object({ contentType: z.literal('application/vnd.microsoft.card.adaptive'), content: z.object({ type: z.literal('AdaptiveCard') }).passthrough() }).passthrough())
    .min(1),
});

export const TeamsPostSchema = z.object({
  sequence: z.number().int(),
  channel: z.string(),
  /** Baton's outbox id, when sent (`x-baton-message-id`): a repeated post shows as the same id twice. */
  messageId: z.string().optional(),
  receivedAt: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type TeamsPost = z.infer<typeof TeamsPostSchema>;

