import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from 'jose';
import type { StaffTokenPolicy } from '../../../shared/auth/staff-token';
import { fixedClock } from '../../../shared/clock';
import { ProblemSchema } from '../../../shared/http-edge/problem';
import { staffCommandHandler } from '../../../shared/http-api/staff-handlers';
import type { TicketApiPort } from '../../../shared/http-api/ticket-api-port';
import { sampleOrg } from '../domain/support/org-fixtures';
import { inMemoryPorts, type InMemoryPorts } from '../orchestration/support/in-memory-ports';
import { assignedTicket, MARIA } from './support/ticket-story';

const NOW = '2026-11-24T14:00:00.000Z';
const ticket = assignedTicket({ ticketNumber: 'BTN-261124-K3YS0', accessTokenHash: 'sha256:0123456789abcdef0123', receivedAt: '2026-11-24T13:00:00.000Z', engineer: MARIA });
const PATH = `/api/staff/tickets/${ticket.ticketNumber}/commands`;

let policy: StaffTokenPolicy;
let mariaToken: string;
let leadToken: string;
beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const keys: JWTVerifyGetKey = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });
  policy = { issuer: 'https://issuer.test', audience: 'api://baton', keys, clock: fixedClock(new Date(NOW)) };
  const at = Date.parse(NOW) / 1000;
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer('https://issuer.test').setAudience('api://baton').setIssuedAt(at).setExpirationTime(at + 600).sign(privateKey);
  mariaToken = await sign({ oid: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', roles: ['engineer'] });
  leadToken = await sign({ oid: 'grace-okafor', name: 'Grace Okafor', email: 'grace.okafor@css.example', roles: ['team-lead'] });
});

/** The real ticket service over an in-memory store, as the API port sees it. */
let store: InMemoryPorts;
beforeEach(() => {
  store = inMemoryPorts(sampleOrg(), () => NOW);
  store.put(ticket);
});
function apiPort(): TicketApiPort {
  return {
    readTicket: (number) => store.readTicket(number),
    applyToTicket: (number, decide, now, options) => store.applyToTicket(number, decide, now, options),
    orgConfig: () => store.orgConfig(),
    now: () => NOW,
    accessTokenOf: async () => ({ ok: false, reason: 'not used by staff commands' }),
    queuePage: async () => ({ kind: 'read', rows: [], skipped: [] }),
  };
}

async function send(body: unknown, headers: Record<string, string> = {}, token = mariaToken): Promise<HttpResponseInit> {
  const request = new HttpRequest({
    url: `http://localhost${PATH}`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    params: { ticketNumber: ticket.ticketNumber },
    body: { string: JSON.stringify(body) },
  });
  return staffCommandHandler({ port: apiPort, tokenPolicy: () => policy })(request, new InvocationContext({ functionName: 'staffCommand', logHandler: () => undefined }));
}

const timelineOf = (type: string) => store.ticket(ticket.ticketNumber).timeline.filter((event) => event.type === type);
const note = { type: 'internal-note', note: 'Compared the tenant policy with the sign-in logs.' };

describe('a staff command sent with an Idempotency-Key', () => {
  it('is recorded once when retried with the same key and body, and the retry answers as the first did', async () => {
    const first = await send(note, { 'Idempotency-Key': 'note-7f3a' });
    const retry = await send(note, { 'Idempotency-Key': 'note-7f3a' });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.jsonBody).toEqual(first.jsonBody);
    expect(first.headers).not.toHaveProperty('Idempotent-Replayed');
    expect(retry.headers).toMatchObject({ 'Idempotent-Replayed': 'true' });
    expect(timelineOf('internal-note-added')).toHaveLength(1);
  });

  it('is refused with 422 when the same key comes with another body, recording nothing', async () => {
    await send(note, { 'Idempotency-Key': 'note-7f3a' });
    const reused = await send({ ...note, note: 'Something else entirely.' }, { 'Idempotency-Key': 'note-7f3a' });
    expect(reused.status).toBe(422);
    expect(ProblemSchema.parse(reused.jsonBody).detail).toContain('Idempotency-Key was already used for a different command');
    expect(timelineOf('internal-note-added')).toHaveLength(1);
  });

  it('is the sender\'s own: another person\'s same key is another command', async () => {
    await send(note, { 'Idempotency-Key': 'note-7f3a' });
    const lead = await send(note, { 'Idempotency-Key': 'note-7f3a' }, leadToken);
    expect(lead.status).toBe(200);
    expect(timelineOf('internal-note-added')).toHaveLength(2);
  });

  it('records each command sent without a key, as before', async () => {
    await send(note);
    await send(note);
    expect(timelineOf('internal-note-added')).toHaveLength(2);
  });

  it('refuses a key longer than the API publishes, naming the header', async () => {
    const answer = await send(note, { 'Idempotency-Key': 'k'.repeat(201) });
    expect(answer.status).toBe(400);
    expect(ProblemSchema.parse(answer.jsonBody).errors).toEqual([{ field: 'Idempotency-Key', message: 'must be 1 to 200 characters' }]);
    expect(timelineOf('internal-note-added')).toHaveLength(0);
  });
});
