/**
 * The chat API as the catalogue describes it: start a conversation, read it (to resume), and send
 * it a message. No sign-in: the conversation id is an unguessable token, and whoever holds it may
 * continue. Each message carries the client's own id, so a resend is safe.
 */
import { z } from 'zod';
import { ChatQuestionKeySchema } from '../domain/chat/chat-questions';
import { CHAT_TEXT_MAX_LENGTH } from '../domain/chat/chat-input';
import { ClientMessageIdSchema } from '../domain/chat/conversation';
import { TimeZoneSchema } from '../domain/primitives';
import { ResumeTokenSchema } from '../chat/conversation-store';
import { ChatConversationViewSchema, ChatMessageAnswerSchema } from '../chat/chat-view';
import type { ApiOperation } from './api-operation';

export const ChatPathSchema = z.object({
  conversationId: ResumeTokenSchema.meta({ description: 'The conversation id from the start answer (43 URL-safe characters).' }),
});

export const ChatStartBodySchema = z
  .strictObject({
    timeZone: TimeZoneSchema.optional().meta({ description: "The requester's IANA time zone, as the form asks for it; times on the status page are shown in it." }),
  })
  .meta({ id: 'ChatStart' });

export const CHAT_ACTIONS = ['back', 'change', 'confirm'] as const;

export const ChatMessageBodySchema = z
  .strictObject({
    clientMessageId: ClientMessageIdSchema.meta({ description: 'Your id for this message (a UUID will do): sending it again is answered as the first time and stores nothing.' }),
    text: z.string().max(CHAT_TEXT_MAX_LENGTH).optional().meta({
      description: 'What the requester typed: the answer to the question, or a command ("go back", "change severity", and at the summary "confirm" or "yes").',
    }),
    action: z.enum(CHAT_ACTIONS).optional().meta({ description: 'A command from a button instead of text.' }),
    question: ChatQuestionKeySchema.optional().meta({ description: 'With action "change": the answer to change.' }),
  })
  .superRefine((body, issues) => {
    if ((body.text === undefined) === (body.action === undefined)) {
      issues.addIssue({ code: 'custom', path: ['text'], message: 'send either text or an action' });
    }
    if (body.action === 'change' && body.question === undefined) issues.addIssue({ code: 'custom', path: ['question'], message: 'is required to change an answer' });
    if (body.action !== 'change' && body.question !== undefined) issues.addIssue({ code: 'custom', path: ['question'], message: 'goes only with action "change"' });
  })
  .meta({ id: 'ChatMessage' });
export type ChatMessageBody = z.infer<typeof ChatMessageBodySchema>;

const CHAT_PROBLEMS = [400, 413, 415, 429, 503] as const;

export const CHAT_OPERATIONS: readonly ApiOperation[] = [
  {
    operationId: 'chatStart',
    method: 'POST',
    path: '/api/chat/conversations',
    summary: 'Start a guided chat. The answer holds the conversation id (keep it: it is the only key), its resume link and the first question.',
    tag: 'chat',
    credential: 'none',
    body: { schema: ChatStartBodySchema, required: false, formToo: false },
    success: { status: 200, description: 'The conversation is stored.', schema: ChatConversationViewSchema },
    problems: CHAT_PROBLEMS,
  },
  {
    operationId: 'chatConversation',
    method: 'GET',
    path: '/api/chat/conversations/{conversationId}',
    summary: 'The conversation as stored: its transcript, the question it is at (or the summary, or the ticket it became). Resume from here after a reload.',
    tag: 'chat',
    credential: 'none',
    pathParameters: ChatPathSchema,
    success: { status: 200, description: 'The conversation.', schema: ChatConversationViewSchema },
    problems: [404, 503],
  },
  {
    operationId: 'chatMessage',
    method: 'POST',
    path: '/api/chat/conversations/{conversationId}/messages',
    summary:
      'Send one message: it is stored before the answer. A refused answer is stored too, with the reason, and the question is asked again. Confirming the summary opens the ticket through intake, once, however often the confirmation is sent.',
    tag: 'chat',
    credential: 'none',
    pathParameters: ChatPathSchema,
    body: { schema: ChatMessageBodySchema, required: true, formToo: false },
    success: { status: 200, description: 'What became of the message, and the conversation after it.', schema: ChatMessageAnswerSchema },
    problems: [...CHAT_PROBLEMS, 404, 409, 422],
  },
];
