/**
 * What a requester can say to the chat: an answer, "go back", "change <an earlier answer>" or
 * "confirm". A panel sends the commands as buttons; a text-only front end (Teams, a web chat) sends
 * what was typed, and the same words are read as the commands here.
 */
import { z } from 'zod';
import { CHAT_QUESTIONS, ChatQuestionKeySchema, type ChatQuestion, type ChatQuestionKey } from './chat-questions';

export const CHAT_TEXT_MAX_LENGTH = 8000;

export const ChatInputSchema = z.discriminatedUnion('kind', [
  /** Typed text, read as an answer or as a command where it is one (see `inputFromText`). */
  z.object({ kind: z.literal('text'), text: z.string().max(CHAT_TEXT_MAX_LENGTH) }),
  /** An answer, never read as a command (a panel's answer box). */
  z.object({ kind: z.literal('answer'), text: z.string().max(CHAT_TEXT_MAX_LENGTH) }),
  z.object({ kind: z.literal('back') }),
  z.object({ kind: z.literal('change'), question: ChatQuestionKeySchema }),
  z.object({ kind: z.literal('confirm') }),
]);
export type ChatInput = z.infer<typeof ChatInputSchema>;

const BACK_WORDS = new Set(['back', 'go back', 'previous', 'previous question', 'undo']);
const CONFIRM_WORDS = new Set(['confirm', 'send', 'send it', 'submit', 'yes send it', 'confirm and send']);

/** Lower case, without full stops, commas, exclamation or question marks, single spaces: "Yes. Send it!" is "yes send it". */
function folded(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.,!?]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * "change severity", "change the tenant domain", "change tenantDomain": the question the words name,
 * by its key or a part of its label. Fewer than three letters name none ("change it" is an answer).
 */
function namedQuestion(words: string): ChatQuestionKey | undefined {
  const wanted = words.replace(/^(?:the|my) /, '');
  if (wanted.length < 3) return undefined;
  return CHAT_QUESTIONS.find((question) => question.key.toLowerCase() === wanted || question.label.toLowerCase().includes(wanted))?.key;
}

/**
 * Typed text as the requester meant it. Only a whole message that is a command is one: "go back"
 * is a command, "it went back to normal" an answer. `atSummary` lets "yes" confirm there.
 */
export function inputFromText(text: string, atSummary: boolean): Exclude<ChatInput, { kind: 'text' }> {
  const words = folded(text);
  if (BACK_WORDS.has(words)) return { kind: 'back' };
  if (CONFIRM_WORDS.has(words) || (atSummary && ['yes', 'y', 'ok', 'correct'].includes(words))) return { kind: 'confirm' };
  const change = /^(?:change|edit|correct) (.+)/.exec(words);
  const question = change?.[1] === undefined ? undefined : namedQuestion(change[1]);
  if (question !== undefined) return { kind: 'change', question };
  return { kind: 'answer', text };
}

/** The requester's message as the transcript shows it. */
export function describeInput(input: ChatInput, questionOf: (key: ChatQuestionKey) => ChatQuestion): string {
  switch (input.kind) {
    case 'text':
    case 'answer':
      return input.text;
    case 'back':
      return 'Go back';
    case 'change':
      return `Change: ${questionOf(input.question).label}`;
    case 'confirm':
      return 'Confirm and send';
  }
}
