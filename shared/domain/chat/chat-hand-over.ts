/**
 * A confirmed conversation handed to intake: the chat channel's intake, built from the kept
 * answers and checked by the intake schema itself, with the conversation as its transcript. "Since
 * when" joins the description, where the form asks for it too.
 */
import { FIELD_LIMITS } from '../intake/intake-fields';
import { ChatIntakeSchema, IntakeChannelSchema, type ChatIntake } from '../intake/intake';
import { fieldErrorsOf, type IntakeFieldError } from '../intake/parse-intake';
import { askedQuestions, type ChatAnswers } from './chat-questions';
import type { ChatMessage, Conversation } from './conversation';

export type HandOver = { readonly ok: true; readonly intake: ChatIntake } | { readonly ok: false; readonly errors: readonly IntakeFieldError[] };

/** A long answer is whole in the ticket's own fields; the transcript keeps its start. */
const TRANSCRIPT_LINE_LIMIT = 600;
const OMITTED = '[earlier messages omitted]';

function line(message: ChatMessage): string {
  const speaker = message.from === 'baton' ? 'Support' : 'You';
  const text = message.text.length > TRANSCRIPT_LINE_LIMIT ? `${message.text.slice(0, TRANSCRIPT_LINE_LIMIT - 1)}…` : message.text;
  return `${speaker}: ${text}`;
}

/**
 * The conversation as text: whole when it fits the field, else the newest lines that fit after a
 * note that earlier ones were left out (a line is short, so some always fit).
 */
export function transcriptOf(messages: readonly ChatMessage[]): string {
  const whole = messages.map(line).join('\n');
  if (whole.length <= FIELD_LIMITS.transcript) return whole;
  let kept = messages.map(line);
  while ([OMITTED, ...kept].join('\n').length > FIELD_LIMITS.transcript) kept = kept.slice(1);
  return [OMITTED, ...kept].join('\n');
}

/** Only the answers to questions the final answers still ask (a Sev A's availability is dropped with the A). */
function relevant(answers: ChatAnswers): ChatAnswers {
  return Object.fromEntries(askedQuestions(answers).map((question) => [question.key, answers[question.key]]));
}

/**
 * The conversation up to the message that confirmed it: what intake receives must be the same on
 * every retry of the opening (its idempotency compares the request), whatever was said since.
 */
function confirmedPart(conversation: Conversation): readonly ChatMessage[] {
  const step = conversation.step;
  // Stryker disable next-line ConditionalExpression: another step names no confirming message, and finding none keeps them all alike
  if (step.kind !== 'opening') return conversation.messages;
  // Stryker disable next-line ConditionalExpression: only a requester's message carries an id
  const confirming = conversation.messages.findIndex((message) => message.from === 'requester' && message.clientMessageId === step.clientMessageId);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the opening step is entered by recording its confirming message, which follows Baton's first
  return confirming < 0 ? conversation.messages : conversation.messages.slice(0, confirming + 1);
}

export function handOver(conversation: Conversation): HandOver {
  const answers = relevant(conversation.answers);
  const since = answers.since === undefined ? [] : [`Since: ${String(answers.since)}`];
  const description = answers.description === undefined ? undefined : [answers.description, ...since].join('\n\n');
  const candidate = {
    channel: IntakeChannelSchema.enum.chat,
    requester: {
      name: answers.name,
      email: answers.email,
      timeZone: conversation.timeZone,
      available24x7: answers.available24x7 === true,
    },
    company: answers.company,
    tenantDomain: answers.tenantDomain,
    productArea: answers.productArea,
    severity: answers.severity,
    scope: answers.scope,
    title: answers.title,
    description,
    businessImpact: answers.businessImpact,
    transcript: transcriptOf(confirmedPart(conversation)),
  };
  const parsed = ChatIntakeSchema.safeParse(candidate);
  return parsed.success ? { ok: true, intake: parsed.data } : { ok: false, errors: fieldErrorsOf(parsed.error, candidate) };
}
