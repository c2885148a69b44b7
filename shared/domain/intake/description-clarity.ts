/**
 * Whether a description tells an engineer what is wrong. "It doesn't work" does not: vague
 * phrases and filler words are set aside, and enough words that carry meaning must remain.
 */

/** Phrases that say something is wrong without saying what; longest first so they match whole. */
const VAGUE_PHRASES = [
  'it does not work',
  'it doesnt work',
  'does not work',
  'doesnt work',
  'is not working',
  'isnt working',
  'not working',
  'nothing works',
  'stopped working',
  'there is an error',
  'theres an error',
  'getting an error',
  'see attached',
  'see attachment',
  'same as before',
  'as discussed',
  'please help',
  'please fix',
  'fix it',
  'call me',
  'is broken',
  'broken',
  'urgent',
  'urgently',
  'asap',
  'help',
  'issue',
  'problem',
  'error',
];

const FILLER_WORDS = new Set([
  'a', 'an', 'the', 'it', 'its', 'is', 'are', 'was', 'be', 'i', 'we', 'our', 'my', 'me', 'us', 'you', 'and', 'or', 'but',
  'to', 'of', 'in', 'on', 'for', 'with', 'at', 'this', 'that', 'please', 'still', 'all', 'any', 'again', 'very', 'so', 'just',
  'hi', 'hello', 'thanks', 'thank', 'regards',
]);

export type DescriptionClarity = { clear: true } | { clear: false; explanation: string };

export function descriptionClarity(description: string, minMeaningfulWords: number): DescriptionClarity {
  const withoutVague = VAGUE_PHRASES.reduce((text, phrase) => text.replace(wholeWords(phrase), ''), ` ${normalise(description)} `);
  const meaningful = withoutVague.split(' ').filter((word) => word.length > 0 && !FILLER_WORDS.has(word));
  if (meaningful.length >= minMeaningfulWords) {
    return { clear: true };
  }
  return {
    clear: false,
    explanation:
      'The description is too vague for an engineer to act on. Please say what fails, for whom, since when, and the exact error or behaviour you see.',
  };
}

/** Lower case, apostrophes dropped ("doesn't" → "doesnt"), every run of punctuation and spacing to one space. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/**
 * Every occurrence of a phrase as whole words of the space-padded, normalised text, where single
 * spaces mark the words' edges (`\b` would also see an edge beside any letter outside ASCII).
 */
function wholeWords(phrase: string): RegExp {
  return new RegExp(`(?<= )${phrase}(?= )`, 'g');
}
