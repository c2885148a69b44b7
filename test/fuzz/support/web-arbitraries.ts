/**
 * fast-check generators of hostile and careless requests to Baton's web pages: the intake form,
 * the status page and the requester's action forms, the staff console and its sign-in routes and
 * the assets. Any path value (real ticket, near miss, garbage), any cookie (the ticket's access
 * cookie, another ticket's, a staff session, forged ones), any origin, any query and any body
 * (forms with hostile values, the real CSRF token or a wrong one, broken encodings, raw bytes,
 * bodies past the limit), sent with a Content-Length or streamed without one, as a browser or a
 * proxy may.
 */
import fc from 'fast-check';
import { WEB_ACTIONS } from '../../../shared/web/status/requester-web-actions';
import { STAFF_ROUTES } from '../../../shared/web/staff/staff-routes';

/** Markup that must never come back unescaped: each page must show it as text. */
export const HOSTILE_MARKUP = '<b data-fuzz="1">';

export interface WebFuzzCredentials {
  readonly siteUrl: string;
  readonly ticketNumber: string;
  readonly accessToken: string;
  readonly otherAccessToken: string;
  readonly staffSessionCookie: string;
  readonly csrfToken: string;
}

export interface WebFuzzRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Uint8Array;
  /** Sent as a stream without Content-Length (chunked), as a proxy may forward it. */
  readonly streamed: boolean;
  /** Whether the request carried the staff session, which may see every ticket. */
  readonly asStaff: boolean;
}

const headerText = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength });

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      HOSTILE_MARKUP,
      `"><script>alert(1)</script>${HOSTILE_MARKUP}`,
      '\u0000\u0001\u001b[31m\u202e',
      'Subject: x\r\nBcc: victim@example.com',
      '{{constructor.constructor("return 1")()}}',
      '../../../../etc/passwd',
      'javascript:alert(1)',
      '//evil.example/',
      'A',
      '',
    ),
  },
);

function ticketSegment(credentials: WebFuzzCredentials): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.constant(credentials.ticketNumber) },
      { weight: 2, arbitrary: fc.stringMatching(/^BTN-\d{6}-[0-9A-Z]{5}$/) },
      { weight: 2, arbitrary: hostileText },
    )
    .filter((segment) => segment !== '' && !/^(\.|%2e){1,2}$/i.test(segment))
    .map((segment) => encodeURIComponent(segment));
}

function routeOf(credentials: WebFuzzCredentials): fc.Arbitrary<{ readonly path: string; readonly methods: readonly WebFuzzRequest['method'][] }> {
  return ticketSegment(credentials).chain((segment) =>
    fc.constantFrom(
      { path: '/', methods: ['GET', 'POST'] as const },
      { path: `/tickets/${segment}`, methods: ['GET'] as const },
      ...WEB_ACTIONS.map((webAction) => ({ path: `/tickets/${segment}/${webAction.action.pathSuffix}`, methods: ['POST'] as const })),
      { path: `/${STAFF_ROUTES.myWork}`, methods: ['GET'] as const },
      { path: `/${STAFF_ROUTES.queue}`, methods: ['GET', 'POST'] as const },
      { path: `/${STAFF_ROUTES.tam}`, methods: ['GET'] as const },
      { path: `/${STAFF_ROUTES.ticket.replace('{ticketNumber}', segment)}`, methods: ['GET', 'POST'] as const },
      { path: `/${STAFF_ROUTES.signIn}`, methods: ['GET'] as const },
      { path: `/${STAFF_ROUTES.signInCallback}`, methods: ['GET'] as const },
      { path: `/${STAFF_ROUTES.signOut}`, methods: ['POST'] as const },
      { path: `/${STAFF_ROUTES.signedOut}`, methods: ['GET'] as const },
      { path: `/assets/${segment}`, methods: ['GET'] as const },
    ),
  );
}

const QUERY_NAMES = ['access', 'received', 'done', 'returnTo', 'code', 'state', 'error', 'error_description', 'queue', 'status', 'severity', 'sla', 'q', 'page', 'assign', 'assign-ticket', 'assign-to', 'x'];

function query(credentials: WebFuzzCredentials): fc.Arbitrary<string> {
  const value = fc.oneof(hostileText, fc.constantFrom(credentials.accessToken, credentials.otherAccessToken, '1', '-1', '99999999999999999999'));
  return fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), value), { maxLength: 4 }).map((pairs) => new URLSearchParams(pairs).toString());
}

function cookie(credentials: WebFuzzCredentials): fc.Arbitrary<{ readonly value: string | undefined; readonly asStaff: boolean }> {
  const requester = fc.constantFrom(`baton_access=${credentials.accessToken}`, `baton_access=${credentials.otherAccessToken}`, 'baton_access=forged', `baton_access=${credentials.accessToken}; baton_access=forged`);
  const forgedStaff = fc.oneof(
    headerText(200).map((text) => `baton_staff_session=${text}`),
    fc.constantFrom(`${credentials.staffSessionCookie}x`, '__Host-baton_staff_session=forged', `baton_staff_session=${'a'.repeat(4000)}`, 'baton_staff_sign_in=forged', '=;=;'),
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant({ value: undefined, asStaff: false }) },
    { weight: 3, arbitrary: requester.map((value) => ({ value, asStaff: false })) },
    { weight: 3, arbitrary: fc.constant({ value: credentials.staffSessionCookie, asStaff: true }) },
    { weight: 2, arbitrary: forgedStaff.map((value) => ({ value, asStaff: false })) },
  );
}

