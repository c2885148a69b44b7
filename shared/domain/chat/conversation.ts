/**
 * The guided chat as a state machine: the conversation is asked one question at a time, each
 * answer is kept only once the form's rule accepts it, a refusal re-asks with the reason, the
 * requester may go back or change an earlier answer, and a summary is confirmed at the end. Every
 * requester message carries the client's id: a message received again is recognised and changes
 * nothing, so a client may resend until it hears back. Pure: time is a parameter.
 */
import { z } from 'zod';
import { InstantSchema, TimeZoneSchema, type Instant } from '../primitives';
import { TicketNumberSchema, type TicketNumber } from '../ticket/ticket-number';
import { questionText, readAnswer, shownAnswer } from './chat-answer';
import { ChatInputSchema, describeInput, inputFromText, type ChatInput } from './chat-input';
import {
  ChatAnswersSchema,
  ChatQuestionKeySchema,
  askedQuestions,
  chatQuestion,
  firstOpenQuestion,
  type ChatAnswers,
  type ChatContext,
  type ChatQuestionKey,
} from './chat-questions';

/** Enough for every question answered several times over; a runaway client cannot grow the document without end. */
export const MAX_CHAT_MESSAGES = 400;
export const MAX_CHAT_MESSAGE_LENGTH = 8000;

export const ClientMessageIdSchema = z.string().trim().min(1).max(100);

/** What became of a requester's message: kept (and what came next), or refused with the reason. */
export const ChatOutcomeSchema = z.object({ accepted: z.boolean(), reason: z.string().optional() });
export type ChatOutcome = z.infer<typeof ChatOutcomeSchema>;

export const ChatMessageSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('baton'), text: z.string(), at: InstantSchema }),
  z.object({
    from: z.literal('requester'),
    text: z.string(),
    at: InstantSchema,
    clientMessageId: ClientMessageIdSchema,
    input: ChatInputSchema,
    outcome: ChatOutcomeSchema,
  }),
]);
export type ChatMessage = z.infer<typeof ChatMessageSchema>;
type RequesterMessage = Extract<ChatMessage, { from: 'requester' }>;

export const ChatStepSchema = z.discriminatedUnion('kind', [
  /** `returnToSummary`: the requester came from the summary to change this answer, and goes back there after. */
  z.object({ kind: z.literal('question'), key: ChatQuestionKeySchema, returnToSummary: z.boolean() }),
  z.object({ kind: z.literal('summary') }),
  /** Confirmed by that message; the ticket is being opened (a retry of the message opens it, once). */
  z.object({ kind: z.literal('opening'), clientMessageId: ClientMessageIdSchema }),
  z.object({ kind: z.literal('opened'), ticketNumber: TicketNumberSchema }),
]);
export type ChatStep = z.infer<typeof ChatStepSchema>;

