/**
 * The public intake's rate limits through the local host, with limits small enough to reach: the
 * API answers 429 problem+json with Retry-After, the web form a 429 page that keeps what was typed,
 * and neither stores a ticket or sends an email past the limit. Every request here comes from
 * 127.0.0.1, which the host appends to X-Forwarded-For as Azure's front end does.
 */
import { ProblemSchema, ProblemTypes } from '../../../shared/http-edge/problem';
import { SETTING } from '../../../shared/config/settings';
import { sampleIntakeBody } from '../ticket-service/support/sample-intake';
import { formBody, startIntakeStack, type IntakeStack } from './support/intake-stack';

jest.setTimeout(60_000);

function requester(email: string): Record<string, unknown> {
  return { name: 'Ana Silva', email, timeZone: 'Europe/Lisbon', available24x7: false };
}

describe('the intake rate limits over HTTP', () => {
  let intake: IntakeStack;

  beforeAll(async () => {
    intake = await startIntakeStack({
      // The limiter counts in memory, per worker process (as in Azure): one worker sees every request.
      settings: { FUNCTIONS_WORKER_PROCESS_COUNT: '1', [SETTING.intakeLimitPerRequesterEmail]: '2', [SETTING.intakeLimitPerClientAddress]: '3', [SETTING.intakeLimitWindowSeconds]: '600' },
    });
  });
  afterAll(async () => {
    await intake?.stop();
  });

  it('answers the API 429 problem+json with Retry-After past the per-email limit, +tag aliases included, storing nothing more', async () => {
    const first = await intake.post(sampleIntakeBody({ requester: requester('limited@contoso.com') }));
    const second = await intake.post(sampleIntakeBody({ requester: requester('Limited@Contoso.com') }));
    const alias = await intake.post(sampleIntakeBody({ requester: requester('limited+again@contoso.com') }));
    expect([first.status, second.status, alias.status]).toEqual([202, 202, 429]);
    expect(alias.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = Number(alias.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(ProblemSchema.parse(await alias.json())).toMatchObject({ type: ProblemTypes.rateLimited, status: 429, instance: '/api/tickets' });
    expect(await intake.ticketsOf('limited@contoso.com')).toHaveLength(2);
    expect(await intake.ticketsOf('limited+again@contoso.com')).toHaveLength(0);
  });

  it('answers the web form with a 429 page that keeps the request, once the client address has used its limit', async () => {
    // The refused alias above gave its point back: this address has opened two tickets, one to go.
    const third = await intake.post(sampleIntakeBody({ requester: requester('another@contoso.com') }));
    expect(third.status).toBe(202);
    const body = formBody(sampleIntakeBody({ requester: requester('third.person@contoso.com') }));
    const page = await fetch(`${intake.stack.urls.host}/`, {
      method: 'POST',
      // A client naming another address gains nothing: only the entry the front end appended counts.
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'x-forwarded-for': '198.51.100.77' },
      body: body.toString(),
      redirect: 'manual',
    });
    expect(page.status).toBe(429);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(page.headers.get('content-type')).toContain('text/html');
    const markup = await page.text();
    expect(markup).toContain('Your request was NOT received');
    expect(markup).toContain('sent from your network');
    expect(markup).toContain('third.person@contoso.com');
    expect(await intake.ticketsOf('third.person@contoso.com')).toHaveLength(0);
  });
});
