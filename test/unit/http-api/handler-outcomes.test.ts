import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { exportJWK, generateKeyPair, createLocalJWKSet, SignJWT, type JWTVerifyGetKey } from 'jose';
import { requesterActionHandler, requesterTicketHandler } from '../../../shared/http-api/requester-handlers';
import { REQUESTER_ACTIONS } from '../../../shared/http-api/requester-actions';
import { staffCommandHandler, staffTicketHandler } from '../../../shared/http-api/staff-handlers';
import type { TicketApiPort } from '../../../shared/http-api/ticket-api-port';
import { issueRequesterToken } from '../../../shared/auth/requester-token';
import type { StaffTokenPolicy } from '../../../shared/auth/staff-token';
import { fixedClock } from '../../../shared/clock';
import { OrgConfigSchema } from '../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import { ProblemSchema } from '../../../shared/http-edge/problem';
import { withProblemBoundary } from '../../../shared/http-edge/problem-boundary';
import type { ApplyResult } from '../../../shared/ticket-service/apply-to-ticket';
import type { TicketRead } from '../../../shared/store/ticket-repository';
import { assignedTicket } from './support/ticket-story';

const NOW = '2026-11-24T14:00:00.000Z';
const org = OrgConfigSchema.parse(sampleOrgConfig);
const issued = issueRequesterToken();
const ticket = assignedTicket({ ticketNumber: 'BTN-261124-H4NDL', accessTokenHash: issued.tokenHash, receivedAt: '2026-11-24T13:00:00.000Z' });
const stored = { ...ticket, appliedCommands: [] };
const otherNumbersToken = issueRequesterToken().token;
const unavailable = { kind: 'unavailable', retryAfterSeconds: 7, reason: 'store answered 503' } as const;

function port(overrides: Partial<TicketApiPort> = {}): () => TicketApiPort {
  const read: TicketRead = { kind: 'found', ticket, stored, etag: '"1"' };
  return () => ({
    readTicket: async (number) => (number === ticket.ticketNumber ? read : { kind: 'not-found' }),
    // The token each number would have: this ticket's for its own number, another for any other.
    accessTokenOf: async (number) => ({ ok: true, token: number === ticket.ticketNumber ? issued.token : otherNumbersToken }),
    applyToTicket: async (): Promise<ApplyResult> => ({ kind: 'unchanged', ticket }),
    queuePage: async () => ({ kind: 'read', rows: [ticket], skipped: [] }),
    orgConfig: async () => ({ kind: 'loaded', config: org }),
    now: () => NOW,
    ...overrides,
  });
}

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string; params?: Record<string, string> } = {}): HttpRequest {
  return new HttpRequest({
    url: `http://localhost${path}`,
    method: init.method ?? 'GET',
    headers: init.headers ?? {},
    params: init.params ?? { ticketNumber: ticket.ticketNumber },
    ...(init.body === undefined ? {} : { body: { string: init.body } }),
  });
}

function context(): InvocationContext {
  return new InvocationContext({ invocationId: 'test', functionName: 'test', logHandler: () => undefined });
}

function problem(response: HttpResponseInit) {
  expect(response.headers).toMatchObject({ 'Content-Type': 'application/problem+json' });
  return ProblemSchema.parse(response.jsonBody);
}

/** A service that records what the handler asked the domain to decide, and changes nothing. */
function recordingDecision(record: (decided: unknown) => void): TicketApiPort['applyToTicket'] {
  return async (_ticketNumber, decide) => {
    record(decide(ticket));
    return { kind: 'unchanged', ticket };
  };
}

const reply = REQUESTER_ACTIONS.find((action) => action.name === 'requesterReply');
if (reply === undefined) throw new Error('the reply action is missing');

