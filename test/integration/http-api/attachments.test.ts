/**
 * Attachments through the running app's API: what the requester and staff upload, what each may
 * download and how it is served, a refused file named beside the ones kept, and an attachment of
 * one ticket opening nothing on another.
 */
import { z } from 'zod';
import { ProblemSchema } from '../../../shared/http-edge/problem';
import { MARIA } from '../../unit/http-api/support/ticket-story';
import { bearer, callApi } from './support/api-call';
import { startApiStack, STAFF, type ApiStack, type SeededTicket } from './support/api-stack';

const AttachedSchema = z.object({ attached: z.array(z.object({ id: z.string(), name: z.string() })) });
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...new Array<number>(48).fill(0)]);

let api: ApiStack;
let mine: SeededTicket;
let theirs: SeededTicket;
let engineerToken: string;

beforeAll(async () => {
  api = await startApiStack();
  mine = await api.seedTicket({ engineer: MARIA });
  theirs = await api.seedTicket({ intakeOverrides: { requester: { name: 'Bo Chen', email: 'bo.chen@contoso.com', timeZone: 'Asia/Shanghai', available24x7: true } } });
  engineerToken = await api.staffToken(STAFF.assignedEngineer);
}, 180_000);

afterAll(() => api?.stop());

async function attachAsRequester(ticket: SeededTicket, files: Parameters<typeof callApi>[1]['files']) {
  return callApi(api.baseUrl, { method: 'POST', path: `/api/tickets/${ticket.ticket.ticketNumber}/attachments`, headers: bearer(ticket.token), files });
}

