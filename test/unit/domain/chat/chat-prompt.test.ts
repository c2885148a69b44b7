import { currentPrompt } from '../../../../shared/domain/chat/chat-prompt';
import { ANSWERS_UP_TO_SEVERITY, after, context } from './support/conversation-fixtures';

describe('the prompt a front end draws', () => {
  it('is the first question, which has no way back', () => {
    expect(currentPrompt(after([]), context)).toStrictEqual({
      kind: 'question',
      key: 'name',
      label: 'Your name',
      prompt: 'Hello, I will take your support request. What is your name?',
      answerKind: 'text',
      long: false,
      canGoBack: false,
    });
  });

  it('carries the hint of a question that has one, and a way back after the first', () => {
    expect(currentPrompt(after(ANSWERS_UP_TO_SEVERITY.slice(0, 3)), context)).toStrictEqual({
      kind: 'question',
      key: 'tenantDomain',
      label: 'Microsoft 365 tenant domain',
      prompt: "What is your Microsoft 365 tenant's initial domain?",
      hint: 'It ends in .onmicrosoft.com, for example contoso.onmicrosoft.com.',
      answerKind: 'text',
      long: false,
      canGoBack: true,
    });
  });

  it('offers room for a long answer', () => {
    expect(currentPrompt(after(ANSWERS_UP_TO_SEVERITY.slice(0, 6)), context)).toMatchObject({ key: 'description', long: true });
  });

  it('shows the kept answer of a question come back to, and lets the first question go back to the summary it came from', () => {
    const summary = after([...ANSWERS_UP_TO_SEVERITY, 'B', 'cloud']);
    expect(currentPrompt(after(['change name'], summary), context)).toMatchObject({ key: 'name', current: 'Ana Silva', canGoBack: true });
  });

  it('is the opening once the summary is confirmed', () => {
    expect(currentPrompt(after([...ANSWERS_UP_TO_SEVERITY, 'B', 'cloud', 'confirm']), context)).toStrictEqual({ kind: 'opening' });
  });
});
