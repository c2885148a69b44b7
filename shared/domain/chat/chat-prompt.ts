/**
 * Where a conversation stands, as a front end needs it to draw the next turn: the open question
 * with its choices (and the kept answer, when it is being changed), the summary to confirm, or the
 * ticket it became.
 */
import { shownAnswer } from './chat-answer';
import { askedQuestions, chatQuestion, type ChatAnswerKind, type ChatChoice, type ChatContext, type ChatQuestionKey } from './chat-questions';
import { summaryLines, type Conversation } from './conversation';

export type ChatPrompt =
  | {
      readonly kind: 'question';
      readonly key: ChatQuestionKey;
      readonly label: string;
      readonly prompt: string;
      readonly hint?: string;
      readonly answerKind: ChatAnswerKind;
      readonly choices?: readonly ChatChoice[];
      /** The answer kept so far, when the requester came back to change it. */
      readonly current?: string;
      readonly canGoBack: boolean;
    }
  | { readonly kind: 'summary'; readonly lines: ReadonlyArray<{ readonly key: ChatQuestionKey; readonly label: string; readonly value: string }> }
  | { readonly kind: 'opening' }
  | { readonly kind: 'opened'; readonly ticketNumber: string };

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
        ...(choices === undefined ? {} : { choices }),
        ...(kept === undefined ? {} : { current: shownAnswer(question, kept, context) }),
        canGoBack: step.returnToSummary || askedQuestions(answers)[0]?.key !== question.key,
      };
    }
    case 'summary':
      return { kind: 'summary', lines: summaryLines(answers, context) };
    case 'opening':
      return { kind: 'opening' };
    case 'opened':
      return { kind: 'opened', ticketNumber: step.ticketNumber };
  }
}
