/**
 * Every caller against every endpoint of the running app, as a table: who gets in (and is then
 * answered by the domain), who is asked to authenticate (401), who is refused (403), and who is
 * told the ticket does not exist (404). No answer to anyone but staff carries staff-only data.
 */
import { z } from 'zod';
import { hashRequesterToken } from '../../../shared/auth/requester-token';
import { ProblemSchema } from '../../../shared/http-edge/problem';
import { MARIA } from '../../unit/http-api/support/ticket-story';
import { callApi, type ApiAnswer, type ApiRequest } from './support/api-call';
import { startApiStack, STAFF, type ApiStack, type ForgedToken, type SeededTicket } from './support/api-stack';

const STAFF_CALLERS = ['assigned-engineer', 'other-engineer', 'team-lead', 'tam', 'admin'] as const;
const FORGED_CALLERS = ['expired', 'wrong-audience', 'wrong-issuer', 'bad-signature', 'no-role'] as const satisfies readonly ForgedToken[];
const CALLERS = ['anonymous', 'requester', 'requester-by-link', 'other-requester', ...STAFF_CALLERS, ...FORGED_CALLERS] as const;
type Caller = (typeof CALLERS)[number];
type StaffCaller = (typeof STAFF_CALLERS)[number];

/** `allowed`: authorization let the call through and the domain answered (2xx, or a 409/422 on the ticket's state or rules). */
type Expected = 'allowed' | 401 | 403 | 404;

const INTERNAL_MARKER = 'internal-only-4f7c: customer admin password reset by phone';

interface Endpoint {
  readonly name: string;
  readonly operationId: string;
  request(ticketNumber: string): ApiRequest;
  expected(caller: Caller): Expected;
  /** A file the caller may not see reads like an unknown file on a ticket they may read. */
  readonly hidesLike?: 'missing-attachment';
}

const isStaff = (caller: Caller): caller is StaffCaller => STAFF_CALLERS.some((staff) => staff === caller);

function requesterOnly(caller: Caller): Expected {
  if (caller === 'requester' || caller === 'requester-by-link') return 'allowed';
  return caller === 'anonymous' ? 401 : 404;
}

function staffOnly(allowed: readonly StaffCaller[]) {
  return (caller: Caller): Expected => {
    if (isStaff(caller)) return allowed.includes(caller) ? 'allowed' : 403;
    return caller === 'no-role' ? 403 : 401;
  };
}

const everyone = (): Expected => 'allowed';
const ALL_STAFF = STAFF_CALLERS;
const OWNER_OR_LEAD: readonly StaffCaller[] = ['assigned-engineer', 'team-lead'];

const INTAKE_BODY = {
  requester: { name: 'Ines Duarte', email: 'ines.duarte@contoso.com', timeZone: 'Europe/Lisbon', available24x7: false },
  company: 'Contoso Ltd',
  tenantDomain: 'contoso.onmicrosoft.com',
  productArea: 'intune',
  severity: 'C',
  scope: 'cloud',
  title: 'Compliance policy reports stale devices',
  description: 'Devices that checked in this morning still show as not compliant in the Intune console for the Lisbon office group.',
  businessImpact: 'Conditional Access blocks twelve people from mail.',
};

function staffCommand(name: string, body: Record<string, unknown>, allowed: readonly StaffCaller[]): Endpoint {
  return {
    name: `POST /api/staff/tickets/{n}/commands (${name})`,
    operationId: 'staffCommand',
    request: (n) => ({ method: 'POST', path: `/api/staff/tickets/${n}/commands`, json: body }),
    expected: staffOnly(allowed),
  };
}

function requesterAction(operationId: string, suffix: string, body: Record<string, string>): Endpoint {
  return {
    name: `POST /api/tickets/{n}/${suffix}`,
    operationId,
    request: (n) => ({ method: 'POST', path: `/api/tickets/${n}/${suffix}`, json: body }),
    expected: requesterOnly,
  };
}

const LOG_FILE = { name: 'sign-in.log', content: '2026-11-24T09:00:00Z AADSTS50076 sign-in needs MFA\n', type: 'text/plain' };
/** A file the requester attached before the table runs: the downloads ask for it. */
let sharedFileId = '';
/** A file staff marked internal: the requester's download of it reads like an unknown id. */
let internalFileId = '';

