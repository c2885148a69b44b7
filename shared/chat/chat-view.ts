/**
 * A conversation as the chat API shows it to whoever holds its resume token: the transcript, the
 * turn it is at (question, summary, opening, opened), the resume link, and once opened the ticket
 * with the requester's private link to it. Nothing of the store (hash, purge stamps) leaves.
 */
import { z } from 'zod';
import { currentPrompt, ChatPromptSchema } from '../domain/chat/chat-prompt';
import type { ChatContext } from '../domain/chat/chat-questions';
import { ChatOutcomeSchema, ClientMessageIdSchema, type Conversation } from '../domain/chat/conversation';
import { InstantSchema } from '../domain/primitives';
import { TicketNumberSchema, type TicketNumber } from '../domain/ticket/ticket-number';
import { requesterLinks } from '../ticket-service/ticket-links';
import { CHAT_PAGE_ROUTE } from '../web/site-routes';
import { ResumeTokenSchema } from './conversation-store';

export const ChatTranscriptEntrySchema = z.object({
  from: z.enum(['baton', 'requester']),
  text: z.string(),
  at: InstantSchema,
  /** The requester's own id for the message, and whether it was taken. */
  clientMessageId: ClientMessageIdSchema.optional(),
  accepted: z.boolean().optional(),
});

export const ChatConversationViewSchema = z
  .object({
    conversationId: ResumeTokenSchema.meta({ description: 'The resume token: keep it secret, it is the only key to the conversation.' }),
    resumeLink: z.url(),
    startedAt: InstantSchema,
    updatedAt: InstantSchema,
    prompt: ChatPromptSchema,
    messages: z.array(ChatTranscriptEntrySchema),
    ticket: z.object({ ticketNumber: TicketNumberSchema, accessLink: z.url() }).optional(),
  })
  .meta({ id: 'ChatConversation' });
export type ChatConversationView = z.infer<typeof ChatConversationViewSchema>;

export const ChatMessageAnswerSchema = z
  .object({
    clientMessageId: ClientMessageIdSchema,
    outcome: ChatOutcomeSchema,
    /** The message had been received before: this is the answer it got then, and nothing new was stored. */
    repeated: z.boolean(),
    conversation: ChatConversationViewSchema,
  })
  .meta({ id: 'ChatMessageAnswer' });
export type ChatMessageAnswer = z.infer<typeof ChatMessageAnswerSchema>;

export function chatResumeLink(publicBaseUrl: string, resumeToken: string): string {
  return `${publicBaseUrl}/${CHAT_PAGE_ROUTE}#${resumeToken}`;
}

export interface ViewLinks {
  readonly publicBaseUrl: string;
  /** The requester's access token of the opened ticket (derived, so always the same). */
  readonly accessToken?: string;
}

export function conversationView(resumeToken: string, conversation: Conversation, context: ChatContext, links: ViewLinks): ChatConversationView {
  const opened: TicketNumber | undefined = conversation.step.kind === 'opened' ? conversation.step.ticketNumber : undefined;
  return {
    conversationId: resumeToken,
    resumeLink: chatResumeLink(links.publicBaseUrl, resumeToken),
    startedAt: conversation.startedAt,
    updatedAt: conversation.updatedAt,
    prompt: currentPrompt(conversation, context),
    messages: conversation.messages.map((message) =>
      message.from === 'baton'
        ? { from: message.from, text: message.text, at: message.at }
        : { from: message.from, text: message.text, at: message.at, clientMessageId: message.clientMessageId, accepted: message.outcome.accepted },
    ),
    ...(opened === undefined || links.accessToken === undefined
      ? {}
      : { ticket: { ticketNumber: opened, accessLink: requesterLinks(links.publicBaseUrl, opened, links.accessToken).statusPage } }),
  };
}
