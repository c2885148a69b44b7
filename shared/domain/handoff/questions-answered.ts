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

/**
 * A reply answers every question still open before it; further replies add to that answer until
 * the next question, whose first reply starts a new answer. A reply before any question answers
 * nothing.
 */
export function questionsAndAnswers(timeline: readonly TimelineEvent[]): QuestionsAndAnswers {
  const answered: AnsweredQuestion[] = [];
  let open: OpenQuestion[] = [];
  // The answers the latest reply gave; a new question leaves them alone, since the reply that
  // follows it finds that question open and starts its own answer.
  let lastAnswered: AnsweredQuestion[] = [];
  for (const event of timeline) {
    if (event.type === 'info-requested') {
      open = [...open, { question: event.message, askedAt: event.at }];
    } else if (event.type === 'customer-replied' && open.length > 0) {
      lastAnswered = open.map((question) => ({ ...question, answer: event.message, answeredAt: event.at }));
      answered.push(...lastAnswered);
      open = [];
    } else if (event.type === 'customer-replied') {
      for (const pair of lastAnswered) {
        pair.answer = `${pair.answer}\n${event.message}`;
        pair.answeredAt = event.at;
      }
    }
  }
  return { answered, open };
}
