/**
 * Intake is idempotent under an Idempotency-Key (header, or the web form's hidden field): a repeat
 * returns the same ticket, fifty racing copies create exactly one, and reusing a key for another
 * request is refused with 422.
 */
import { IntakeAnswerSchema } from '../../../shared/intake/intake-answer';
import { ProblemSchema } from '../../../shared/http-edge/problem';
import { sampleIntakeBody } from '../ticket-service/support/sample-intake';
import { eventually, startIntakeStack, type IntakeStack } from './support/intake-stack';

jest.setTimeout(90_000);

function bodyFor(email: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return sampleIntakeBody({ requester: { name: 'Ana Silva', email, timeZone: 'Europe/Lisbon', available24x7: false }, ...overrides });
}

describe('idempotent intake', () => {
  let intake: IntakeStack;

  beforeAll(async () => {
    intake = await startIntakeStack();
  });
  afterAll(async () => {
    await intake?.stop();
  });

  it('answers a repeated request with the same ticket, number, links and token, and stores one ticket', async () => {
    const headers = { 'idempotency-key': 'sequential-7f3a' };
    const first = await intake.post(bodyFor('sequential@contoso.com'), { headers });
    const second = await intake.post(bodyFor('sequential@contoso.com'), { headers });
    expect([first.status, second.status]).toEqual([202, 202]);
    const [one, two] = [IntakeAnswerSchema.parse(await first.json()), IntakeAnswerSchema.parse(await second.json())];
    // The status is the ticket's current one: its lifecycle may have moved it on in between.
    expect({ ...two, status: one.status }).toEqual(one);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await intake.ticketsOf('sequential@contoso.com')).toHaveLength(1);
    const received = await eventually(() => intake.mailTo('sequential@contoso.com').filter((mail) => mail.subject.startsWith('Received: ')), (mails) => mails.length > 0);
    expect(received).toHaveLength(1);
  });

  it('treats the same form fields in another order, or sent as JSON, as the same request', async () => {
    const body = bodyFor('reordered@contoso.com');
    const headers = { 'idempotency-key': 'reordered-1' };
    const asJson = await intake.post(body, { headers });
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const asForm = await intake.post(reordered, { form: true, headers });
    expect([asJson.status, asForm.status]).toEqual([202, 202]);
    expect(IntakeAnswerSchema.parse(await asForm.json()).ticketNumber).toBe(IntakeAnswerSchema.parse(await asJson.json()).ticketNumber);
  });

  it('takes the key from the web form’s hidden field', async () => {
    const body = { ...bodyFor('hidden.field@contoso.com'), idempotencyKey: 'form-key-42' };
    const first = await intake.post(body, { form: true });
    const second = await intake.post(body, { form: true });
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(IntakeAnswerSchema.parse(await second.json()).ticketNumber).toBe(IntakeAnswerSchema.parse(await first.json()).ticketNumber);
    expect(await intake.ticketsOf('hidden.field@contoso.com')).toHaveLength(1);
  });

  it('creates exactly one ticket from fifty concurrent identical submissions', async () => {
    const headers = { 'idempotency-key': 'stampede-50' };
    const responses = await Promise.all(Array.from({ length: 50 }, () => intake.post(bodyFor('stampede@contoso.com'), { headers })));
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 50 }, () => 202));
    const answers = await Promise.all(responses.map(async (response) => IntakeAnswerSchema.parse(await response.json())));
    expect(new Set(answers.map((answer) => answer.ticketNumber)).size).toBe(1);
    expect(new Set(answers.map((answer) => answer.accessToken)).size).toBe(1);
    const stored = await intake.ticketsOf('stampede@contoso.com');
    expect(stored.map((ticket) => ticket.ticketNumber)).toEqual([answers[0]?.ticketNumber]);
    expect(stored[0]?.timeline.filter((event) => event.type === 'ticket-received')).toHaveLength(1);
  });

  it('refuses the same key with a different body (422) and writes nothing for it', async () => {
    const headers = { 'idempotency-key': 'reused-key' };
    const first = await intake.post(bodyFor('reuse@contoso.com'), { headers });
    expect(first.status).toBe(202);
    const other = await intake.post(bodyFor('reuse@contoso.com', { title: 'A completely different problem now' }), { headers });
    expect(other.status).toBe(422);
    expect(ProblemSchema.parse(await other.json()).type).toBe('https://baton.dev/problems/unprocessable');
    expect(await intake.ticketsOf('reuse@contoso.com')).toHaveLength(1);
  });

  it('refuses a key longer than the published 200 characters as a field error', async () => {
    const response = await intake.post(bodyFor('bad.key@contoso.com'), { headers: { 'idempotency-key': 'k'.repeat(201) } });
    expect(response.status).toBe(400);
    expect(ProblemSchema.parse(await response.json()).errors).toEqual([{ field: 'Idempotency-Key', message: 'must be 1 to 200 characters' }]);
  });
});