function origin(credentials: WebFuzzCredentials): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(credentials.siteUrl) },
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom('https://evil.example', 'null', `${credentials.siteUrl}/`, 'http://127.0.0.1:1') },
    { weight: 1, arbitrary: headerText(60) },
  );
}

const FORM_FIELDS = [
  'csrf', 'type', 'message', 'reason', 'solution', 'note', 'summary', 'nextStep', 'tried', 'to', 'engineerId', 'toEngineerId', 'justification',
  'explanation', 'ticketNumber', 'commandId', 'idempotencyKey', 'requester.name', 'requester.email', 'requester.timeZone', 'requester.available24x7',
  'requester.phone', 'company', 'tenantDomain', 'productArea', 'severity', 'scope', 'title', 'description', 'businessImpact', '__proto__',
  'constructor.prototype', 'a[b][c][d][e][f][g][h]', 'tags[]',
];

function formBody(credentials: WebFuzzCredentials): fc.Arbitrary<string> {
  const field = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FORM_FIELDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });
  const value = fc.oneof(
    { weight: 4, arbitrary: hostileText },
    { weight: 2, arbitrary: fc.constantFrom(credentials.csrfToken, 'internal-note', 'assign', 'A', 'C', 'maria-garcia', 'ana.silva@contoso.com', 'Contoso Ltd', 'contoso.onmicrosoft.com', 'entra-id', 'cloud', 'Europe/Lisbon') },
  );
  const withToken = fc.boolean().map((carried) => (carried ? [['csrf', credentials.csrfToken] as [string, string]] : []));
  return fc.tuple(withToken, fc.array(fc.tuple(field, value), { maxLength: 14 })).map(([token, fields]) => new URLSearchParams([...token, ...fields]).toString());
}

const CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-8',
  'application/json',
  'text/plain',
  'multipart/form-data; boundary=xyz',
  ';;;',
];

function body(credentials: WebFuzzCredentials): fc.Arbitrary<Uint8Array | undefined> {
  const encode = (text: string) => new TextEncoder().encode(text);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 6, arbitrary: formBody(credentials).map(encode) },
    { weight: 1, arbitrary: fc.constantFrom('a=%ZZ', '%', '=&=&', 'a=1&a=2&a[]=3', '{"type":"internal-note","note":"x"}').map(encode) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
    { weight: 1, arbitrary: fc.constantFrom(70 * 1024, 200 * 1024).map((size) => encode(`csrf=${credentials.csrfToken}&type=internal-note&note=${'x'.repeat(size)}`)) },
  );
}

export function webFuzzRequest(credentials: WebFuzzCredentials): fc.Arbitrary<WebFuzzRequest> {
  return fc
    .record({
      route: routeOf(credentials),
      methodPick: fc.nat(),
      query: query(credentials),
      cookie: cookie(credentials),
      origin: origin(credentials),
      fetchSite: fc.option(fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none'), { nil: undefined }),
      contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }),
      accept: fc.option(fc.constantFrom('text/html', 'application/json', '*/*'), { nil: undefined }),
      body: body(credentials),
      streamed: fc.boolean(),
    })
    .map(({ route, methodPick, query: search, cookie: sent, origin: claimed, fetchSite, contentType, accept, body: bytes, streamed }) => {
      const method = route.methods[methodPick % route.methods.length] ?? 'GET';
      const headers: Record<string, string> = {};
      if (sent.value !== undefined) headers.cookie = sent.value;
      if (claimed !== undefined) headers.origin = claimed;
      if (fetchSite !== undefined) headers['sec-fetch-site'] = fetchSite;
      if (contentType !== undefined) headers['content-type'] = contentType;
      if (accept !== undefined) headers.accept = accept;
      const withBody = method === 'POST' && bytes !== undefined;
      return {
        method,
        path: search === '' ? route.path : `${route.path}?${search}`,
        headers,
        ...(withBody ? { body: bytes } : {}),
        streamed: withBody && streamed,
        asStaff: sent.asStaff,
      };
    });
}

/**
 * Every form route with the real ticket, the right cookie, origin and CSRF token, and a body past
 * the limit, declared and streamed: the requests random sampling meets too rarely to rely on.
 */
export function oversizedFormPosts(credentials: WebFuzzCredentials): WebFuzzRequest[] {
  const body = new TextEncoder().encode(`csrf=${credentials.csrfToken}&type=internal-note&note=${'x'.repeat(70 * 1024)}`);
  const headers = (cookieValue: string) => ({ cookie: cookieValue, origin: credentials.siteUrl, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' });
  const requesterRoutes = ['/', ...WEB_ACTIONS.map((webAction) => `/tickets/${credentials.ticketNumber}/${webAction.action.pathSuffix}`)];
  const staffRoutes = [`/${STAFF_ROUTES.ticket.replace('{ticketNumber}', credentials.ticketNumber)}`, `/${STAFF_ROUTES.queue}`, `/${STAFF_ROUTES.signOut}`];
  return [true, false].flatMap((streamed) => [
    ...requesterRoutes.map((path) => ({ method: 'POST' as const, path, headers: headers(`baton_access=${credentials.accessToken}`), body, streamed, asStaff: false })),
    ...staffRoutes.map((path) => ({ method: 'POST' as const, path, headers: headers(credentials.staffSessionCookie), body, streamed, asStaff: true })),
  ]);
}