describe('attachments through the API', () => {
  it('serves the requester’s file back as a download that no browser renders', async () => {
    const upload = await attachAsRequester(mine, [{ name: 'réseau/“trace” 1.har', content: '{"log":{"entries":[]}}' }]);
    expect(upload.status).toBe(200);
    const [file] = AttachedSchema.parse(upload.body).attached;
    expect(file?.name).toBe('“trace” 1.har');

    const download = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${mine.ticket.ticketNumber}/attachments/${file?.id ?? ''}`, headers: bearer(mine.token) });
    expect(download.status).toBe(200);
    expect(download.text).toBe('{"log":{"entries":[]}}');
    expect(download.headers.get('content-type')).toBe('application/json');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="trace 1.har"; filename*=UTF-8''%E2%80%9Ctrace%E2%80%9D%201.har`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(download.headers.get('content-security-policy')).toContain('sandbox');

    const byStaff = await callApi(api.baseUrl, { method: 'GET', path: `/api/staff/tickets/${mine.ticket.ticketNumber}/attachments/${file?.id ?? ''}`, headers: bearer(engineerToken) });
    expect(byStaff.status).toBe(200);
    expect(byStaff.text).toBe('{"log":{"entries":[]}}');
  });

  it('names each refused file and its reason, and attaches the others', async () => {
    const upload = await attachAsRequester(mine, [
      { name: 'setup.log', content: Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03]) },
      { name: 'screen.png', content: PNG },
      { name: 'page.html', content: '<script>alert(1)</script>' },
    ]);
    expect(upload.status).toBe(422);
    expect(upload.mediaType).toBe('application/problem+json');
    const problem = ProblemSchema.parse(upload.body);
    expect(problem.errors).toEqual([
      { field: 'file', message: 'setup.log is a program, not a text or log' },
      { field: 'file', message: 'page.html .html files are not accepted' },
    ]);
    expect(AttachedSchema.parse(upload.body).attached.map((file) => file.name)).toEqual(['screen.png']);

    const view = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${mine.ticket.ticketNumber}`, headers: bearer(mine.token) });
    const names = z.object({ attachments: z.array(z.object({ name: z.string(), from: z.string() })) }).parse(view.body).attachments.map((file) => file.name);
    expect(names).toContain('screen.png');
    expect(names).not.toContain('setup.log');
  });

  it('keeps a file staff mark internal from the requester’s view and download', async () => {
    const upload = await callApi(api.baseUrl, {
      method: 'POST',
      path: `/api/staff/tickets/${mine.ticket.ticketNumber}/attachments`,
      headers: bearer(engineerToken),
      files: [{ name: 'tenant-diagnostics.log', content: 'internal: tenant flags\n' }],
      form: { visibility: 'internal' },
    });
    expect(upload.status).toBe(200);
    const [file] = z.object({ attached: z.array(z.object({ id: z.string(), visibility: z.literal('internal'), uploadedBy: z.object({ id: z.string() }) })) }).parse(upload.body).attached;
    expect(file?.uploadedBy.id).toBe('maria-garcia');

    const view = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${mine.ticket.ticketNumber}`, headers: bearer(mine.token) });
    expect(view.text).not.toContain('tenant-diagnostics');
    const asked = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${mine.ticket.ticketNumber}/attachments/${file?.id ?? ''}`, headers: bearer(mine.token) });
    const unknown = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${mine.ticket.ticketNumber}/attachments/${'f'.repeat(32)}`, headers: bearer(mine.token) });
    expect(asked.status).toBe(404);
    expect(withoutInstance(asked.body)).toEqual(withoutInstance(unknown.body));
  });

  it('attaches the same files sent twice from one drawing of a page once, and a new drawing’s again', async () => {
    const send = (page: string) =>
      callApi(api.baseUrl, {
        method: 'POST',
        path: `/api/staff/tickets/${theirs.ticket.ticketNumber}/attachments`,
        headers: bearer(engineerToken),
        files: [{ name: 'double-click.log', content: 'sent from one page\n' }],
        form: { visibility: 'internal', page },
      });
    const countOnTicket = async () => {
      const view = await callApi(api.baseUrl, { method: 'GET', path: `/api/staff/tickets/${theirs.ticket.ticketNumber}`, headers: bearer(engineerToken) });
      return z.object({ attachments: z.array(z.object({ name: z.string() })).optional() }).parse(view.body).attachments?.filter((file) => file.name === 'double-click.log').length ?? 0;
    };
    expect((await send('page-drawn-once')).status).toBe(200);
    expect((await send('page-drawn-once')).status).toBe(200);
    expect(await countOnTicket()).toBe(1);
    expect((await send('page-drawn-again')).status).toBe(200);
    expect(await countOnTicket()).toBe(2);
  });

  it('does not let a requester mark their own file internal', async () => {
    const upload = await callApi(api.baseUrl, {
      method: 'POST',
      path: `/api/tickets/${mine.ticket.ticketNumber}/attachments`,
      headers: bearer(mine.token),
      files: [{ name: 'a.txt', content: 'hello' }],
      form: { visibility: 'internal' },
    });
    expect(upload.status).toBe(400);
    expect(ProblemSchema.parse(upload.body).errors).toEqual([{ field: 'visibility', message: expect.stringContaining('internal for staff only') }]);
  });

  it('opens nothing on one ticket with the id of another ticket’s file', async () => {
    const upload = await attachAsRequester(theirs, [{ name: 'bo.txt', content: 'Bo’s own notes' }]);
    const [file] = AttachedSchema.parse(upload.body).attached;
    const foreignId = file?.id ?? '';
    const unknownId = 'e'.repeat(32);
    for (const [path, credential] of [
      [`/api/tickets/${mine.ticket.ticketNumber}/attachments`, bearer(mine.token)],
      [`/api/staff/tickets/${mine.ticket.ticketNumber}/attachments`, bearer(engineerToken)],
    ] as const) {
      const crossed = await callApi(api.baseUrl, { method: 'GET', path: `${path}/${foreignId}`, headers: credential });
      const unknown = await callApi(api.baseUrl, { method: 'GET', path: `${path}/${unknownId}`, headers: credential });
      expect(crossed.status).toBe(404);
      expect(crossed.text).not.toContain('Bo’s own notes');
      expect(withoutInstance(crossed.body)).toEqual(withoutInstance(unknown.body));
    }
    // The other ticket's requester cannot reach it through this ticket's number either.
    const throughMine = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${mine.ticket.ticketNumber}/attachments/${foreignId}`, headers: bearer(theirs.token) });
    expect(throughMine.status).toBe(404);
    const own = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${theirs.ticket.ticketNumber}/attachments/${foreignId}`, headers: bearer(theirs.token) });
    expect(own.text).toBe('Bo’s own notes');
  });

  it('refuses a body that is not multipart', async () => {
    const answer = await callApi(api.baseUrl, { method: 'POST', path: `/api/tickets/${mine.ticket.ticketNumber}/attachments`, headers: bearer(mine.token), json: { file: 'x' } });
    expect(answer.status).toBe(415);
  });
});

function withoutInstance(body: unknown): unknown {
  const { instance: _instance, ...rest } = ProblemSchema.parse(body);
  return rest;
}