const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'POST /api/tickets',
    operationId: 'intake',
    // One key for every caller: the first opens the ticket, the rest get the same one back.
    request: () => ({ method: 'POST', path: '/api/tickets', headers: { 'idempotency-key': 'matrix-intake-1' }, json: INTAKE_BODY }),
    expected: everyone,
  },
  { name: 'GET /api/openapi.json', operationId: 'openApiDocument', request: () => ({ method: 'GET', path: '/api/openapi.json' }), expected: everyone },
  { name: 'GET /api/tickets/{n}', operationId: 'requesterTicket', request: (n) => ({ method: 'GET', path: `/api/tickets/${n}` }), expected: requesterOnly },
  { name: 'GET /api/queue', operationId: 'staffQueue', request: () => ({ method: 'GET', path: '/api/queue?queue=identity-and-devices' }), expected: staffOnly(ALL_STAFF) },
  { name: 'GET /api/staff/tickets/{n}', operationId: 'staffTicket', request: (n) => ({ method: 'GET', path: `/api/staff/tickets/${n}` }), expected: staffOnly(ALL_STAFF) },
  staffCommand('internal-note', { type: 'internal-note', note: 'Checked the sign-in logs' }, ALL_STAFF),
  staffCommand('handoff-note', { type: 'handoff-note', summary: 'Logs checked', nextStep: 'Call the customer' }, ALL_STAFF),
  staffCommand('acknowledge', { type: 'acknowledge', message: 'I am on it.' }, OWNER_OR_LEAD),
  staffCommand('request-info', { type: 'request-info', message: 'Which office is affected?' }, ['assigned-engineer', 'team-lead', 'admin']),
  staffCommand('change-severity', { type: 'change-severity', to: 'C', reason: 'A workaround is in place' }, ALL_STAFF),
  staffCommand('escalate-to-vendor', { type: 'escalate-to-vendor', justification: 'Backend logs are needed' }, OWNER_OR_LEAD),
  staffCommand('propose-resolution', { type: 'propose-resolution', summary: 'The policy is fixed.' }, OWNER_OR_LEAD),
  staffCommand('assign', { type: 'assign', engineerId: 'maria-garcia' }, ['team-lead', 'admin']),
  staffCommand('confirm-resolution (the requester’s)', { type: 'confirm-resolution' }, []),
  {
    name: 'POST /api/staff/contracts/{id}/contacts',
    operationId: 'registerCustomerContact',
    request: () => ({ method: 'POST', path: '/api/staff/contracts/wide-world-modern/contacts', json: { email: 'matrix.contact@partner.example' } }),
    expected: staffOnly(['team-lead', 'admin']),
  },
  {
    name: 'POST /api/vendor/callback',
    operationId: 'vendorCallback',
    // Only the vendor's HMAC signature opens this route; no token of ours does.
    request: () => ({ method: 'POST', path: '/api/vendor/callback', json: { eventType: 'servicerequest.updated' } }),
    expected: () => 401,
  },
  {
    name: 'POST /api/tickets/{n}/attachments',
    operationId: 'requesterAttachmentUpload',
    request: (n) => ({ method: 'POST', path: `/api/tickets/${n}/attachments`, files: [LOG_FILE] }),
    expected: requesterOnly,
  },
  {
    name: 'GET /api/tickets/{n}/attachments/{id}',
    operationId: 'requesterAttachmentDownload',
    request: (n) => ({ method: 'GET', path: `/api/tickets/${n}/attachments/${sharedFileId}` }),
    expected: requesterOnly,
  },
  {
    name: 'GET /api/tickets/{n}/attachments/{internal id}',
    operationId: 'requesterAttachmentDownload',
    request: (n) => ({ method: 'GET', path: `/api/tickets/${n}/attachments/${internalFileId}` }),
    // Not even the requester: an internal file is not theirs to see, and reads like no file at all.
    expected: (caller) => (caller === 'anonymous' ? 401 : 404),
    hidesLike: 'missing-attachment',
  },
  {
    name: 'POST /api/staff/tickets/{n}/attachments',
    operationId: 'staffAttachmentUpload',
    request: (n) => ({ method: 'POST', path: `/api/staff/tickets/${n}/attachments`, files: [LOG_FILE], form: { visibility: 'internal' } }),
    expected: staffOnly(ALL_STAFF),
  },
  {
    name: 'GET /api/staff/tickets/{n}/attachments/{internal id}',
    operationId: 'staffAttachmentDownload',
    request: (n) => ({ method: 'GET', path: `/api/staff/tickets/${n}/attachments/${internalFileId}` }),
    expected: staffOnly(ALL_STAFF),
  },
  // The chat needs no sign-in: its conversation id is the key, whoever sends it, with any token or none.
  { name: 'POST /api/chat/conversations', operationId: 'chatStart', request: () => ({ method: 'POST', path: '/api/chat/conversations', json: {} }), expected: everyone },
  { name: 'GET /api/chat/conversations/{id}', operationId: 'chatConversation', request: () => ({ method: 'GET', path: `/api/chat/conversations/${chatId}` }), expected: everyone },
  {
    name: 'POST /api/chat/conversations/{id}/messages',
    operationId: 'chatMessage',
    // One message id for every caller: the first is stored, the rest are answered as it was.
    request: () => ({ method: 'POST', path: `/api/chat/conversations/${chatId}/messages`, json: { clientMessageId: 'matrix-chat-1', text: 'Ines Duarte' } }),
    expected: everyone,
  },
  requesterAction('requesterReply', 'replies', { message: 'Here are the details you asked for.' }),
  requesterAction('requesterConfirmResolution', 'resolution/confirm', {}),
  requesterAction('requesterRejectResolution', 'resolution/reject', { reason: 'It still fails.' }),
  requesterAction('requesterConsentToDowngrade', 'severity-downgrade/consent', {}),
  requesterAction('requesterRefuseDowngrade', 'severity-downgrade/refuse', {}),
  requesterAction('requesterSelfClose', 'self-close', { solution: 'We fixed it ourselves.' }),
  requesterAction('requesterReopen', 'reopen', { reason: 'It broke again.' }),
];

