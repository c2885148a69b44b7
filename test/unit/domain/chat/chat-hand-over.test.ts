import { handOver, transcriptOf } from '../../../../shared/domain/chat/chat-hand-over';
import type { ChatMessage } from '../../../../shared/domain/chat/conversation';
import { FIELD_LIMITS } from '../../../../shared/domain/intake/intake-fields';
import { ANSWERS_UP_TO_SEVERITY, after, at } from './support/conversation-fixtures';

const said = (text: string): ChatMessage => ({ from: 'baton', text, at: at(0) });
const SPEAKER = 'Support: ';

/** Messages whose transcript, one line each, is exactly `length` characters long. */
function messagesOfLength(length: number): ChatMessage[] {
  const lineLength = 500;
  const count = Math.ceil(length / (lineLength + 1));
  const texts = Array.from({ length: count }, (_, index) => String(index % 10).repeat(lineLength - SPEAKER.length));
  const shortBy = count * (lineLength + 1) - 1 - length;
  texts[0] = (texts[0] ?? '').slice(shortBy);
  return texts.map(said);
}

describe('the transcript handed to intake', () => {
  it('keeps a long message’s start in the transcript, the whole of it in the ticket’s own field', () => {
    expect(transcriptOf([said('a'.repeat(600))])).toBe(`${SPEAKER}${'a'.repeat(600)}`);
    expect(transcriptOf([said('a'.repeat(601))])).toBe(`${SPEAKER}${'a'.repeat(599)}…`);
  });

  it('is the whole conversation when it fits the field', () => {
    const transcript = transcriptOf(messagesOfLength(FIELD_LIMITS.transcript));
    expect(transcript).toHaveLength(FIELD_LIMITS.transcript);
    expect(transcript.startsWith(SPEAKER)).toBe(true);
  });

  it('leaves out the oldest messages, saying so, keeping as many of the newest as fit', () => {
    const messages = messagesOfLength(FIELD_LIMITS.transcript + 1);
    const transcript = transcriptOf(messages);
    expect(transcript.length).toBeLessThanOrEqual(FIELD_LIMITS.transcript);
    const lines = transcript.split('\n');
    expect(lines[0]).toBe('[earlier messages omitted]');
    expect(lines.slice(1)).toEqual(messages.slice(messages.length - lines.length + 1).map((message) => `${SPEAKER}${message.text}`));
    const oneMore = `${SPEAKER}${messages[messages.length - lines.length]?.text ?? ''}`;
    expect(transcript.length + oneMore.length + 1).toBeGreaterThan(FIELD_LIMITS.transcript);
  });

  it('keeps the newest lines that fill the field exactly, with the note', () => {
    const note = '[earlier messages omitted]';
    const newest = messagesOfLength(FIELD_LIMITS.transcript - note.length - 1);
    const transcript = transcriptOf([said('x'.repeat(100)), ...newest]);
    expect(transcript).toHaveLength(FIELD_LIMITS.transcript);
    expect(transcript).toBe([note, ...newest.map((message) => `${SPEAKER}${message.text}`)].join('\n'));
  });
});

describe('handing a conversation to intake', () => {
  it('ends the transcript with the message that confirmed it', () => {
    const handed = handOver(after([...ANSWERS_UP_TO_SEVERITY, 'B', 'cloud', 'confirm']));
    expect(handed.ok && handed.intake.transcript?.split('\n').pop()).toBe('You: confirm');
  });

  it('tells intake the requester is available around the clock when they said so for a Severity A', () => {
    const handed = handOver(after([...ANSWERS_UP_TO_SEVERITY, 'A', 'yes', 'cloud', 'confirm']));
    expect(handed.ok && handed.intake.requester.available24x7).toBe(true);
  });

  it('adds "since when" to the description only once it is answered', () => {
    const handed = handOver(after(ANSWERS_UP_TO_SEVERITY.slice(0, 7)));
    expect(handed.ok && handed.intake.description).toBe(ANSWERS_UP_TO_SEVERITY[6]);
  });

  it('refuses a conversation that has not reached the description, naming what is missing', () => {
    expect(handOver(after(['Ana Silva']))).toEqual({
      ok: false,
      errors: [
        { field: 'requester.email', message: 'is required' },
        { field: 'description', message: 'is required' },
      ],
    });
  });
});
