/**
 * The guided chat behind any front end (the requester site's panel, a Teams or web-chat bot): a
 * conversation is started, each message is stored before it is answered, a message received again
 * is answered as before and stores nothing, and a confirmed conversation becomes a ticket through
 * intake itself, under the conversation's own idempotency key, so however often the confirmation
 * is retried (or the answer to it is lost) there is exactly one ticket.
 */
import type { ChatContext } from '../domain/chat/chat-questions';
import { handOver } from '../domain/chat/chat-hand-over';
import { receiveMessage, startConversation, ticketOpened, type ChatOutcome, type Conversation, type IncomingMessage, type Receipt } from '../domain/chat/conversation';
import type { ChatIntake } from '../domain/intake/intake';
import type { IntakeLimitBreach } from '../intake/intake-rate-limit';
import type { OpenTicketResult } from '../intake/open-ticket';
import { unavailableOrFailed, type UnavailableOrFailed } from '../store/store-failure';
import { noChange, rejectWith, replaceWith } from '../store/update-with-etag';
import { conversationIdOf, newResumeToken, type ConversationStore } from './conversation-store';

export interface ChatServiceDependencies {
  readonly store: ConversationStore;
  readonly now: () => Date;
  /** What the questions offer (the organisation's product catalogue). */
  readonly context: () => Promise<{ readonly kind: 'ready'; readonly context: ChatContext } | UnavailableOrFailed>;
  /** Intake: the same path, limits, validation and emails as the form. */
  readonly openTicket: (intake: ChatIntake, idempotencyKey: string) => Promise<OpenTicketResult | IntakeLimitBreach>;
}

export type ChatRead = { readonly kind: 'found'; readonly conversation: Conversation; readonly context: ChatContext } | { readonly kind: 'not-found' } | UnavailableOrFailed;

export type ChatStart = { readonly kind: 'started'; readonly resumeToken: string; readonly conversation: Conversation; readonly context: ChatContext } | UnavailableOrFailed;

export type ChatReply =
  | {
      readonly kind: 'answered';
      readonly conversation: Conversation;
      readonly context: ChatContext;
      readonly outcome: ChatOutcome;
      /** The message had been received before: nothing new was stored. */
      readonly repeated: boolean;
    }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'id-reused' }
  | { readonly kind: 'too-long' }
  /** Confirmed already; the conversation as it stands (with its ticket once opened). */
  | { readonly kind: 'closed'; readonly conversation: Conversation; readonly context: ChatContext }
  | IntakeLimitBreach
  | UnavailableOrFailed;

/** The intake key of a conversation's ticket: one conversation, one ticket. */
export function chatIdempotencyKey(resumeToken: string): string {
  return `chat-conversation:${conversationIdOf(resumeToken)}`;
}

export interface ChatService {
  start(timeZone?: string): Promise<ChatStart>;
  read(resumeToken: string): Promise<ChatRead>;
  receive(resumeToken: string, message: IncomingMessage): Promise<ChatReply>;
}

type Refusal = Extract<Receipt, { kind: 'id-reused' | 'too-long' | 'closed' }>['kind'];

