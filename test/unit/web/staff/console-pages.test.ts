import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import type { StoreFailure } from '../../../../shared/store/store-failure';
import { UnexpectedStoreFailure } from '../../../../shared/http-edge/store-failure-problem';
import { myWorkPage, queuePage, tamPage } from '../../../../shared/web/staff/console-pages';
import type { ConsolePort } from '../../../../shared/web/staff/console-port';
import type { StaffSession } from '../../../../shared/web/staff/staff-session';
import { MARIA_PRINCIPAL, NOW, ORG, TOM_PRINCIPAL } from './support/console-tickets';

const UNAVAILABLE: StoreFailure = { kind: 'unavailable', retryAfterSeconds: 7, reason: 'the stand-in answers 503' };

/** A port whose every read fails as given, and which must never be asked to change a ticket. */
function failingPort(failure: StoreFailure): ConsolePort {
  return {
    orgConfig: async () => ({ kind: 'loaded', config: ORG }),
    now: () => NOW,
    applyToTicket: async () => {
      throw new Error('no page may change a ticket on a GET');
    },
    openTicketSummaries: async () => ({ kind: 'failed', failure }),
    openTicketsAssignedTo: async () => ({ kind: 'failed', failure }),
    openTicketsUnderContracts: async () => ({ kind: 'failed', failure }),
  };
}

function session(principal = MARIA_PRINCIPAL): StaffSession {
  return { principal, csrfToken: 'csrf-token-0123456789', expiresAt: '2026-11-24T15:00:00.000Z' };
}

const get = (path: string) => new HttpRequest({ url: `http://127.0.0.1:7071${path}`, method: 'GET' });

describe('the console\'s list pages when the store is unavailable', () => {
  it.each([
    ['My work', () => myWorkPage(failingPort(UNAVAILABLE))(get('/staff'), session())],
    ['the queue', () => queuePage(failingPort(UNAVAILABLE))(get('/staff/queue'), session())],
    ['the TAM view', () => tamPage(failingPort(UNAVAILABLE))(get('/staff/tam'), session(TOM_PRINCIPAL))],
  ])('%s answers 503 with Retry-After and says to reload, inside the console frame', async (_page, open) => {
    const response: HttpResponseInit = await open();
    expect(response.status).toBe(503);
    expect(response.headers).toMatchObject({ 'Retry-After': '7' });
    expect(String(response.body)).toContain('Please reload this page in 7 seconds.');
    expect(String(response.body)).toContain('action="/staff/sign-out"');
  });

  it('leaves an unexpected store failure to the page boundary, which logs it', async () => {
    const unexpected: StoreFailure = { kind: 'unexpected', reason: 'a bug', statusCode: 500 };
    await expect(queuePage(failingPort(unexpected))(get('/staff/queue'), session())).rejects.toBeInstanceOf(UnexpectedStoreFailure);
  });
});

describe('tickets a list could not show', () => {
  it('are counted in a notice on My work rather than dropped silently', async () => {
    const port: ConsolePort = {
      ...failingPort(UNAVAILABLE),
      openTicketsAssignedTo: async () => ({ kind: 'read', tickets: [], skipped: [{ id: 'BTN-20261124-00001', reason: 'not found' }, { id: 'BTN-20261124-00002', reason: 'not found' }] }),
    };
    const response = await myWorkPage(port)(get('/staff'), session());
    expect(response.status).toBe(200);
    expect(String(response.body)).toContain('2 tickets could not be shown on this page.');
  });
});

describe('the queue a team lead is sent back to after assigning from it', () => {
  it('is read after the index catches up with the store, since another instance may have written the assignment', async () => {
    const reads: (boolean | undefined)[] = [];
    const port: ConsolePort = {
      ...failingPort(UNAVAILABLE),
      openTicketSummaries: async (read) => {
        reads.push(read?.afterAChange);
        return { kind: 'read', summaries: [], skipped: 0 };
      },
    };
    await queuePage(port)(get('/staff/queue?assignee=unassigned'), session());
    await queuePage(port)(get('/staff/queue?assignee=unassigned&assign=assigned&assign-ticket=BTN-20261124-00004&assign-to=priya-nair'), session());
    expect(reads).toEqual([false, true]);
  });
});
