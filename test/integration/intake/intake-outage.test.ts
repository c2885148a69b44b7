/**
 * Intake while a service is down, on a virtual clock: with Cosmos out it answers 503 with the
 * configured Retry-After and leaves nothing that would break the retry, which then makes exactly
 * one ticket; with the email service out the ticket is still accepted and its email goes out
 * once, when the outbox timer finds the service back.
 */
import { IntakeAnswerSchema } from '../../../shared/intake/intake-answer';
import { ProblemSchema } from '../../../shared/http-edge/problem';
import { sampleIntakeBody } from '../ticket-service/support/sample-intake';
import { eventually, formBody, startIntakeStack, type IntakeStack } from './support/intake-stack';

jest.setTimeout(120_000);

function bodyFor(email: string): Record<string, unknown> {
  return sampleIntakeBody({ requester: { name: 'Ana Silva', email, timeZone: 'Europe/Lisbon', available24x7: false } });
}

describe('intake during an outage', () => {
  let intake: IntakeStack;

  beforeAll(async () => {
    intake = await startIntakeStack({ clock: { virtual: true, startAt: '2026-11-24T14:00:00.000Z' }, settings: { BATON_INTAKE_RETRY_AFTER_SECONDS: '7', BATON_EMAIL_SEND_TIMEOUT_MS: '2000' } });
  });
  afterAll(async () => {
    await intake?.stop();
  });

  it('answers 503 with Retry-After while Cosmos is down, then accepts the retry as exactly one ticket', async () => {
    const cosmos = intake.stack.services.cosmos;
    if (!cosmos) throw new Error('no Cosmos stand-in');
    const headers = { 'idempotency-key': 'outage-retry-1' };
    cosmos.setUnavailable(true);
    let refused: Response;
    try {
      refused = await intake.post(bodyFor('outage@contoso.com'), { headers });
    } finally {
      cosmos.setUnavailable(false);
    }
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('7');
    expect(ProblemSchema.parse(await refused.json()).type).toBe('https://baton.dev/problems/unavailable');
    expect(await intake.ticketsOf('outage@contoso.com')).toHaveLength(0);

    const retried = await intake.post(bodyFor('outage@contoso.com'), { headers });
    expect(retried.status).toBe(202);
    const answer = IntakeAnswerSchema.parse(await retried.json());
    expect((await intake.ticketsOf('outage@contoso.com')).map((ticket) => ticket.ticketNumber)).toEqual([answer.ticketNumber]);
  });

  it('logs the refusal of a web form sent while Cosmos is down, as it logs the API\'s, so the intake alert sees both', async () => {
    const cosmos = intake.stack.services.cosmos;
    if (!cosmos) throw new Error('no Cosmos stand-in');
    const form = formBody({ ...bodyFor('form.outage@contoso.com'), idempotencyKey: 'form-outage-1' });
    const send = () =>
      fetch(`${intake.stack.urls.host}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: intake.stack.urls.host },
        body: form.toString(),
        redirect: 'manual',
      });
    cosmos.setUnavailable(true);
    let refused: Response;
    try {
      refused = await send();
    } finally {
      cosmos.setUnavailable(false);
    }
    expect(refused.status).toBe(503);
    const refusals = await eventually(
      () => intake.stack.hostOutput().split('\n').filter((line) => line.includes('"event":"intake.store-unavailable"') && line.includes('"via":"web-form"')),
      (lines) => lines.length > 0,
    );
    expect(refusals).toHaveLength(1);

    const accepted = await send();
    expect(accepted.status).toBe(303);
    const [ticket] = await intake.ticketsOf('form.outage@contoso.com');
    if (!ticket) throw new Error('the retried form stored no ticket');
    const acceptances = await eventually(
      () => intake.stack.hostOutput().split('\n').filter((line) => line.includes('"event":"intake.accepted"') && line.includes(ticket.ticketNumber)),
      (lines) => lines.length > 0,
    );
    expect(acceptances[0]).toContain('"via":"web-form"');
  });

  it('accepts the ticket while the email service fails, and delivers its email once when the service recovers', async () => {
    const email = intake.stack.services.email;
    if (!email) throw new Error('no email stand-in');
    email.setFailing(true);
    let answer;
    try {
      const response = await intake.post(bodyFor('mail.outage@contoso.com'));
      expect(response.status).toBe(202);
      answer = IntakeAnswerSchema.parse(await response.json());
      await intake.stack.advanceClock(30_000);
      expect(intake.mailTo('mail.outage@contoso.com')).toHaveLength(0);
    } finally {
      email.setFailing(false);
    }
    // Two failed attempts at most so far: the backoff brings the next within a minute.
    await intake.stack.advanceClock(2 * 60_000);
    const delivered = await eventually(() => intake.mailTo('mail.outage@contoso.com'), (mails) => mails.length > 0);
    expect(delivered.map((mail) => mail.subject)).toEqual([expect.stringContaining(answer.ticketNumber)]);
    // Later runs of the timer find it sent and leave it alone.
    await intake.stack.advanceClock(60_000);
    expect(intake.mailTo('mail.outage@contoso.com')).toHaveLength(1);
  });
});
