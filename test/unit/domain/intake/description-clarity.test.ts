import { descriptionClarity } from '../../../../shared/domain/intake/description-clarity';

/** With a threshold of one word, a description is clear exactly when something meaningful is left. */
const saysSomething = (description: string) => descriptionClarity(description, 1).clear;

describe('description clarity', () => {
  it('tells the requester what a description must say when it is too vague', () => {
    expect(descriptionClarity('It does not work', 8)).toEqual({
      clear: false,
      explanation:
        'The description is too vague for an engineer to act on. Please say what fails, for whom, since when, and the exact error or behaviour you see.',
    });
  });

  it('sets aside a vague phrase however often it is repeated', () => {
    expect(saysSomething('Help, help, help! Urgent, urgent. Error error error.')).toBe(false);
  });

  it('reads a phrase written with a straight or a curly apostrophe alike', () => {
    expect(saysSomething("It doesn't work, it isn't working, there's an error")).toBe(false);
    expect(saysSomething('It doesn’t work, it isn’t working, there’s an error')).toBe(false);
  });

  it('reads a phrase across extra spaces, line breaks and punctuation', () => {
    expect(saysSomething('It does  not\n\nwork -- see:  attached. Same as... before')).toBe(false);
  });

  it('sets aside only whole words, so a word that merely contains a vague one counts', () => {
    expect(descriptionClarity('Errors helpdesk problematic', 3)).toEqual({ clear: true });
  });
});