export function chatService(dependencies: ChatServiceDependencies): ChatService {
  const { store } = dependencies;

  /** Opens the confirmed conversation's ticket (again: intake's idempotency makes it the same one) and records it. */
  async function finishOpening(resumeToken: string, conversation: Conversation, context: ChatContext): Promise<{ readonly kind: 'opened'; readonly conversation: Conversation } | IntakeLimitBreach | UnavailableOrFailed> {
    const handed = handOver(conversation);
    if (!handed.ok) return { kind: 'failed', reason: `the confirmed conversation is not an intake: ${handed.errors.map((error) => `${error.field} ${error.message}`).join('; ')}` };
    const opened = await dependencies.openTicket(handed.intake, chatIdempotencyKey(resumeToken));
    if (opened.kind === 'rate-limited' || opened.kind === 'unavailable' || opened.kind === 'failed') return opened;
    if (opened.kind === 'idempotency-conflict') return { kind: 'failed', reason: 'the conversation handed intake a different request under its key' };
    const ticketNumber = opened.ticket.ticketNumber;
    const recorded = await store.update(resumeToken, (current) =>
      current.step.kind === 'opening' ? replaceWith(ticketOpened(current, ticketNumber, dependencies.now().toISOString(), context)) : noChange(),
    );
    if (recorded.kind === 'updated' || recorded.kind === 'unchanged') return { kind: 'opened', conversation: recorded.document };
    if (recorded.kind === 'failed') return unavailableOrFailed(recorded.failure, 'conversation store');
    return { kind: 'failed', reason: `the opened ticket could not be recorded on the conversation (${recorded.kind})` };
  }

  return {
    async start(timeZone) {
      const ready = await dependencies.context();
      if (ready.kind !== 'ready') return ready;
      const resumeToken = newResumeToken();
      const conversation = startConversation(dependencies.now().toISOString(), ready.context, timeZone);
      const created = await store.create(resumeToken, conversation);
      if (created.kind === 'failed') return unavailableOrFailed(created.failure, 'conversation store');
      if (created.kind === 'exists') return { kind: 'failed', reason: 'a fresh resume token named an existing conversation' };
      return { kind: 'started', resumeToken, conversation, context: ready.context };
    },

    async read(resumeToken) {
      const ready = await dependencies.context();
      if (ready.kind !== 'ready') return ready;
      const read = await store.read(resumeToken);
      if (read.kind === 'found') return { kind: 'found', conversation: read.document, context: ready.context };
      if (read.kind === 'not-found') return read;
      if (read.kind === 'failed') return unavailableOrFailed(read.failure, 'conversation store');
      return { kind: 'failed', reason: `stored conversation: ${read.reason}` };
    },

    async receive(resumeToken, message) {
      const ready = await dependencies.context();
      if (ready.kind !== 'ready') return ready;
      const context = ready.context;
      let outcome: ChatOutcome = { accepted: false };
      let repeated = false;
      // Runs again on a lost ETag race; what the last run decided is what was stored.
      const stored = await store.update<Refusal>(resumeToken, (current) => {
        const receipt = receiveMessage(current, message, context, dependencies.now().toISOString());
        repeated = receipt.kind === 'repeated';
        if (receipt.kind === 'recorded') {
          outcome = receipt.outcome;
          return replaceWith(receipt.conversation);
        }
        if (receipt.kind === 'repeated') {
          outcome = receipt.outcome;
          return noChange();
        }
        return rejectWith(receipt.kind);
      });
      switch (stored.kind) {
        case 'not-found':
          return stored;
        case 'failed':
          return unavailableOrFailed(stored.failure, 'conversation store');
        case 'contended':
          return { kind: 'unavailable', failure: { kind: 'unavailable', retryAfterSeconds: 1, reason: 'the conversation is being written by another request' } };
        case 'invalid':
          return { kind: 'failed', reason: `stored conversation: ${stored.reason}` };
        case 'rejected': {
          if (stored.rejection !== 'closed') return { kind: stored.rejection };
          if (stored.document.step.kind !== 'opening') return { kind: 'closed', conversation: stored.document, context };
          const opened = await finishOpening(resumeToken, stored.document, context);
          return opened.kind === 'opened' ? { kind: 'closed', conversation: opened.conversation, context } : opened;
        }
        case 'updated':
        case 'unchanged': {
          if (stored.document.step.kind !== 'opening') return { kind: 'answered', conversation: stored.document, context, outcome, repeated };
          const opened = await finishOpening(resumeToken, stored.document, context);
          return opened.kind === 'opened' ? { kind: 'answered', conversation: opened.conversation, context, outcome, repeated } : opened;
        }
      }
    },
  };
}
