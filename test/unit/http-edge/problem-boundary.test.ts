import { HttpRequest, HttpResponse, InvocationContext, type HttpHandler } from '@azure/functions';
import { ProblemSchema, ProblemTypes } from '../../../shared/http-edge/problem';
import { withProblemBoundary } from '../../../shared/http-edge/problem-boundary';

interface LogEntry {
  readonly level: string;
  readonly args: unknown[];
}

function invocation(): { context: InvocationContext; logs: LogEntry[] } {
  const logs: LogEntry[] = [];
  const context = new InvocationContext({
    invocationId: 'inv-1',
    functionName: 'intake',
    logHandler: (level, ...args) => logs.push({ level, args }),
  });
  return { context, logs };
}

const request = new HttpRequest({ url: 'http://localhost/api/tickets/BTN-1?x=1', method: 'POST' });

describe('the problem boundary around a handler', () => {
  it('passes a normal answer through untouched', async () => {
    const handler: HttpHandler = async () => ({ status: 202, jsonBody: { ticketNumber: 'BTN-1' } });
    const { context } = invocation();
    expect(await withProblemBoundary(handler)(request, context)).toEqual({ status: 202, jsonBody: { ticketNumber: 'BTN-1' } });
  });

  it('turns an unexpected exception into a generic 500 problem that leaks nothing', async () => {
    const handler: HttpHandler = async () => {
      throw new Error('connection string AccountKey=s3cr3t rejected at /srv/app/shared/store.ts:42');
    };
    const { context } = invocation();
    const answer = await withProblemBoundary(handler, { newCorrelationId: () => 'corr-7' })(request, context);
    const response = new HttpResponse(answer instanceof HttpResponse ? { status: answer.status } : answer);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(ProblemSchema.parse(JSON.parse(text))).toMatchObject({ type: ProblemTypes.internal, correlationId: 'corr-7', instance: '/api/tickets/BTN-1' });
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('store.ts');
    expect(text).not.toMatch(/at .*:\d+/);
  });

  it('logs the error as an event line with the same correlation id the client got', async () => {
    const failure = new TypeError('cannot read properties of undefined');
    const { context, logs } = invocation();
    await withProblemBoundary(
      async () => {
        throw failure;
      },
      { newCorrelationId: () => 'corr-8' },
    )(request, context);
    const errors = logs.filter((entry) => entry.level === 'error');
    expect(errors).toHaveLength(1);
    const line = String(errors[0]?.args[0]);
    expect(line.startsWith('{"event":"http.unhandled-error"')).toBe(true);
    expect(JSON.parse(line)).toEqual({
      event: 'http.unhandled-error',
      correlationId: 'corr-8',
      invocationId: 'inv-1',
      surface: 'api',
      method: 'POST',
      path: '/api/tickets/BTN-1',
      errorName: 'TypeError',
      errorMessage: 'cannot read properties of undefined',
    });
  });

  it('logs neither the request body nor the query string of a failed request', async () => {
    const { context, logs } = invocation();
    const withBody = new HttpRequest({
      url: 'http://localhost/status/BTN-1?token=tok-s3cr3t',
      method: 'POST',
      body: { string: 'reply=my+private+words' },
    });
    await withProblemBoundary(async (received) => {
      await received.text();
      throw new Error('boom');
    })(withBody, context);
    const logged = logs.map((entry) => entry.args.map(String).join(' ')).join('\n');
    expect(logged).toContain('http.unhandled-error');
    expect(logged).not.toContain('tok-s3cr3t');
    expect(logged).not.toContain('private');
  });

  it('copes with something thrown that is not an Error', async () => {
    const { context, logs } = invocation();
    const answer = await withProblemBoundary(() => {
      throw 'plain string';
    })(request, context);
    expect(answer).toMatchObject({ status: 500 });
    const line = String(logs.find((entry) => entry.level === 'error')?.args[0]);
    expect(JSON.parse(line)).toMatchObject({ event: 'http.unhandled-error', errorName: 'string', errorMessage: 'plain string' });
  });

  it('gives each failure its own correlation id by default', async () => {
    const handler: HttpHandler = async () => {
      throw new Error('boom');
    };
    const wrapped = withProblemBoundary(handler);
    const first = await wrapped(request, invocation().context);
    const second = await wrapped(request, invocation().context);
    const idOf = (answer: unknown): unknown => (answer as { jsonBody: { correlationId: unknown } }).jsonBody.correlationId;
    expect(typeof idOf(first)).toBe('string');
    expect(idOf(first)).not.toEqual(idOf(second));
  });
});
