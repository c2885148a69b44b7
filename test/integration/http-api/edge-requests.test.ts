/**
 * Requests that Azure's host hands to Baton's functions rather than refusing them itself: a
 * Content-Type nobody can parse and a route value far longer than any ticket number. Each gets a
 * clear 4xx from the function that owns the route (a problem on the API, a page on the site),
 * never a 500.
 */
import { ProblemSchema, ProblemTypes } from '../../../shared/http-edge/problem';
import { assetUrl } from '../../../shared/web/static-assets';
import { bearer, callApi, type ApiAnswer } from './support/api-call';
import { startApiStack, STAFF, type ApiStack } from './support/api-stack';

const UNPARSEABLE_CONTENT_TYPE = 'foo/bar;;;';
const LONG_TICKET_NUMBER = 'T'.repeat(400);

let api: ApiStack;
let staffToken: string;

beforeAll(async () => {
  api = await startApiStack();
  staffToken = await api.staffToken(STAFF.assignedEngineer);
}, 180_000);

afterAll(() => api?.stop());

function problemOf(answer: ApiAnswer) {
  expect(answer.mediaType).toBe('application/problem+json');
  return ProblemSchema.parse(answer.body);
}

/** What a client that mislabels its body sends: the bytes as they are, under a broken Content-Type. */
async function postMislabelled(path: string, body: string, headers: Record<string, string> = {}): Promise<ApiAnswer> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': UNPARSEABLE_CONTENT_TYPE },
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  const mediaType = (response.headers.get('content-type') ?? '').split(';', 1)[0]?.trim() ?? '';
  return { status: response.status, mediaType, headers: response.headers, text, body: mediaType.endsWith('json') ? (JSON.parse(text) as unknown) : undefined };
}

describe('a Content-Type nobody can parse', () => {
  it('gets 415 from the intake API, naming the media types it accepts', async () => {
    const answer = await postMislabelled('/api/tickets', JSON.stringify({ company: 'Contoso Ltd' }));
    expect(answer.status).toBe(415);
    const problem = problemOf(answer);
    expect(problem).toMatchObject({ type: ProblemTypes.unsupportedMediaType, status: 415, instance: '/api/tickets' });
    expect(problem.detail).toContain('application/json');
  });

  it('gets 415 from a requester action on an existing ticket', async () => {
    const seeded = await api.seedTicket();
    const answer = await postMislabelled(`/api/tickets/${seeded.ticket.ticketNumber}/replies`, '{"message":"any news?"}', bearer(seeded.token));
    expect(answer.status).toBe(415);
    expect(problemOf(answer).type).toBe(ProblemTypes.unsupportedMediaType);
  });

  it('gets the support request form back, marked not received, with 415 on the site', async () => {
    const answer = await postMislabelled('/', 'company=Contoso', { accept: 'text/html' });
    expect(answer.status).toBe(415);
    expect(answer.mediaType).toBe('text/html');
    expect(answer.text).toContain('<form');
    expect(answer.text).toContain('could not be read');
  });
});

describe('a ticket number of 400 characters in the path', () => {
  it('is an unknown ticket to the requester API', async () => {
    const seeded = await api.seedTicket();
    const answer = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${LONG_TICKET_NUMBER}`, headers: bearer(seeded.token) });
    expect(answer.status).toBe(404);
    expect(problemOf(answer).type).toBe(ProblemTypes.notFound);
  });

  it('is an unknown ticket to the staff API', async () => {
    const answer = await callApi(api.baseUrl, { method: 'GET', path: `/api/staff/tickets/${LONG_TICKET_NUMBER}`, headers: bearer(staffToken) });
    expect(answer.status).toBe(404);
    expect(problemOf(answer).type).toBe(ProblemTypes.notFound);
  });

  it('gets the "ticket not available" page with 404 on the site', async () => {
    const answer = await callApi(api.baseUrl, { method: 'GET', path: `/tickets/${LONG_TICKET_NUMBER}` });
    expect(answer.status).toBe(404);
    expect(answer.mediaType).toBe('text/html');
    expect(answer.text).toContain('We cannot open this ticket');
  });
});

describe('X-Content-Type-Options: nosniff, from host.json on every answer', () => {
  it('goes with JSON, problem+json, HTML pages and static assets alike', async () => {
    const seeded = await api.seedTicket();
    const answers = {
      json: await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${seeded.ticket.ticketNumber}`, headers: bearer(seeded.token) }),
      problem: await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${seeded.ticket.ticketNumber}`, headers: bearer('not-the-token') }),
      html: await callApi(api.baseUrl, { method: 'GET', path: '/' }),
      asset: await callApi(api.baseUrl, { method: 'GET', path: assetUrl('site.css') }),
    };
    expect(Object.values(answers).map((answer) => [answer.status, answer.mediaType])).toEqual([
      [200, 'application/json'],
      [404, 'application/problem+json'],
      [200, 'text/html'],
      [200, 'text/css'],
    ]);
    for (const answer of Object.values(answers)) expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
