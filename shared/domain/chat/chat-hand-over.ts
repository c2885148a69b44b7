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

/** The conversation as text, newest kept whole when it must be shortened to fit the field. */
export function transcriptOf(messages: readonly ChatMessage[]): string {
  const lines = messages.map(line);
  let kept = lines;
  while (kept.join('\n').length > FIELD_LIMITS.transcript - OMITTED.length - 1 && kept.length > 1) kept = kept.slice(1);
  return kept.length === lines.length ? kept.join('\n') : [OMITTED, ...kept].join('\n');
}

/** Only the answers to questions the final answers still ask (a Sev A's availability is dropped with the A). */
function relevant(answers: ChatAnswers): ChatAnswers {
  return Object.fromEntries(askedQuestions(answers).flatMap((question) => (answers[question.key] === undefined ? [] : [[question.key, answers[question.key]]])));
}

/**
 * The conversation up to the message that confirmed it: what intake receives must be the same on
 * every retry of the opening (its idempotency compares the request), whatever was said since.
 */
function confirmedPart(conversation: Conversation): readonly ChatMessage[] {
  const step = conversation.step;
  if (step.kind !== 'opening') return conversation.messages;
  const confirming = conversation.messages.findIndex((message) => message.from === 'requester' && message.clientMessageId === step.clientMessageId);
  return confirming < 0 ? conversation.messages : conversation.messages.slice(0, confirming + 1);
}

export function handOver(conversation: Conversation): HandOver {
  const answers = relevant(conversation.answers);
  const description = [answers.description, answers.since === undefined ? undefined : `Since: ${String(answers.since)}`].filter((part) => part !== undefined).join('\n\n');
  const candidate = {
    channel: IntakeChannelSchema.enum.chat,
    requester: {
      name: answers.name,
      email: answers.email,
      ...(conversation.timeZone === undefined ? {} : { timeZone: conversation.timeZone }),
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
