/**
 * No timing oracle on which tickets exist: a wrong token for a ticket that exists and any token
 * for a ticket that does not are answered alike after the same work — one store read, one SHA-256
 * of the presented token, one constant-time comparison. (The measured latencies are in
 * `npm run bench -- ticket-lookup`; this checks the mechanism that makes them equal.)
 */
import crypto from 'node:crypto';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { requesterTicketHandler } from '../../../shared/api/requester-handlers';
import type { TicketApiPort } from '../../../shared/api/ticket-api-port';
import { issueRequesterToken } from '../../../shared/auth/requester-token';
import { OrgConfigSchema } from '../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import type { TicketNumber } from '../../../shared/domain/ticket/ticket-number';
import type { TicketRead } from '../../../shared/tickets/ticket-repository';
import { ticketAccess } from '../../../shared/web/status/requester-access';
import { assignedTicket } from './support/ticket-story';

const issued = issueRequesterToken();
const ticket = assignedTicket({ ticketNumber: 'BTN-261124-T1M3D', accessTokenHash: issued.tokenHash, receivedAt: '2026-11-24T13:00:00.000Z' });
const MISSING = 'BTN-261124-N0N3X' as TicketNumber;
const WRONG_TOKEN = issueRequesterToken().token;

interface Work {
  readonly storeReads: number;
  readonly hashes: number;
  readonly comparisons: number;
}

function countingPort(): { port: TicketApiPort; reads: () => number } {
  let reads = 0;
  const found: TicketRead = { kind: 'found', ticket, stored: { ...ticket, appliedCommands: [] }, etag: '"1"' };
  const port: TicketApiPort = {
    readTicket: async (ticketNumber) => {
      reads += 1;
      return ticketNumber === ticket.ticketNumber ? found : { kind: 'not-found' };
    },
    applyToTicket: async () => {
      throw new Error('a lookup never changes a ticket');
    },
    queueView: async () => ({ kind: 'read', tickets: [], skipped: [] }),
    orgConfig: async () => ({ kind: 'loaded', config: OrgConfigSchema.parse(sampleOrgConfig) }),
    now: () => '2026-11-24T14:00:00.000Z',
  };
  return { port, reads: () => reads };
}

/** Runs `lookup` and counts the store reads and the hashing and comparing it did. */
async function workOf<T>(lookup: (port: TicketApiPort) => Promise<T>): Promise<{ answer: T; work: Work }> {
  const { port, reads } = countingPort();
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

function apiLookup(ticketNumber: string) {
  const request = new HttpRequest({ url: `http://localhost/api/tickets/${ticketNumber}`, method: 'GET', headers: { authorization: `Bearer ${WRONG_TOKEN}` }, params: { ticketNumber } });
  const context = new InvocationContext({ invocationId: 'test', functionName: 'test', logHandler: () => undefined });
  return (port: TicketApiPort): Promise<HttpResponseInit> => Promise.resolve(requesterTicketHandler(() => port)(request, context)) as Promise<HttpResponseInit>;
}

function withoutInstance(response: HttpResponseInit): unknown {
  const { instance: _path, ...rest } = response.jsonBody as Record<string, unknown>;
  return { status: response.status, headers: response.headers, body: rest };
}

describe('looking up a ticket with a token that does not open it', () => {
  it('takes the same work on the API whether the ticket exists or not, and answers the same 404', async () => {
    const existing = await workOf(apiLookup(ticket.ticketNumber));
    const missing = await workOf(apiLookup(MISSING));
    expect(existing.work).toEqual({ storeReads: 1, hashes: 1, comparisons: 1 });
    expect(missing.work).toEqual(existing.work);
    expect(existing.answer.status).toBe(404);
    expect(withoutInstance(missing.answer)).toEqual(withoutInstance(existing.answer));
  });

  it('takes the same work on the status page, for each access cookie presented', async () => {
    const presented = [WRONG_TOKEN, issueRequesterToken().token];
    const existing = await workOf((port) => ticketAccess(port, ticket.ticketNumber, presented));
    const missing = await workOf((port) => ticketAccess(port, MISSING, presented));
    expect(existing.work).toEqual({ storeReads: 1, hashes: 2, comparisons: 2 });
    expect(missing.work).toEqual(existing.work);
    expect([existing.answer, missing.answer]).toEqual([{ kind: 'denied' }, { kind: 'denied' }]);
  });

  it('still opens the ticket for its own token', async () => {
    const right = await workOf((port) => ticketAccess(port, ticket.ticketNumber, [issued.token]));
    expect(right.answer).toMatchObject({ kind: 'granted', token: issued.token });
    expect(right.work).toEqual({ storeReads: 1, hashes: 1, comparisons: 1 });
  });
});
