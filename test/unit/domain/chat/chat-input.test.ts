import { describeInput, inputFromText } from '../../../../shared/domain/chat/chat-input';
import { chatQuestion } from '../../../../shared/domain/chat/chat-questions';

describe('typed chat commands', () => {
  it.each(['back', '  Go   back!! ', 'Previous question.', 'undo'])('reads "%s" as going back', (text) => {
    expect(inputFromText(text, false)).toEqual({ kind: 'back' });
  });

  it.each(['confirm', 'Send it!', 'yes, send it', 'Yes. Send it.', 'yes send it'])('reads "%s" as confirming, wherever it is typed', (text) => {
    expect(inputFromText(text, false)).toEqual({ kind: 'confirm' });
  });

  it.each(['yes', 'y', 'OK', 'correct'])('reads "%s" as confirming only at the summary', (text) => {
    expect(inputFromText(text, true)).toEqual({ kind: 'confirm' });
    expect(inputFromText(text, false)).toEqual({ kind: 'answer', text });
  });

  it('names the question to change by its key or a part of its label, after "change", "edit" or "correct"', () => {
    expect(inputFromText('change severity', false)).toEqual({ kind: 'change', question: 'severity' });
    expect(inputFromText('Edit tenantDomain', false)).toEqual({ kind: 'change', question: 'tenantDomain' });
    expect(inputFromText('correct my email', false)).toEqual({ kind: 'change', question: 'email' });
    expect(inputFromText('change the business impact', false)).toEqual({ kind: 'change', question: 'businessImpact' });
    expect(inputFromText('change sum', false)).toEqual({ kind: 'change', question: 'title' });
    // "the" is dropped only before the name: inside it, it is part of the label.
    expect(inputFromText('change location of the problem', false)).toEqual({ kind: 'change', question: 'scope' });
  });

  it('reads words that name no question, or fewer than three letters, as an answer', () => {
    expect(inputFromText('change it', false)).toEqual({ kind: 'answer', text: 'change it' });
    expect(inputFromText('change su', false)).toEqual({ kind: 'answer', text: 'change su' });
    expect(inputFromText('change everything', false)).toEqual({ kind: 'answer', text: 'change everything' });
  });

  it('reads "change" only at the start of the message', () => {
    const text = 'Sign-in fails since we had to change the tenant domain';
    expect(inputFromText(text, false)).toEqual({ kind: 'answer', text });
  });
});

describe('a requester’s message in the transcript', () => {
  it('is the text typed, or the command in words', () => {
    expect(describeInput({ kind: 'text', text: 'Ana Silva' }, chatQuestion)).toBe('Ana Silva');
    expect(describeInput({ kind: 'answer', text: 'Back' }, chatQuestion)).toBe('Back');
    expect(describeInput({ kind: 'back' }, chatQuestion)).toBe('Go back');
    expect(describeInput({ kind: 'change', question: 'tenantDomain' }, chatQuestion)).toBe('Change: Microsoft 365 tenant domain');
    expect(describeInput({ kind: 'confirm' }, chatQuestion)).toBe('Confirm and send');
  });
});
