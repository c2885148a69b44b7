/**
 * Scripted vendor behaviour for tests and demos: "answer cases like this after N ms", injected API
 * failures. Delays run on the stand-in's clock, so a virtual clock can drive them.
 */
import { z } from 'zod';
import type { ServiceRequest } from '../../../shared/vendor';
import type { CaseBook } from './vendor-case-book';
import type { StandInClock } from './standin-clock';

/** Which cases a rule applies to; every given field must match, and `{}` matches every case. */
export const CaseCriteriaSchema = z.object({
  id: z.string().optional(),
  titleIncludes: z.string().optional(),
  tenantDomain: z.string().optional(),
  supportTopicId: z.string().optional(),
});
export type CaseCriteria = z.infer<typeof CaseCriteriaSchema>;

export type CaseMatcher = CaseCriteria | ((serviceRequest: ServiceRequest) => boolean);

export const VENDOR_ENGINEER = 'Vendor support engineer';

export function matchesCase(matcher: CaseMatcher, serviceRequest: ServiceRequest): boolean {
  if (typeof matcher === 'function') return matcher(serviceRequest);
  return (
    (matcher.id === undefined || matcher.id === serviceRequest.id) &&
    (matcher.titleIncludes === undefined ||
      serviceRequest.title.toLowerCase().includes(matcher.titleIncludes.toLowerCase())) &&
    (matcher.tenantDomain === undefined ||
      serviceRequest.organization.id.toLowerCase() === matcher.tenantDomain.toLowerCase()) &&
    (matcher.supportTopicId === undefined || matcher.supportTopicId === serviceRequest.supportTopicId)
  );
}

interface AnswerRule {
  readonly matcher: CaseMatcher;
  readonly delayMs: number;
  readonly note: string;
  /** Cases this rule has already scheduled an answer for: each case is answered once per rule. */
  readonly scheduled: Set<string>;
}

export interface VendorScript {
  /** Answers every matching open case `delayMs` after it opens (a case already open: after now), with `note`, moving it to in-progress. */
  answerAfter(matcher: CaseMatcher, delayMs: number, note: string): void;
  /** Called by the stand-in when a case opens. */
  caseOpened(serviceRequest: ServiceRequest): void;
  /** Cancels every scheduled answer. */
  stop(): void;
}

export function createVendorScript(book: CaseBook, clock: StandInClock): VendorScript {
  const rules: AnswerRule[] = [];
  const cancels = new Set<() => void>();

  const answer = (caseId: string, note: string): void => {
    const current = book.find(caseId);
    if (!current || current.status === 'resolved' || current.status === 'closed') return;
    book.addNote(caseId, { text: note, createdByName: VENDOR_ENGINEER }, undefined);
    if (current.status === 'open') book.setStatus(caseId, 'in-progress');
  };

  const consider = (rule: AnswerRule, serviceRequest: ServiceRequest): void => {
    if (rule.scheduled.has(serviceRequest.id) || !matchesCase(rule.matcher, serviceRequest)) return;
    if (serviceRequest.status !== 'open') return;
    rule.scheduled.add(serviceRequest.id);
    const dueAt = Math.max(Date.parse(serviceRequest.createdDate), clock.now()) + rule.delayMs;
    const cancel = clock.schedule(dueAt, () => {
      cancels.delete(cancel);
      answer(serviceRequest.id, rule.note);
    });
    cancels.add(cancel);
  };

  return {
    answerAfter(matcher, delayMs, note) {
      const rule: AnswerRule = { matcher, delayMs, note, scheduled: new Set() };
      rules.push(rule);
      for (const serviceRequest of book.all()) consider(rule, serviceRequest);
    },
    caseOpened(serviceRequest) {
      for (const rule of rules) consider(rule, serviceRequest);
    },
    stop() {
      for (const cancel of cancels) cancel();
      cancels.clear();
    },
  };
}
