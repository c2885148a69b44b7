/**
 * Reading what the requester typed as the answer to one question: a choice by its value, its
 * label or its number, yes or no, or free text; then the form's own rule for the field decides,
 * and a refusal says why in the form's words ("Microsoft 365 tenant domain must be …").
 */
import { fieldErrorsOf } from '../intake/parse-intake';
import type { ChatAnswerValue, ChatChoice, ChatContext, ChatQuestion } from './chat-questions';

export type AnswerReading = { readonly ok: true; readonly value: ChatAnswerValue } | { readonly ok: false; readonly reason: string };

const YES = new Set(['yes', 'y', 'yes we can', 'yes i can', 'we can', 'i can', 'sure', 'ok', 'true']);
const NO = new Set(['no', 'n', 'no we cannot', 'no i cannot', 'we cannot', 'i cannot', 'not', 'false']);

/** Lower case, without full stops, commas, exclamation or question marks, single spaces: "Yes, we can!" and " yes we can " read alike. */
function folded(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.,!?]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A choice named by its number in the list, its value, its label, or the start of its label ("A — Critical…" by "A"). */
function chosen(text: string, choices: readonly ChatChoice[], severityWords: boolean): ChatChoice | undefined {
  let wanted = folded(text);
  if (severityWords) wanted = wanted.replace(/^(severity|sev)\s*/, '');
  const byNumber = /^\d+$/.test(wanted) ? choices[Number(wanted) - 1] : undefined;
  if (byNumber !== undefined) return byNumber;
  return (
    choices.find((choice) => folded(choice.value) === wanted) ??
    choices.find((choice) => folded(choice.label) === wanted) ??
    choices.find((choice) => wanted.length >= 3 && folded(choice.label).startsWith(wanted))
  );
}

function listed(choices: readonly ChatChoice[]): string {
  return choices.map((choice, index) => `${String(index + 1)}. ${choice.label}`).join('; ');
}

/** The form's rule on the candidate value; a refusal in the form's own words. */
function checked(question: ChatQuestion, candidate: unknown): AnswerReading {
  const parsed = question.schema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const messages = [...new Set(fieldErrorsOf(parsed.error, candidate).map((error) => error.message))];
  return { ok: false, reason: `${question.label} ${messages.join(' and ')}.` };
}

export function readAnswer(question: ChatQuestion, text: string, context: ChatContext): AnswerReading {
  switch (question.kind) {
    case 'yes-no': {
      const word = folded(text);
      if (YES.has(word)) return checked(question, true);
      if (NO.has(word)) return checked(question, false);
      return { ok: false, reason: 'Please answer yes or no.' };
    }
    case 'choice': {
      // Stryker disable next-line OptionalChaining,ArrayDeclaration: every choice question lists its choices; the fallback is for the type
      const choices = question.choices?.(context) ?? [];
      const choice = chosen(text, choices, question.key === 'severity');
      if (choice === undefined) return { ok: false, reason: `Please choose one of: ${listed(choices)}.` };
      return checked(question, choice.value);
    }
    case 'text':
      return checked(question, text);
  }
}

/** How the summary and the transcript show a kept answer: a choice by its label, yes/no in words. */
export function shownAnswer(question: ChatQuestion, value: ChatAnswerValue, context: ChatContext): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const choice = question.choices?.(context).find((candidate) => candidate.value === value);
  return choice === undefined ? value : choice.label;
}

/** The question as one message: the prompt, its hint, and the choices numbered (a text-only front end shows just this). */
export function questionText(question: ChatQuestion, context: ChatContext): string {
  const parts = [question.prompt];
  if (question.hint !== undefined) parts.push(question.hint);
  const choices = question.choices?.(context);
  if (choices !== undefined && choices.length > 0) parts.push(`Choose one: ${listed(choices)}.`);
  if (question.kind === 'yes-no') parts.push('Answer yes or no.');
  return parts.join(' ');
}
