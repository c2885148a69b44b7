/**
 * Random, malformed and hostile requests to every web page of the running app (the requester's
 * form, status page and action forms, the staff console with a real session, its sign-in routes,
 * the assets): none may be answered with a 5xx or left unanswered, none may show the markup it was
 * sent, none may redirect off the site (but to its identity provider), and none without a staff
 * session may show another customer's ticket. The run is bounded by a request count; a failure
 * prints the seed that replays it (BATON_FUZZ_SEED).
 */
import fc from 'fast-check';
import { startApiStack, type ApiStack } from '../integration/http-api/support/api-stack';
import { HOSTILE_MARKUP, oversizedFormPosts, webFuzzRequest, type WebFuzzCredentials, type WebFuzzRequest } from './support/web-arbitraries';
import { signInToConsole } from './support/web-sign-in';

const REQUESTS = 800;
const CONCURRENCY = 6;
/** Far above any page's time on a busy machine; a request still open by then is hanging. */
const ANSWER_WITHIN_MS = 20_000;
const SEED = Number(process.env.BATON_FUZZ_SEED ?? Date.now() % 2_147_483_647);
const OTHER_CUSTOMERS_TITLE = 'Payroll export of another customer fails at month end';

interface Outcome {
  readonly request: WebFuzzRequest;
  readonly status: number;
  readonly location: string;
  readonly mediaType: string;
  readonly text: string;
}

let api: ApiStack;
let credentials: WebFuzzCredentials;
let identityOrigin: string;
const outcomes: Outcome[] = [];
let oversized: Outcome[] = [];

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  // Two chunks, so the reader meets the limit mid-stream as it would from a slow client.
  const middle = Math.floor(bytes.byteLength / 2);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.subarray(0, middle));
      controller.enqueue(bytes.subarray(middle));
      controller.close();
    },
  });
}

async function send(request: WebFuzzRequest): Promise<Outcome> {
  const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers: request.headers, redirect: 'manual', signal: AbortSignal.timeout(ANSWER_WITHIN_MS) };
  if (request.body !== undefined) {
    init.body = request.streamed ? streamOf(request.body) : request.body;
    if (request.streamed) init.duplex = 'half';
  }
  try {
    const response = await fetch(`${credentials.siteUrl}${request.path}`, init);
    const text = await response.text();
    const mediaType = (response.headers.get('content-type') ?? '').split(';', 1)[0]?.trim() ?? '';
    return { request, status: response.status, location: response.headers.get('location') ?? '', mediaType, text };
  } catch (error: unknown) {
    // No answer in time (or the connection dropped): recorded as status 0, which the tests refuse.
    return { request, status: 0, location: '', mediaType: '', text: error instanceof Error ? error.message : String(error) };
  }
}

function describeOutcome(outcome: Outcome): string {
  const { request } = outcome;
  const body = request.body === undefined ? '' : Buffer.from(request.body).toString('utf8').slice(0, 200);
  return `seed ${SEED}: ${request.method} ${request.path.slice(0, 200)} ${request.streamed ? '(streamed) ' : ''}${JSON.stringify(request.headers).slice(0, 300)} ${body} → ${outcome.status} ${outcome.location} ${outcome.text.replace(/\s+/g, ' ').slice(0, 300)}`;
}

beforeAll(async () => {
  api = await startApiStack();
  const mine = await api.seedTicket();
  const theirs = await api.seedTicket({ intakeOverrides: { title: OTHER_CUSTOMERS_TITLE } });
  const siteUrl = api.baseUrl;
  identityOrigin = new URL(api.stack.urls.identity ?? 'http://identity.invalid').origin;
  const session = await signInToConsole(siteUrl, 'grace-okafor');
  credentials = {
    siteUrl,
    ticketNumber: mine.ticket.ticketNumber,
    accessToken: mine.token,
    otherAccessToken: theirs.token,
    staffSessionCookie: session.cookie,
    csrfToken: session.csrfToken,
  };

  const requests = fc.sample(webFuzzRequest(credentials), { numRuns: REQUESTS, seed: SEED });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const request = requests[next];
      next += 1;
      if (request !== undefined) outcomes.push(await send(request));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  oversized = await Promise.all(oversizedFormPosts(credentials).map(send));
}, 300_000);

afterAll(async () => {
  await api?.stop();
});

describe('the web pages under fuzzing', () => {
  it(`answer all ${REQUESTS} requests, each within ${ANSWER_WITHIN_MS / 1000} s, and never with a server error`, () => {
    expect(outcomes).toHaveLength(REQUESTS);
    const broken = outcomes.filter((outcome) => outcome.status === 0 || outcome.status >= 500);
    expect(broken.map(describeOutcome)).toEqual([]);
    const statuses: Record<string, number> = {};
    for (const outcome of outcomes) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
    console.info(`web fuzz seed ${SEED}: statuses ${JSON.stringify(statuses)}; streamed ${outcomes.filter((outcome) => outcome.request.streamed).length}`);
  });

  it('refuse every form past the size limit with 413, whether its length was declared or it was streamed', () => {
    expect(oversized.length).toBeGreaterThan(0);
    const otherwise = oversized.filter((outcome) => outcome.status !== 413);
    expect(otherwise.map(describeOutcome)).toEqual([]);
  });

  it('never show the markup they were sent', () => {
    const echoed = outcomes.filter((outcome) => outcome.text.includes(HOSTILE_MARKUP) || /<script>alert/i.test(outcome.text));
    expect(echoed.map(describeOutcome)).toEqual([]);
  });

  it('redirect only within the site, or to its identity provider', () => {
    const offSite = outcomes.filter((outcome) => {
      if (outcome.location === '') return false;
      const target = new URL(outcome.location, credentials.siteUrl).origin;
      return target !== new URL(credentials.siteUrl).origin && target !== identityOrigin;
    });
    expect(offSite.map(describeOutcome)).toEqual([]);
  });

  it('show another customer’s ticket to nobody without a staff session', () => {
    const leaked = outcomes.filter((outcome) => !outcome.request.asStaff && outcome.text.includes(OTHER_CUSTOMERS_TITLE));
    expect(leaked.map(describeOutcome)).toEqual([]);
  });

  it('answer every page Baton wrote as HTML, and every refusal of the host before Baton as an empty answer', () => {
    const odd = outcomes.filter((outcome) => outcome.status >= 400 && outcome.text !== '' && !['text/html', 'text/plain', 'application/problem+json'].includes(outcome.mediaType));
    expect(odd.map(describeOutcome)).toEqual([]);
  });
});
