/**
 * A browser test is a few steps (open a page, fill the form, wait for the lifecycle), each with its
 * own limit, so a stall fails naming the step rather than as jest's timeout, which names nothing.
 * The limits of one test's steps together must stay within the test's budget, set clearly below
 * its jest timeout: a test whose steps ask for more fails at once, saying so.
 */
import { withNotes } from './error-notes';

export interface Steps {
  /** Runs `work`, failing with the step's label if it throws or has not finished within `limitMs`. */
  step<T>(label: string, limitMs: number, work: () => Promise<T>): Promise<T>;
}

export interface TakenStep {
  readonly label: string;
  readonly limitMs: number;
  readonly tookMs: number;
  readonly outcome: 'done' | 'failed' | 'over its limit';
}

/** The steps of one test, and what each took: a failure report shows whether earlier ones were slow too. */
export interface TestSteps extends Steps {
  readonly taken: readonly TakenStep[];
}

export function stepsWithin(budgetMs: number): TestSteps {
  let declaredMs = 0;
  const taken: TakenStep[] = [];
  return {
    taken,
    async step(label, limitMs, work) {
      declaredMs += limitMs;
      if (declaredMs > budgetMs) {
        throw new Error(`step "${label}" brings this test's step limits to ${declaredMs} ms, over its ${budgetMs} ms budget: shorten the limits or lengthen the test's timeout`);
      }
      const startedAt = Date.now();
      const record = (outcome: TakenStep['outcome']): void => {
        taken.push({ label, limitMs, tookMs: Date.now() - startedAt, outcome });
      };
      try {
        const result = await withinLimit(`step "${label}"`, limitMs, work);
        record('done');
        return result;
      } catch (error) {
        record(error instanceof LimitExceeded ? 'over its limit' : 'failed');
        throw error;
      }
    },
  };
}

export function describeTakenSteps(taken: readonly TakenStep[]): string {
  if (taken.length === 0) return '(no step had run)';
  return taken.map((step) => `${step.label}: ${step.outcome} in ${step.tookMs} ms (limit ${step.limitMs} ms)`).join('\n');
}

/**
 * Runs `work` under a limit. On expiry the work is abandoned, not cancelled: Playwright calls end
 * when the test's contexts close, and requests end at their own limits.
 */
export async function withinLimit<T>(what: string, limitMs: number, work: () => Promise<T>): Promise<T> {
  const startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new LimitExceeded(`${what} did not finish within ${limitMs} ms`)), limitMs);
  });
  try {
    return await Promise.race([work(), expired]);
  } catch (error) {
    if (error instanceof LimitExceeded) throw error;
    throw withNotes(error, { before: `${what} failed after ${Date.now() - startedAt} ms: ` });
  } finally {
    clearTimeout(timer);
  }
}

class LimitExceeded extends Error {
  override readonly name = 'LimitExceeded';
}
