/**
 * What the customer has already been asked and what they answered: each question the engineers
 * put to the customer, paired with the replies that followed it, so nobody asks twice.
 */
import { TimelineEvent } from '../timeline/timeline-event';
import { AnsweredQuestion, OpenQuestion } from './handoff-brief';

export interface QuestionsAndAnswers {
  answered: AnsweredQuestion[];
  open: OpenQuestion[];
}

/** A reply answers every question still open before it; further replies add to that answer. */
export function questionsAndAnswers(timeline: readonly TimelineEvent[]): QuestionsAndAnswers {
  const answered: AnsweredQuestion[] = [];
  let open: OpenQuestion[] = [];
  let lastAnswered: AnsweredQuestion[] = [];
  for (const event of timeline) {
    if (event.type === 'info-requested') {
      open = [...open, { question: event.message, askedAt: event.at }];
      lastAnswered = [];
    } else if (event.type === 'customer-replied' && open.length > 0) {
      lastAnswered = open.map((question) => ({ ...question, answer: event.message, answeredAt: event.at }));
      answered.push(...lastAnswered);
      open = [];
    } else if (event.type === 'customer-replied' && lastAnswered.length > 0) {
      for (const pair of lastAnswered) {
        pair.answer = `${pair.answer}\n${event.message}`;
        pair.answeredAt = event.at;
      }
    }
  }
  return { answered, open };
}
