/**
 * What the guided chat asks, in order, one question at a time: the web form's own fields, each
 * checked by the very schema the form is checked with (`WebFormIntakeSchema` and its requester),
 * so the chat can never accept what the form would refuse. Only "since when" is the chat's own:
 * the form asks it inside "What is happening", and the chat hands it over there.
 */
import { z } from 'zod';
import { FIELD_LIMITS } from '../intake/intake-fields';
import { WebFormIntakeSchema, WebFormRequesterSchema } from '../intake/intake';
import { ScopeSchema, SeveritySchema, type Severity } from '../primitives';
import { SEV_A_RULE, SEVERITY_CHOICE_HINT, SEVERITY_GUIDANCE } from '../severity/severity-guidance';

export const ChatQuestionKeySchema = z.enum([
  'name',
  'email',
  'company',
  'tenantDomain',
  'productArea',
  'title',
  'description',
  'since',
  'businessImpact',
  'severity',
  'available24x7',
  'scope',
]);
export type ChatQuestionKey = z.infer<typeof ChatQuestionKeySchema>;

/** An answer as kept: the value the form's schema produced (trimmed, lower-cased…), or yes/no. */
export const ChatAnswerValueSchema = z.union([z.string(), z.boolean()]);
export type ChatAnswerValue = z.infer<typeof ChatAnswerValueSchema>;

export const ChatAnswersSchema = z.partialRecord(ChatQuestionKeySchema, ChatAnswerValueSchema);
export type ChatAnswers = z.infer<typeof ChatAnswersSchema>;

export interface ChatChoice {
  /** What is kept when chosen. */
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
}

/** A product area of the organisation's catalogue, as the chat offers it. */
export interface ChatProductArea {
  readonly id: string;
  readonly name: string;
}

/** What the questions depend on besides the answers: the catalogue the requester chooses from. */
export interface ChatContext {
  readonly productAreas: readonly ChatProductArea[];
}

export type ChatAnswerKind = 'text' | 'choice' | 'yes-no';

export interface ChatQuestion {
  readonly key: ChatQuestionKey;
  /** How the summary names the answer. */
  readonly label: string;
  readonly prompt: string;
  readonly hint?: string;
  readonly kind: ChatAnswerKind;
  /** A text answer of several sentences (a front end offers room for it). */
  readonly long?: true;
  /** The form's rule for this answer; a yes/no question's is the form's checkbox. */
  readonly schema: z.ZodType<ChatAnswerValue>;
  readonly choices?: (context: ChatContext) => readonly ChatChoice[];
  /** Asked only when this holds for the answers so far (every question by default). */
  readonly asked?: (answers: ChatAnswers) => boolean;
}

/** Room kept in the hand-over's description for the "since when" answer and its label. */
export const SINCE_MAX_LENGTH = 200;
const SINCE_ROOM = SINCE_MAX_LENGTH + 20;

const form = WebFormIntakeSchema.shape;
const requester = WebFormRequesterSchema.shape;
/** The form's rule, with room left for the "since when" answer the hand-over adds to it. */
const descriptionSchema = form.description.max(FIELD_LIMITS.description - SINCE_ROOM);

const severityChoices = (): readonly ChatChoice[] =>
  SeveritySchema.options.map((severity: Severity) => ({ value: severity, label: SEVERITY_GUIDANCE[severity].title, hint: SEVERITY_GUIDANCE[severity].description }));

const SCOPE_WORDS: Readonly<Record<z.infer<typeof ScopeSchema>, { readonly label: string; readonly hint: string }>> = {
  cloud: { label: 'In the cloud', hint: 'A Microsoft cloud service.' },
  'on-premises': { label: 'On premises', hint: 'Your own servers; covered only with the on-premises add-on.' },
};

export const CHAT_QUESTIONS: readonly ChatQuestion[] = [
  { key: 'name', label: 'Your name', prompt: 'Hello, I will take your support request. What is your name?', kind: 'text', schema: requester.name },
  {
    key: 'email',
    label: 'Email address',
    prompt: 'What is your work email address? It tells us which contract you ask under, and we send the link to follow your ticket there.',
    kind: 'text',
    schema: requester.email,
  },
  { key: 'company', label: 'Company', prompt: 'Which company is your support contract with?', kind: 'text', schema: form.company },
  {
    key: 'tenantDomain',
    label: 'Microsoft 365 tenant domain',
    prompt: "What is your Microsoft 365 tenant's initial domain?",
    hint: 'It ends in .onmicrosoft.com, for example contoso.onmicrosoft.com.',
    kind: 'text',
    schema: form.tenantDomain,
  },
  {
    key: 'productArea',
    label: 'Product area',
    prompt: 'Which product is the problem with?',
    kind: 'choice',
    schema: form.productArea,
    choices: (context) => context.productAreas.map((area) => ({ value: area.id, label: area.name })),
  },
  {
    key: 'title',
    label: 'Summary',
    prompt: 'In one sentence, what is wrong?',
    hint: 'For example "Users in Paris cannot sign in to Outlook".',
    kind: 'text',
    schema: form.title,
  },
  {
    key: 'description',
    label: 'What is happening',
    prompt: 'What happens exactly? Tell me what fails, for whom, and what you see (the exact error message if there is one).',
    kind: 'text',
    long: true,
    schema: descriptionSchema,
  },
  {
    key: 'since',
    label: 'Since when',
    prompt: 'Since when has this been happening?',
    hint: 'For example "since this morning at 09:00" or "since Monday".',
    kind: 'text',
    schema: z.string().trim().min(2).max(SINCE_MAX_LENGTH),
  },
  {
    key: 'businessImpact',
    label: 'Business impact',
    prompt: 'How does it affect your business? Who and what is affected, and what does it cost you?',
    kind: 'text',
    long: true,
    schema: form.businessImpact,
  },
  {
    key: 'severity',
    label: 'Severity',
    prompt: 'How severe is it?',
    hint: SEVERITY_CHOICE_HINT,
    kind: 'choice',
    schema: form.severity,
    choices: severityChoices,
  },
  {
    key: 'available24x7',
    label: 'Available 24×7',
    prompt: 'Can you, or a colleague, answer our engineers 24×7 until this is resolved?',
    hint: SEV_A_RULE,
    kind: 'yes-no',
    schema: requester.available24x7,
    asked: (answers) => answers.severity === SeveritySchema.enum.A,
  },
  {
    key: 'scope',
    label: 'Location of the problem',
    prompt: 'Last question: is the problem in the cloud or on your own servers?',
    kind: 'choice',
    schema: form.scope,
    choices: () => ScopeSchema.options.map((scope) => ({ value: scope, ...SCOPE_WORDS[scope] })),
  },
];

export function chatQuestion(key: ChatQuestionKey): ChatQuestion {
  const question = CHAT_QUESTIONS.find((candidate) => candidate.key === key);
  // Every key of the enum has its question: the unit tests walk them all.
  if (question === undefined) throw new Error(`no chat question "${key}"`);
  return question;
}

export function isAsked(question: ChatQuestion, answers: ChatAnswers): boolean {
  return question.asked === undefined || question.asked(answers);
}

/** The questions the answers so far call for, in the order they are asked. */
export function askedQuestions(answers: ChatAnswers): readonly ChatQuestion[] {
  return CHAT_QUESTIONS.filter((question) => isAsked(question, answers));
}

/** The first question the answers leave open, if any. */
export function firstOpenQuestion(answers: ChatAnswers): ChatQuestion | undefined {
  return askedQuestions(answers).find((question) => answers[question.key] === undefined);
}
