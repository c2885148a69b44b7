/**
 * No timing oracle on which tickets exist: a wrong token for a ticket that exists and any token
 * for a ticket that does not are answered alike after the same work. Normally that is no store
 * read at all: the token is compared with the one the number would have (derived under the access
 * secret) and refused first. When that token cannot be derived, both still cost one store read,
 * one SHA-256 of the presented token and one constant-time comparison (against a dummy hash if
 * there is no ticket). The latencies themselves are measured by `npm run bench -- ticket-lookup`.
 */
import crypto from 'node:crypto';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { requesterTicketHandler } from '../../../shared/http-api/requester-handlers';
import type { TicketApiPort } from '../../../shared/http-api/ticket-api-port';
import { deriveRequesterToken, issueRequesterToken } from '../../../shared/auth/requester-token';
import { OrgConfigSchema } from '../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import type { TicketNumber } from '../../../shared/domain/ticket/ticket-number';
import type { TicketRead } from '../../../shared/store/ticket-repository';
import { ticketAccess } from '../../../shared/web/status/requester-access';
import { assignedTicket } from './support/ticket-story';

const ACCESS_SECRET = crypto.randomBytes(32);
const NUMBER = 'BTN-261124-T1M3D';
const issued = deriveRequesterToken(ACCESS_SECRET, NUMBER, 1);
const ticket = assignedTicket({ ticketNumber: NUMBER, accessTokenHash: issued.tokenHash, receivedAt: '2026-11-24T13:00:00.000Z' });
const MISSING = 'BTN-261124-N0N3X' as TicketNumber;
const WRONG_TOKEN = issueRequesterToken().token;

interface Work {
  readonly storeReads: number;
  readonly hashes: number;
  readonly comparisons: number;
}

/** A service whose access secret is at hand (`derivable`) or cannot be read right now. */
function countingPort(derivable: boolean): { port: TicketApiPort; reads: () => number } {
  let reads = 0;
  const found: TicketRead = { kind: 'found', ticket, stored: { ...ticket, appliedCommands: [] }, etag: '"1"' };
  const port: TicketApiPort = {
    readTicket: async (ticketNumber) => {
      reads += 1;
      return ticketNumber === ticket.ticketNumber ? found : { kind: 'not-found' };
    },
    accessTokenOf: async (ticketNumber) =>
      derivable ? { ok: true, token: deriveRequesterToken(ACCESS_SECRET, ticketNumber, 1).token } : { ok: false, reason: 'the access secret is unavailable' },
    applyToTicket: async () => {
      throw new Error('a lookup never changes a ticket');
    },
    queuePage: async () => ({ kind: 'read', rows: [], skipped: [] }),
    orgConfig: async () => ({ kind: 'loaded', config: OrgConfigSchema.parse(sampleOrgConfig) }),
    now: () => '2026-11-24T14:00:00.000Z',
  };
  return { port, reads: () => reads };
}

/** Runs `lookup` and counts the store reads and the hashing and comparing it did. */
async function workOf<T>(derivable: boolean, lookup: (port: TicketApiPort) => Promise<T>): Promise<{ answer: T; work: Work }> {
  const { port, reads } = countingPort(derivable);
  const hash = jest.spyOn(crypto, 'createHash');
  const compare = jest.spyOn(crypto, 'timingSafeEqual');
  try {
    const answer = await lookup(port);
    return { answer, work: { storeReads: reads(), hashes: hash.mock.calls.length, comparisons: compare.mock.calls.length } };
  } finally {
    hash.mockRestore();
    compare.mockRestore();
  }
}

function apiLookup(ticketNumber: string, token = WRONG_TOKEN) {
  const request = new HttpRequest({ url: `http://localhost/api/tickets/${ticketNumber}`, method: 'GET', headers: { authorization: `Bearer ${token}` }, params: { ticketNumber } });
  const context = new InvocationContext({ invocationId: 'test', functionName: 'test', logHandler: () => undefined });
  return async (port: TicketApiPort): Promise<HttpResponseInit> => (await requesterTicketHandler(() => port)(request, context)) as HttpResponseInit;
}

function withoutInstance(response: HttpResponseInit): unknown {
  const { instance: _path, ...rest } = response.jsonBody as Record<string, unknown>;
  return { status: response.status, headers: response.headers, body: rest };
}

describe('looking up a ticket with a token that does not open it', () => {
  it('is refused on the API before the store is read, whether the ticket exists or not, with the same 404', async () => {
    const existing = await workOf(true, apiLookup(ticket.ticketNumber));
    const missing = await workOf(true, apiLookup(MISSING));
    expect(existing.work).toEqual({ storeReads: 0, hashes: 3, comparisons: 1 });
    expect(missing.work).toEqual(existing.work);
    expect(existing.answer.status).toBe(404);
    expect(withoutInstance(missing.answer)).toEqual(withoutInstance(existing.answer));
  });

  it('takes the same work on the status page, for each access cookie presented', async () => {
    const presented = [WRONG_TOKEN, issueRequesterToken().token];
    const existing = await workOf(true, (port) => ticketAccess(port, ticket.ticketNumber, presented));
    const missing = await workOf(true, (port) => ticketAccess(port, MISSING, presented));
    expect(existing.work).toEqual({ storeReads: 0, hashes: 5, comparisons: 2 });
    expect(missing.work).toEqual(existing.work);
    expect([existing.answer, missing.answer]).toEqual([{ kind: 'denied' }, { kind: 'denied' }]);
  });

  it('takes the same work when the token cannot be derived: one read, one check against a real or a dummy hash', async () => {
    const existing = await workOf(false, apiLookup(ticket.ticketNumber));
    const missing = await workOf(false, apiLookup(MISSING));
    expect(existing.work).toEqual({ storeReads: 1, hashes: 1, comparisons: 1 });
    expect(missing.work).toEqual(existing.work);
    expect(withoutInstance(missing.answer)).toEqual(withoutInstance(existing.answer));
    const pageExisting = await workOf(false, (port) => ticketAccess(port, ticket.ticketNumber, [WRONG_TOKEN]));
    const pageMissing = await workOf(false, (port) => ticketAccess(port, MISSING, [WRONG_TOKEN]));
    expect(pageMissing.work).toEqual(pageExisting.work);
  });

  it('still opens the ticket for its own token, reading it once', async () => {
    const page = await workOf(true, (port) => ticketAccess(port, ticket.ticketNumber, [WRONG_TOKEN, issued.token]));
    expect(page.answer).toMatchObject({ kind: 'granted', token: issued.token });
    expect(page.work.storeReads).toBe(1);
    const api = await workOf(true, apiLookup(ticket.ticketNumber, issued.token));
    expect(api.answer.status).toBe(200);
    expect(api.work.storeReads).toBe(1);
  });
});
