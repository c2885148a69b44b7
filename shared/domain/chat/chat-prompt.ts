/**
 * Where a conversation stands, as a front end needs it to draw the next turn: the open question
 * with its choices (and the kept answer, when it is being changed), the summary to confirm, or the
 * ticket it became.
 */
import { z } from 'zod';
import { TicketNumberSchema } from '../ticket/ticket-number';
import { shownAnswer } from './chat-answer';
import { askedQuestions, chatQuestion, ChatQuestionKeySchema, type ChatContext } from './chat-questions';
import { summaryLines, type Conversation } from './conversation';

const ChatChoiceSchema = z.object({ value: z.string(), label: z.string(), hint: z.string().optional() });

export const ChatPromptSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('question'),
    key: ChatQuestionKeySchema,
    label: z.string(),
    prompt: z.string(),
    hint: z.string().optional(),
    answerKind: z.enum(['text', 'choice', 'yes-no']),
    /** Several sentences are expected: offer room for them. */
    long: z.boolean(),
    choices: z.array(ChatChoiceSchema).optional(),
    /** The answer kept so far, when the requester came back to change it. */
    current: z.string().optional(),
    canGoBack: z.boolean(),
  }),
  z.object({ kind: z.literal('summary'), lines: z.array(z.object({ key: ChatQuestionKeySchema, label: z.string(), value: z.string() })) }),
  z.object({ kind: z.literal('opening') }),
  z.object({ kind: z.literal('opened'), ticketNumber: TicketNumberSchema }),
]);
export type ChatPrompt = z.infer<typeof ChatPromptSchema>;

export function currentPrompt(conversation: Conversation, context: ChatContext): ChatPrompt {
  const { step, answers } = conversation;
  switch (step.kind) {
    case 'question': {
      const question = chatQuestion(step.key);
      const kept = answers[step.key];
      const choices = question.choices?.(context);
      return {
        kind: 'question',
        key: question.key,
        label: question.label,
        prompt: question.prompt,
        ...(question.hint === undefined ? {} : { hint: question.hint }),
        answerKind: question.kind,
        long: question.long === true,
        ...(choices === undefined ? {} : { choices: [...choices] }),
        ...(kept === undefined ? {} : { current: shownAnswer(question, kept, context) }),
        // Stryker disable next-line OptionalChaining: the name is always asked, so there is a first question
        canGoBack: step.returnToSummary || askedQuestions(answers)[0]?.key !== question.key,
      };
    }
    case 'summary':
      return { kind: 'summary', lines: [...summaryLines(answers, context)] };
    case 'opening':
      return { kind: 'opening' };
    case 'opened':
      return { kind: 'opened', ticketNumber: step.ticketNumber };
  }
}