export const ConversationSchema = z.object({
  startedAt: InstantSchema,
  updatedAt: InstantSchema,
  /** The requester's time zone as their browser (or chat client) reports it; the form asks for it. */
  timeZone: TimeZoneSchema.optional(),
  answers: ChatAnswersSchema,
  step: ChatStepSchema,
  messages: z.array(ChatMessageSchema),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export interface IncomingMessage {
  readonly clientMessageId: string;
  readonly input: ChatInput;
}

export type Receipt =
  | { readonly kind: 'recorded'; readonly conversation: Conversation; readonly outcome: ChatOutcome }
  /** The message was received before: nothing changes, and the client hears what it heard then. */
  | { readonly kind: 'repeated'; readonly outcome: ChatOutcome }
  /** The id was used before for a different message. */
  | { readonly kind: 'id-reused' }
  | { readonly kind: 'too-long' }
  /** Confirmed already: a new message is not taken (the request as confirmed is what intake gets). */
  | { readonly kind: 'closed' };

function batonSays(text: string, at: Instant): ChatMessage {
  return { from: 'baton', text, at };
}

function asking(key: ChatQuestionKey, returnToSummary: boolean): ChatStep {
  return { kind: 'question', key, returnToSummary };
}

/** The summary as one message: every answer the request needs, and how to confirm or change. */
export function summaryLines(answers: ChatAnswers, context: ChatContext): ReadonlyArray<{ readonly key: ChatQuestionKey; readonly label: string; readonly value: string }> {
  return askedQuestions(answers).flatMap((question) => {
    const value = answers[question.key];
    return value === undefined ? [] : [{ key: question.key, label: question.label, value: shownAnswer(question, value, context) }];
  });
}

function summaryText(answers: ChatAnswers, context: ChatContext): string {
  const lines = summaryLines(answers, context).map((line) => `${line.label}: ${line.value}`);
  return ['Here is your request. Please check it:', ...lines, 'Say "confirm" to send it, or "change" and the item to correct it (for example "change severity").'].join('\n');
}

/** The message Baton says on entering a step. */
function promptFor(step: ChatStep, answers: ChatAnswers, context: ChatContext): string {
  switch (step.kind) {
    case 'question':
      return questionText(chatQuestion(step.key), context);
    case 'summary':
      return summaryText(answers, context);
    case 'opening':
      return 'Thank you. I am opening your ticket now.';
    case 'opened':
      return `Received: ticket ${step.ticketNumber}. We have emailed you a link to follow it.`;
  }
}

export function startConversation(at: Instant, context: ChatContext, timeZone?: string): Conversation {
  const step = asking(ChatQuestionKeySchema.enum.name, false);
  return {
    startedAt: at,
    updatedAt: at,
    ...(timeZone === undefined ? {} : { timeZone }),
    answers: {},
    step,
    messages: [batonSays(promptFor(step, {}, context), at)],
  };
}

/** Where an answer leads: the first question still open, else the summary. */
function afterAnswer(answers: ChatAnswers): ChatStep {
  const open = firstOpenQuestion(answers);
  return open === undefined ? { kind: 'summary' } : asking(open.key, false);
}

/** The question before the current one, as the answers so far ask them. */
function stepBack(step: ChatStep, answers: ChatAnswers): ChatStep | undefined {
  const asked = askedQuestions(answers);
  if (step.kind === 'summary') {
    const last = asked[asked.length - 1];
    // Stryker disable next-line ConditionalExpression: the name is always asked, so the summary has a last question; the check is for the type
    return last === undefined ? undefined : asking(last.key, false);
  }
  // Stryker disable next-line ConditionalExpression: a closed conversation takes no message, so only a question is left here; the check narrows the type
  if (step.kind !== 'question') return undefined;
  if (step.returnToSummary) return { kind: 'summary' };
  // Before the first question there is none: `asked[-1]` is undefined.
  const previous = asked[asked.findIndex((question) => question.key === step.key) - 1];
  return previous === undefined ? undefined : asking(previous.key, false);
}

type Transition = { readonly step: ChatStep; readonly answers: ChatAnswers; readonly outcome: ChatOutcome; readonly say: string };

function refusal(reason: string, step: ChatStep, answers: ChatAnswers, context: ChatContext, repeatPrompt: boolean): Transition {
  return { step, answers, outcome: { accepted: false, reason }, say: repeatPrompt ? `${reason} ${promptFor(step, answers, context)}` : reason };
}

function accepted(step: ChatStep, answers: ChatAnswers, context: ChatContext): Transition {
  return { step, answers, outcome: { accepted: true }, say: promptFor(step, answers, context) };
}

function transition(conversation: Conversation, input: ChatInput, clientMessageId: string, context: ChatContext): Transition {
  const { step, answers } = conversation;
  switch (input.kind) {
    case 'text':
      return transition(conversation, inputFromText(input.text, step.kind === 'summary'), clientMessageId, context);
    case 'answer': {
      // Only the summary is not a question here: a closed conversation takes no message (`receiveMessage`).
      if (step.kind !== 'question') return refusal('Say "confirm" to send your request, or "change" and the item to correct.', step, answers, context, false);
      const reading = readAnswer(chatQuestion(step.key), input.text, context);
      if (!reading.ok) return refusal(reading.reason, step, answers, context, true);
      const kept = { ...answers, [step.key]: reading.value };
      // Onwards to what is still open, which after a change from the summary is the summary itself.
      return accepted(afterAnswer(kept), kept, context);
    }
    case 'back': {
      const previous = stepBack(step, answers);
      return previous === undefined ? refusal('This is the first question.', step, answers, context, true) : accepted(previous, answers, context);
    }
    case 'change': {
      const question = chatQuestion(input.question);
      if (answers[question.key] === undefined || !askedQuestions(answers).includes(question)) {
        return refusal(`There is no answer to "${question.label}" to change yet.`, step, answers, context, true);
      }
      // Stryker disable next-line ConditionalExpression: a step that is not the summary is a question here (a closed conversation takes no message); the check is for the type
      return accepted(asking(question.key, step.kind === 'summary' || (step.kind === 'question' && step.returnToSummary)), answers, context);
    }
    case 'confirm': {
      if (step.kind !== 'summary') return refusal('There are questions left before your request can be sent.', step, answers, context, true);
      return accepted({ kind: 'opening', clientMessageId }, answers, context);
    }
  }
}

function isSameInput(a: ChatInput, b: ChatInput): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Takes one requester message: recorded with Baton's reply, or recognised as received before. */
export function receiveMessage(conversation: Conversation, message: IncomingMessage, context: ChatContext, at: Instant): Receipt {
  const earlier = conversation.messages.find(
    // Stryker disable next-line ConditionalExpression: only a requester's message carries an id; the check narrows the type
    (candidate): candidate is RequesterMessage => candidate.from === 'requester' && candidate.clientMessageId === message.clientMessageId,
  );
  if (earlier !== undefined) {
    return isSameInput(earlier.input, message.input) ? { kind: 'repeated', outcome: earlier.outcome } : { kind: 'id-reused' };
  }
  if (conversation.step.kind === 'opening' || conversation.step.kind === 'opened') return { kind: 'closed' };
  if (conversation.messages.length + 2 > MAX_CHAT_MESSAGES) return { kind: 'too-long' };
  const next = transition(conversation, message.input, message.clientMessageId, context);
  const said: ChatMessage = {
    from: 'requester',
    text: describeInput(message.input, chatQuestion),
    at,
    clientMessageId: message.clientMessageId,
    input: message.input,
    outcome: next.outcome,
  };
  return {
    kind: 'recorded',
    outcome: next.outcome,
    conversation: { ...conversation, updatedAt: at, answers: next.answers, step: next.step, messages: [...conversation.messages, said, batonSays(next.say, at)] },
  };
}

/** The ticket the confirmed conversation became; said once, however often the opening is retried. */
export function ticketOpened(conversation: Conversation, ticketNumber: TicketNumber, at: Instant, context: ChatContext): Conversation {
  if (conversation.step.kind === 'opened') return conversation;
  const step: ChatStep = { kind: 'opened', ticketNumber };
  return { ...conversation, updatedAt: at, step, messages: [...conversation.messages, batonSays(promptFor(step, conversation.answers, context), at)] };
}