const ROWS = ENDPOINTS.flatMap((endpoint) => CALLERS.map((caller) => [endpoint.name, caller, endpoint.expected(caller), endpoint] as const));

let api: ApiStack;
let mine: SeededTicket;
let theirs: SeededTicket;
const credentials = new Map<Caller, { readonly header?: string; readonly query?: string }>();
let missingTicketAnswer: ApiAnswer;
let missingAttachmentAnswer: ApiAnswer;
let chatId = '';

beforeAll(async () => {
  api = await startApiStack();
  mine = await api.seedTicket({
    engineer: MARIA,
    then: () => [{ type: 'internal-note', actor: { role: 'engineer', id: MARIA.engineerId, name: MARIA.name }, note: INTERNAL_MARKER }],
  });
  theirs = await api.seedTicket({ intakeOverrides: { requester: { name: 'Bo Chen', email: 'bo.chen@contoso.com', timeZone: 'Asia/Shanghai', available24x7: true } } });
  credentials.set('anonymous', {});
  credentials.set('requester', { header: `Bearer ${mine.token}` });
  credentials.set('requester-by-link', { query: mine.token });
  credentials.set('other-requester', { header: `Bearer ${theirs.token}` });
  const staffIdentities = { 'assigned-engineer': STAFF.assignedEngineer, 'other-engineer': STAFF.otherEngineer, 'team-lead': STAFF.teamLead, tam: STAFF.tam, admin: STAFF.admin };
  for (const caller of STAFF_CALLERS) credentials.set(caller, { header: `Bearer ${await api.staffToken(staffIdentities[caller])}` });
  for (const caller of FORGED_CALLERS) credentials.set(caller, { header: `Bearer ${await api.forgedToken(caller)}` });
  const chat = await callApi(api.baseUrl, { method: 'POST', path: '/api/chat/conversations', json: {} });
  chatId = String((chat.body as { conversationId?: unknown }).conversationId);
  missingTicketAnswer = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/BTN-261124-00000`, headers: { authorization: `Bearer ${mine.token}` } });
  const shared = await callApi(api.baseUrl, { method: 'POST', path: `/api/tickets/${mine.ticket.ticketNumber}/attachments`, headers: { authorization: `Bearer ${mine.token}` }, files: [LOG_FILE] });
  sharedFileId = z.object({ attached: z.array(z.object({ id: z.string() })).length(1) }).parse(shared.body).attached[0]?.id ?? '';
  const internal = await callApi(api.baseUrl, {
    method: 'POST',
    path: `/api/staff/tickets/${mine.ticket.ticketNumber}/attachments`,
    headers: { authorization: `Bearer ${await api.staffToken(STAFF.assignedEngineer)}` },
    files: [{ ...LOG_FILE, name: 'internal-only.log', content: INTERNAL_MARKER }],
    form: { visibility: 'internal' },
  });
  missingAttachmentAnswer = await callApi(api.baseUrl, { method: 'GET', path: `/api/tickets/${mine.ticket.ticketNumber}/attachments/${'0'.repeat(32)}`, headers: { authorization: `Bearer ${mine.token}` } });
  internalFileId = z.object({ attached: z.array(z.object({ id: z.string() })).length(1) }).parse(internal.body).attached[0]?.id ?? '';
}, 180_000);

afterAll(() => api?.stop());

function withCredential(request: ApiRequest, caller: Caller): ApiRequest {
  const credential = credentials.get(caller) ?? {};
  const path = credential.query === undefined ? request.path : `${request.path}${request.path.includes('?') ? '&' : '?'}access=${encodeURIComponent(credential.query)}`;
  return { ...request, path, headers: { ...request.headers, ...(credential.header === undefined ? {} : { authorization: credential.header }) } };
}

/** Values only staff may read: the internal note, staff addresses, token hashes. */
function staffOnlyValues(): string[] {
  return [INTERNAL_MARKER, '@css.example', mine.ticket.accessTokenHash, theirs.ticket.accessTokenHash, hashRequesterToken(mine.token)];
}

/** Fields of the staff view a requester's answer must never have. */
const STAFF_ONLY_FIELDS = ['accessTokenHash', 'tamEmail', 'assignee', 'queueId', 'contractId', 'slaPolicyId', 'raisedAlertKeys', 'details', 'explanation'];

function fieldNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(fieldNames);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, inner]) => [name, ...fieldNames(inner)]);
}

describe('the authorization matrix', () => {
  it.each(ROWS)('%s as %s → %s', async (_name, caller, expected, endpoint) => {
    const answer = await callApi(api.baseUrl, withCredential(endpoint.request(mine.ticket.ticketNumber), caller));

    if (expected === 'allowed') {
      expect([200, 202, 409, 422]).toContain(answer.status);
      if (answer.status >= 400) expect(ProblemSchema.parse(answer.body).type).toMatch(/\/problems\/ticket\//);
    } else {
      expect(answer.status).toBe(expected);
    }
    if (answer.status >= 400) {
      expect(answer.mediaType).toBe('application/problem+json');
      expect(ProblemSchema.safeParse(answer.body).success).toBe(true);
    }
    if (expected === 401) expect(answer.headers.get('www-authenticate')).toBeTruthy();
    if (expected === 404) {
      // Not yours reads exactly like does not exist.
      const { instance: _a, ...hidden } = ProblemSchema.parse(answer.body);
      const hidden404 = caller === 'requester' || caller === 'requester-by-link' ? endpoint.hidesLike : undefined;
      const { instance: _b, ...missing } = ProblemSchema.parse((hidden404 === 'missing-attachment' ? missingAttachmentAnswer : missingTicketAnswer).body);
      expect(hidden).toEqual(missing);
    }
    if (!isStaff(caller)) {
      for (const secret of staffOnlyValues()) expect(answer.text).not.toContain(secret);
      // The OpenAPI document names every field of every view; the ticket answers must not.
      if (endpoint.operationId !== 'openApiDocument') expect(fieldNames(answer.body).filter((name) => STAFF_ONLY_FIELDS.includes(name))).toEqual([]);
    }
  });

  it('shows staff what requesters never see', async () => {
    const answer = await callApi(api.baseUrl, withCredential({ method: 'GET', path: `/api/staff/tickets/${mine.ticket.ticketNumber}` }, 'tam'));
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(INTERNAL_MARKER);
    expect(answer.text).not.toContain(mine.ticket.accessTokenHash);
  });
});

describe('the OpenAPI document of the running app', () => {
  interface RegisteredFunction {
    readonly triggerType: string;
    readonly route?: string;
    readonly methods?: readonly string[] | 'any';
  }

  async function documentedOperations(): Promise<Map<string, string>> {
    const answer = await callApi(api.baseUrl, { method: 'GET', path: '/api/openapi.json' });
    const document = answer.body as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.openapi).toMatch(/^3\.1\./);
    const operations = new Map<string, string>();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) operations.set(`${method.toUpperCase()} ${path}`, operation.operationId);
    }
    return operations;
  }

  it('lists every API route the app registers with the host, and nothing else', async () => {
    const functions = (await (await fetch(`${api.stack.urls.admin}/functions`)).json()) as RegisteredFunction[];
    const registered = functions
      .filter((fn) => fn.triggerType === 'httpTrigger' && fn.route !== undefined && fn.route.startsWith('/api/'))
      .flatMap((fn) => (Array.isArray(fn.methods) ? fn.methods.map((method) => `${method} ${fn.route ?? ''}`) : [`ANY ${fn.route ?? ''}`]));
    expect([...(await documentedOperations()).keys()].sort()).toEqual([...new Set(registered)].sort());
  });

  it('has every documented operation covered by this matrix', async () => {
    const documented = new Set((await documentedOperations()).values());
    expect(new Set(ENDPOINTS.map((endpoint) => endpoint.operationId))).toEqual(documented);
  });
});