describe('requester answers from the ticket service', () => {
  const bearer = { authorization: `Bearer ${issued.token}` };

  it('reads a wrong token exactly like a missing ticket', async () => {
    const handler = requesterTicketHandler(port());
    const wrong = problem(await handler(request(`/api/tickets/${ticket.ticketNumber}`, { headers: { authorization: `Bearer ${issueRequesterToken().token}` } }), context()));
    const missing = problem(await handler(request('/api/tickets/BTN-261124-NONE0', { headers: bearer, params: { ticketNumber: 'BTN-261124-NONE0' } }), context()));
    expect({ ...wrong, instance: undefined }).toEqual({ ...missing, instance: undefined });
    expect(wrong.status).toBe(404);
  });

  it('answers 503 with Retry-After while the store is down, before and after the decision', async () => {
    const reading = await requesterTicketHandler(port({ readTicket: async () => ({ kind: 'failed', failure: unavailable }) }))(request(`/api/tickets/${ticket.ticketNumber}`, { headers: bearer }), context());
    expect(reading.status).toBe(503);
    expect(reading.headers).toMatchObject({ 'Retry-After': '7' });
    const applying = await requesterActionHandler(reply, port({ applyToTicket: async () => ({ kind: 'unavailable', failure: unavailable }) }))(
      request(`/api/tickets/${ticket.ticketNumber}/replies`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: '{"message":"hello"}' }),
      context(),
    );
    expect(problem(applying).status).toBe(503);
  });

  it('turns a broken service into a generic 500 with a correlation id and nothing of the cause', async () => {
    const handler = withProblemBoundary(requesterActionHandler(reply, port({ applyToTicket: async () => ({ kind: 'failed', reason: 'secret internal detail' }) })));
    const answer = await handler(
      request(`/api/tickets/${ticket.ticketNumber}/replies`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: '{"message":"hello"}' }),
      context(),
    );
    const body = problem(answer);
    expect(body.status).toBe(500);
    expect(body.correlationId).toBeDefined();
    expect(JSON.stringify(body)).not.toContain('secret internal detail');
  });

  it('hands the domain the command the action stands for, as the ticket’s requester', async () => {
    let seen: unknown;
    const handler = requesterActionHandler(reply, port({ applyToTicket: recordingDecision((decided) => (seen = decided)) }));
    const answer = await handler(
      request(`/api/tickets/${ticket.ticketNumber}/replies`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' }, body: 'message=From+the+form' }),
      context(),
    );
    expect(answer.status).toBe(200);
    expect(seen).toEqual({ type: 'customer-reply', message: 'From the form', actor: { role: 'requester', id: 'ana.silva@contoso.com', name: 'Ana Silva' } });
  });
});

describe('staff answers', () => {
  let policy: StaffTokenPolicy;
  let sign: (claims: Record<string, unknown>) => Promise<string>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const keys: JWTVerifyGetKey = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });
    policy = { issuer: 'https://issuer.test', audience: 'api://baton', keys, clock: fixedClock(new Date(NOW)) };
    const nowSeconds = Date.parse(NOW) / 1000;
    sign = (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer('https://issuer.test').setAudience('api://baton').setIssuedAt(nowSeconds).setExpirationTime(nowSeconds + 600).sign(privateKey);
  });

  it('answers 503 when the identity provider keys cannot be fetched, not 401', async () => {
    const unreachable: StaffTokenPolicy = { ...policy, keys: async () => Promise.reject(new Error('connect ECONNREFUSED')) };
    const token = await sign({ oid: 'x', email: 'x@css.example', roles: ['admin'] });
    const answer = await staffTicketHandler({ port: port(), tokenPolicy: () => unreachable })(request(`/api/staff/tickets/${ticket.ticketNumber}`, { headers: { authorization: `Bearer ${token}` } }), context());
    expect(problem(answer).status).toBe(503);
  });

  it('issues the command as the roster engineer whose directory id the token carries as oid, with the role the matrix allows', async () => {
    let seen: unknown;
    const engineers = org.roster.engineers.map((engineer) => (engineer.id === 'maria-garcia' ? { ...engineer, directoryId: 'entra-oid-1' } : engineer));
    const entraOrg = { ...org, roster: { ...org.roster, engineers } };
    const token = await sign({ oid: 'entra-oid-1', name: 'María García', email: 'someone.else@css.example', roles: ['engineer', 'tam'] });
    const handler = staffCommandHandler({
      port: port({ applyToTicket: recordingDecision((decided) => (seen = decided)), orgConfig: async () => ({ kind: 'loaded', config: entraOrg }) }),
      tokenPolicy: () => policy,
    });
    const answer = await handler(
      request(`/api/staff/tickets/${ticket.ticketNumber}/commands`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"type":"acknowledge","message":"On it"}' }),
      context(),
    );
    expect(answer.status).toBe(200);
    expect(seen).toEqual({ type: 'acknowledge', message: 'On it', actor: { role: 'engineer', id: 'maria-garcia', name: 'María García' } });
  });

  it('refuses a command reserved to the requester by role, naming it', async () => {
    const token = await sign({ oid: 'lead', email: 'grace.okafor@css.example', roles: ['team-lead'] });
    const answer = await staffCommandHandler({ port: port(), tokenPolicy: () => policy })(
      request(`/api/staff/tickets/${ticket.ticketNumber}/commands`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"type":"confirm-resolution"}' }),
      context(),
    );
    expect(problem(answer)).toMatchObject({ status: 403, detail: 'a team lead cannot confirm resolution' });
  });
});
