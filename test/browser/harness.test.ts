/**
 * The browser tests' own harness, without a browser: a stalled step or request fails naming what
 * stalled and its limit, a test cannot declare more step time than its budget, and a failure's
 * files are named after the test.
 */
import http from 'node:http';
import { boundedRequest } from './support/bounded-request';
import { withNotes } from './support/error-notes';
import { fileNameFor } from './support/failure-capture';
import { stepsWithin, withinLimit } from './support/steps';

const never = (): Promise<never> => new Promise<never>(() => undefined);

async function listening(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server listens on no port');
  return address.port;
}

describe('a step', () => {
  it('that has not finished within its limit fails naming the step and the limit', async () => {
    await expect(stepsWithin(1_000).step('wait for the lifecycle', 50, never)).rejects.toThrow('step "wait for the lifecycle" did not finish within 50 ms');
  });

  it('that fails says which step failed, keeping the original message', async () => {
    const failing = stepsWithin(1_000).step('open the form', 1_000, () => Promise.reject(new Error('page.goto: net::ERR_CONNECTION_REFUSED')));
    await expect(failing).rejects.toThrow(/^step "open the form" failed after \d+ ms: page\.goto: net::ERR_CONNECTION_REFUSED$/);
  });

  it('is refused when the test has already declared its whole budget, and the refusal names it', async () => {
    const { step } = stepsWithin(100);
    await step('first', 60, () => Promise.resolve());
    await expect(step('second', 60, () => Promise.resolve())).rejects.toThrow('step "second" brings this test\'s step limits to 120 ms, over its 100 ms budget');
  });

  it('is recorded with its outcome, for the failure report', async () => {
    const steps = stepsWithin(1_000);
    await steps.step('fast', 100, () => Promise.resolve());
    await steps.step('stalled', 20, never).catch(() => undefined);
    expect(steps.taken.map(({ label, outcome }) => ({ label, outcome }))).toEqual([
      { label: 'fast', outcome: 'done' },
      { label: 'stalled', outcome: 'over its limit' },
    ]);
  });

  it('answers what its work answered', async () => {
    await expect(withinLimit('a quick sum', 1_000, () => Promise.resolve(1 + 1))).resolves.toBe(2);
  });
});

describe('a request a browser test sends itself', () => {
  let silent: http.Server;
  let origin: string;

  beforeAll(async () => {
    // Accepts the request and never answers, as a stuck function would.
    silent = http.createServer(() => undefined);
    origin = `http://127.0.0.1:${await listening(silent)}`;
  });

  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('that gets no answer fails within its limit, naming the method, the path and the limit', async () => {
    const startedAt = Date.now();
    await expect(boundedRequest({ method: 'POST', url: `${origin}/api/staff/tickets/BTN-261124-AAAAA/commands`, body: '{}', limitMs: 200 })).rejects.toThrow(
      'POST /api/staff/tickets/BTN-261124-AAAAA/commands got no complete answer within 200 ms',
    );
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });

  it('that cannot connect fails naming the request and the reason', async () => {
    // A port that was just free: nothing listens on it any more.
    const closed = http.createServer();
    const port = await listening(closed);
    await new Promise((resolve) => closed.close(resolve));
    await expect(boundedRequest({ method: 'GET', url: `http://127.0.0.1:${port}/api/tickets/BTN-261124-AAAAA` })).rejects.toThrow(/^GET \/api\/tickets\/BTN-261124-AAAAA failed: .*ECONNREFUSED/);
  });
});

describe('a failure report', () => {
  it('adds its notes to the message jest prints, which comes from the stack', () => {
    const error = withNotes(new Error('expected 200, got 504'), { before: 'step "answer as staff": ', after: '\nsaved: test-output/x.html' });
    expect(error.message).toBe('step "answer as staff": expected 200, got 504\nsaved: test-output/x.html');
    expect(error.stack?.startsWith(`Error: ${error.message}\n    at `)).toBe(true);
  });

  it('names its files after the test, in words a file system takes', () => {
    expect(fileNameFor('markup typed into the form › is shown as text on the status page: the title, a reply')).toBe(
      'markup-typed-into-the-form-is-shown-as-text-on-the-status-page-the-title-a-reply',
    );
    expect(fileNameFor('x'.repeat(300))).toHaveLength(120);
  });
});
