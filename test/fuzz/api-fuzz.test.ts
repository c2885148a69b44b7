/**
 * Thousands of random, malformed and hostile requests to every operation of the running app (half
 * the bodies streamed without a Content-Length): none may be answered with a 5xx, and every error
 * must be an RFC 9457 problem. The run is bounded by a request count; a failure prints the seed
 * that replays it (BATON_FUZZ_SEED).
 */
import fc from 'fast-check';
import { API_OPERATIONS } from '../../shared/http-api/api-operations';
import { StaffTicketViewSchema } from '../../shared/http-api/staff-ticket-view';
import { ProblemSchema } from '../../shared/http-edge/problem';
import { MARIA } from '../unit/http-api/support/ticket-story';
import { startApiStack, STAFF, type ApiStack, type ForgedToken } from '../integration/http-api/support/api-stack';
import { fuzzRequest, type FuzzCredentials, type FuzzRequest } from './support/api-arbitraries';

const REQUESTS = 2000;
const CONCURRENCY = 8;
const SEED = Number(process.env.BATON_FUZZ_SEED ?? Date.now() % 2_147_483_647);

interface Outcome {
  readonly request: FuzzRequest;
  readonly status: number;
  readonly mediaType: string;
  readonly text: string;
  readonly ms: number;
}

let api: ApiStack;
let credentials: FuzzCredentials;
let outcomes: Outcome[] = [];
let elapsedMs = 0;

/** The body in two chunks and without Content-Length, as a proxy may forward it. */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  const middle = Math.floor(bytes.byteLength / 2);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.subarray(0, middle));
      controller.enqueue(bytes.subarray(middle));
      controller.close();
    },
  });
}

async function send(request: FuzzRequest): Promise<Outcome> {
  const started = performance.now();
  const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers: request.headers, redirect: 'manual' };
  if (request.body !== undefined) {
    init.body = request.streamed ? streamOf(request.body) : request.body;
    if (request.streamed) init.duplex = 'half';
  }
  const response = await fetch(`${api.baseUrl}${request.path}`, init);
  const text = await response.text();
  const mediaType = (response.headers.get('content-type') ?? '').split(';', 1)[0]?.trim() ?? '';
  return { request, status: response.status, mediaType, text, ms: performance.now() - started };
}

function describeOutcome(outcome: Outcome): string {
  const { request } = outcome;
  const body = request.body === undefined ? '' : Buffer.from(request.body).toString('utf8').slice(0, 300);
  return `seed ${SEED}: ${request.method} ${request.path.slice(0, 200)} ${request.streamed ? '(streamed) ' : ''}${JSON.stringify(request.headers).slice(0, 300)} ${body} → ${outcome.status} ${outcome.mediaType} ${outcome.text.slice(0, 300)}`;
}

/**
 * Answers the local Functions host gives before any function runs: no route (404/405), a path
 * parameter or header block its HTTP server refuses (414/431), a media type it cannot parse (415).
 * They carry no problem body because no Baton code produced them.
 */
const HOST_LEVEL_STATUSES = [404, 405, 414, 415, 431];

function isHostLevel(outcome: Outcome): boolean {
  if (!HOST_LEVEL_STATUSES.includes(outcome.status)) return false;
  return outcome.text === '' || /"code":"FST_/.test(outcome.text);
}

function isProblem(outcome: Outcome): boolean {
  if (outcome.mediaType !== 'application/problem+json') return false;
  try {
    const problem = ProblemSchema.safeParse(JSON.parse(outcome.text));
    return problem.success && problem.data.status === outcome.status;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  api = await startApiStack();
  const mine = await api.seedTicket({ engineer: MARIA });
  const theirs = await api.seedTicket();
  const forged: ForgedToken[] = ['expired', 'wrong-audience', 'wrong-issuer', 'bad-signature', 'no-role'];
  credentials = {
    ticketNumber: mine.ticket.ticketNumber,
    requesterToken: mine.token,
    otherRequesterToken: theirs.token,
    staffTokens: await Promise.all(Object.values(STAFF).map((identity) => api.staffToken(identity))),
    forgedTokens: await Promise.all(forged.map((kind) => api.forgedToken(kind))),
  };

  const requests = fc.sample(fuzzRequest(credentials), { numRuns: REQUESTS, seed: SEED });
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const request = requests[next];
      next += 1;
      if (request !== undefined) outcomes.push(await send(request));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  elapsedMs = performance.now() - started;
}, 240_000);

afterAll(async () => {
  outcomes = [];
  await api?.stop();
});

describe('the API under fuzzing', () => {
  it(`answers all ${REQUESTS} requests, reaching every operation`, () => {
    expect(outcomes).toHaveLength(REQUESTS);
    const reached = new Set(outcomes.map((outcome) => outcome.request.operationId));
    expect([...reached].sort()).toEqual(API_OPERATIONS.map((operation) => operation.operationId).sort());
    // The figure for the report: requests per second through the whole stack.
    console.info(`fuzz seed ${SEED}: ${REQUESTS} requests in ${Math.round(elapsedMs)} ms (${Math.round((REQUESTS / elapsedMs) * 1000)}/s)`);
    for (const operationId of reached) {
      const times = outcomes.filter((outcome) => outcome.request.operationId === operationId).map((outcome) => outcome.ms).sort((a, b) => a - b);
      const at = (share: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * share))] ?? 0);
      console.info(`${operationId}: ${times.length} requests, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
    }
  });

  it('never answers with a server error', () => {
    const serverErrors = outcomes.filter((outcome) => outcome.status >= 500);
    expect(serverErrors.map(describeOutcome)).toEqual([]);
  });

  it('answers every error a function gives with problem+json whose status matches the response', () => {
    const bare = outcomes.filter((outcome) => outcome.status >= 400 && !isProblem(outcome) && !isHostLevel(outcome));
    expect(bare.map(describeOutcome)).toEqual([]);
  });

  it('leaves only routing and media-type refusals to the host, and those are a small share', () => {
    const byHost = outcomes.filter(isHostLevel);
    const statuses = Object.fromEntries(HOST_LEVEL_STATUSES.map((status) => [status, byHost.filter((outcome) => outcome.status === status).length]));
    console.info(`fuzz seed ${SEED}: answered by the local host before any function: ${JSON.stringify(statuses)}`);
    expect(byHost.length).toBeLessThan(outcomes.length / 4);
  });

  it('still serves the ticket whole afterwards', async () => {
    const staffToken = credentials.staffTokens[0] ?? '';
    const response = await fetch(`${api.baseUrl}/api/staff/tickets/${credentials.ticketNumber}`, { headers: { authorization: `Bearer ${staffToken}` } });
    expect(response.status).toBe(200);
    const ticket = StaffTicketViewSchema.parse(await response.json());
    expect(ticket.timeline.map((entry) => entry.sequence)).toEqual(ticket.timeline.map((_, index) => index + 1));
  });
});
