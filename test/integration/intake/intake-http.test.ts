/**
 * POST /api/tickets through the local host against the real local services: the ticket is in
 * Cosmos before the 202, the requester's email carries a working access link, every invalid
 * field is reported at once, the web form's urlencoded post works, and what a requester types is
 * never markup in an email.
 */
import { verifyRequesterToken } from '../../../shared/auth/requester-token';
import { ProblemSchema } from '../../../shared/http-edge/problem';
import { IntakeAnswerSchema } from '../../../shared/intake/intake-answer';
import { TICKET_NUMBER_PATTERN } from '../../../shared/store/ticket-number-allocation';
import { sampleIntakeBody } from '../ticket-service/support/sample-intake';
import { eventually, startIntakeStack, type IntakeStack } from './support/intake-stack';

jest.setTimeout(60_000);

function requester(email: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Ana Silva', email, timeZone: 'Europe/Lisbon', available24x7: false, ...extra };
}

describe('intake over HTTP', () => {
  let intake: IntakeStack;

  beforeAll(async () => {
    intake = await startIntakeStack();
  });
  afterAll(async () => {
    await intake?.stop();
  });

  it('stores the ticket before answering 202 with its number, links and token, and emails a working access link', async () => {
    const response = await intake.post(sampleIntakeBody({ requester: requester('happy.path@contoso.com') }));
    expect(response.status).toBe(202);
    const answer = IntakeAnswerSchema.parse(await response.json());
    expect(answer.ticketNumber).toMatch(TICKET_NUMBER_PATTERN);
    expect(answer.status).toBe('received');
    expect(response.headers.get('location')).toBe(answer.statusUrl);
    expect(answer.statusUrl).toBe(`${intake.stack.urls.host}/api/tickets/${answer.ticketNumber}`);
    expect(answer.accessLink).toBe(`${intake.stack.urls.host}/tickets/${answer.ticketNumber}?access=${answer.accessToken}`);

    // Durable before acknowledged: the document is there as soon as the answer is.
    const [stored] = await intake.ticketsOf('happy.path@contoso.com');
    expect(stored?.ticketNumber).toBe(answer.ticketNumber);
    expect(stored?.timeline[0]?.type).toBe('ticket-received');
    expect(verifyRequesterToken(answer.accessToken, stored?.accessTokenHash ?? '')).toBe(true);

    const received = await eventually(
      () => intake.mailTo('happy.path@contoso.com').filter((mail) => mail.subject.startsWith('Received: ')),
      (mails) => mails.length > 0,
    );
    expect(received).toHaveLength(1);
    const link = /href="([^"]+)"/.exec(received[0]?.html ?? '')?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBe(answer.accessLink);
    const token = new URL(link ?? 'http://invalid').searchParams.get('access');
    expect(verifyRequesterToken(token, stored?.accessTokenHash ?? '')).toBe(true);
  });

  it('reports every missing field of an empty form at once', async () => {
    const response = await intake.post({});
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(
      ['businessImpact', 'company', 'description', 'productArea', 'requester', 'scope', 'severity', 'tenantDomain', 'title'].sort(),
    );
    expect(new Set(problem.errors?.map((error) => error.message))).toEqual(new Set(['is required']));
  });

  it('reports every malformed field with its reason', async () => {
    const response = await intake.post(
      sampleIntakeBody({
        requester: { name: 'A', email: 'not-an-address', timeZone: 'Mars/Olympus', available24x7: 'yes', phone: 'call me' },
        tenantDomain: 'contoso.com',
        productArea: 'Entra ID',
        severity: 'D',
        scope: 'hybrid',
        title: 'short',
        description: 'too short',
        businessImpact: 'bad',
        whatWasTried: 'x'.repeat(5000),
        favouriteColour: 'blue',
      }),
    );
    expect(response.status).toBe(400);
    const problem = ProblemSchema.parse(await response.json());
    const fields = new Map(problem.errors?.map((error) => [error.field, error.message]));
    expect([...fields.keys()].sort()).toEqual(
      [
        'requester.name',
        'requester.email',
        'requester.timeZone',
        'requester.available24x7',
        'requester.phone',
        'tenantDomain',
        'productArea',
        'severity',
        'scope',
        'title',
        'description',
        'businessImpact',
        'whatWasTried',
        'favouriteColour',
      ].sort(),
    );
    expect(fields.get('severity')).toBe('must be one of A, B, C');
    expect(fields.get('title')).toBe('must be at least 8 characters');
    expect(fields.get('favouriteColour')).toBe('is not a field of this form');
    expect(await intake.ticketsOf('not-an-address')).toHaveLength(0);
  });

  it('answers 400, not 500, for a body that is not JSON, and 415 for a media type it does not take', async () => {
    const broken = await intake.post('{"requester": ');
    expect(broken.status).toBe(400);
    expect(ProblemSchema.parse(await broken.json()).type).toBe('https://baton.dev/problems/malformed-body');
    const notAnObject = await intake.post('[1,2,3]');
    expect(notAnObject.status).toBe(400);
    const xml = await fetch(intake.ticketsUrl, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<ticket/>' });
    expect(xml.status).toBe(415);
  });

  it('accepts the web form’s urlencoded post, and redirects a browser to the status page', async () => {
    const asApi = await intake.post(sampleIntakeBody({ requester: requester('form.post@contoso.com', { available24x7: true }) }), { form: true });
    expect(asApi.status).toBe(202);
    const answer = IntakeAnswerSchema.parse(await asApi.json());

    const asBrowser = await intake.post(sampleIntakeBody({ requester: requester('form.browser@contoso.com') }), { form: true, headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(asBrowser.status).toBe(303);
    expect(asBrowser.headers.get('location')).toMatch(new RegExp(`/tickets/BTN-\\d{6}-[0-9A-Z]{5}\\?access=[A-Za-z0-9_-]{43}$`));

    const [stored] = await intake.ticketsOf('form.post@contoso.com');
    expect(stored?.ticketNumber).toBe(answer.ticketNumber);
    expect(stored?.requester.available24x7).toBe(true);
    expect(await intake.ticketsOf('form.browser@contoso.com')).toHaveLength(1);
  });

  it('escapes HTML typed into every field of the form in the email it sends', async () => {
    const payload = (field: string) => `<script>alert("${field}")</script><img src=x onerror=alert(1)>`;
    const body = sampleIntakeBody({
      requester: requester('injection@contoso.com', { name: payload('name'), phone: '+44 20 7946 0000' }),
      company: payload('company'),
      title: payload('title'),
      description: `${payload('description')} and enough words describing the failure for the engineer`,
      businessImpact: payload('businessImpact'),
      whatWasTried: payload('whatWasTried'),
      errorText: payload('errorText'),
      reproductionSteps: payload('reproductionSteps'),
      expectedBehaviour: payload('expectedBehaviour'),
      actualBehaviour: payload('actualBehaviour'),
      attachmentsNote: payload('attachmentsNote'),
    });
    const response = await intake.post(body);
    expect(response.status).toBe(202);
    const [mail] = await eventually(() => intake.mailTo('injection@contoso.com'), (mails) => mails.length > 0);
    const html = mail?.html ?? '';
    expect(html).not.toMatch(/<script|<img/i);
    for (const field of ['name', 'company', 'title', 'description', 'businessImpact']) {
      expect(html).toContain(`&lt;script&gt;alert(&quot;${field}&quot;)&lt;/script&gt;`);
    }
    // The subject is plain text: the title is kept as typed, never turned into markup.
    expect(mail?.subject).toContain(payload('title'));
  });
});
