/**
 * Vendor callbacks on the whole offline stack, virtual clock: the stack gives the host and the
 * vendor stand-in one callback secret, so the vendor's answer reaches the ticket by a signed POST
 * long before the follow-up timer would read the case; and a notice signed with any other secret
 * is refused and changes nothing.
 */
import { StaffTicketViewSchema, type StaffTicketView } from '../../../shared/http-api/staff-ticket-view';
import { SETTING } from '../../../shared/config/settings';
import { ProblemSchema } from '../../../shared/http-edge/problem';
import { signVendorCallback, VENDOR_SIGNATURE_HEADER } from '../../../shared/vendor/vendor-callback-signature';
import type { VendorCallbackEvent } from '../../../shared/vendor/vendor-schemas';
import { MARIA, SYSTEM, engineerActor } from '../../unit/http-api/support/ticket-story';
import { bearer, callApi } from '../http-api/support/api-call';
import { startApiStack, STAFF, type ApiStack } from '../http-api/support/api-stack';

const MINUTE = 60_000;
const VENDOR_ANSWER = 'Our token service rejected the tenant after a key roll-over; we have re-keyed it, please retry.';

let api: ApiStack;
let engineerToken: string;

beforeAll(async () => {
  api = await startApiStack();
  engineerToken = await api.staffToken(STAFF.assignedEngineer);
}, 180_000);

afterAll(() => api?.stop());

async function staffView(ticketNumber: string): Promise<StaffTicketView> {
  const answer = await callApi(api.baseUrl, { method: 'GET', path: `/api/staff/tickets/${ticketNumber}`, headers: bearer(engineerToken) });
  expect(answer.status).toBe(200);
  return StaffTicketViewSchema.parse(answer.body);
}

function eventsOf(view: StaffTicketView, type: string) {
  return view.timeline.filter((entry) => entry.type === type);
}

/** A resolved case, as the vendor would announce it, for a ticket whose case is `caseId`. */
function resolvedCaseNotice(ticketNumber: string, caseId: string, at: Date): string {
  const instant = at.toISOString();
  const event: VendorCallbackEvent = {
    eventId: '9d2f6f0c-2b1a-4e11-8b5c-3f4e8a4e0b5c',
    eventType: 'servicerequest.updated',
    change: 'status-changed',
    sequence: 3,
    occurredAt: instant,
    serviceRequest: {
      id: caseId,
      title: `[${ticketNumber}] Conditional Access blocks the finance team`,
      description: 'Sign-ins fail with AADSTS53003.',
      severity: 'moderate',
      supportTopicId: 'entra-id',
      organization: { id: 'contoso.onmicrosoft.com' },
      primaryContact: { firstName: 'María', lastName: 'García', email: MARIA.email },
      status: 'resolved',
      scope: 'cloud',
      notes: [{ text: 'Fixed on our side; nothing for the customer to do.', createdByName: 'Vendor support engineer', createdDate: instant }],
      createdDate: instant,
      lastModifiedDate: instant,
      lastClosedDate: null,
    },
  };
  return JSON.stringify(event);
}

interface NoticeAnswer {
  readonly status: number;
  readonly mediaType: string;
  readonly challenge: string | null;
  readonly body: unknown;
}

/** Sent as the exact bytes that were signed. */
async function postNotice(body: string, signature: string): Promise<NoticeAnswer> {
  const response = await fetch(`${api.baseUrl}/api/vendor/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [VENDOR_SIGNATURE_HEADER]: signature },
    body,
  });
  return {
    status: response.status,
    mediaType: (response.headers.get('content-type') ?? '').split(';', 1)[0] ?? '',
    challenge: response.headers.get('www-authenticate'),
    body: (await response.json()) as unknown,
  };
}

describe('vendor callbacks on the offline stack', () => {
  it('bring the vendor’s answer to the ticket by a signed callback, long before the follow-up is due', async () => {
    const vendor = api.stack.services.vendor;
    if (vendor === undefined) throw new Error('the stack runs without its vendor stand-in');
    const { ticket } = await api.seedTicket({
      then: () => [{ type: 'escalate-to-vendor', actor: engineerActor(MARIA), justification: 'Token issuance fails in the vendor backend.' }],
    });
    const number = ticket.ticketNumber;
    vendor.script.answerAfter({ titleIncludes: number }, 10 * MINUTE, VENDOR_ANSWER);

    // The watchdog's first round starts the seeded ticket's lifecycle, which raises the case.
    await api.stack.advanceClock(2 * MINUTE);
    const escalated = await staffView(number);
    const [opened] = eventsOf(escalated, 'vendor-case-opened');
    if (opened === undefined) throw new Error(`no vendor case was opened for ${number}`);
    const followUpDueAt = Date.parse(opened.at) + api.org.lifecycle.vendorFollowUpHours.B * 60 * MINUTE;

    await api.stack.advanceClock(13 * MINUTE);
    const answered = await staffView(number);

    // The stand-in announces the note and then the status change; Baton reads the case on the
    // first notice and records the answer once, so the engineer gets one "Vendor update" email.
    const updates = eventsOf(answered, 'vendor-updated');
    expect(updates).toEqual([expect.objectContaining({ details: expect.objectContaining({ note: expect.stringContaining(VENDOR_ANSWER) }) })]);
    expect(updates.map((update) => update.actor.role)).toEqual(['vendor']);
    for (const update of updates) expect(Date.parse(update.at) - Date.parse(opened.at)).toBeLessThanOrEqual(11 * MINUTE);
    expect(answered.vendorCase).toMatchObject({ status: 'investigating' });
    expect(eventsOf(answered, 'vendor-followed-up')).toEqual([]);
    expect(api.stack.now().getTime()).toBeLessThan(followUpDueAt);
    const caseId = answered.vendorCase?.caseId;
    expect(vendor.callbackDeliveries().filter((delivery) => delivery.caseId === caseId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ change: 'note-added', status: 200 })]),
    );
  }, 120_000);

  it('refuse a notice signed with another secret and change nothing, while the same notice signed right is applied', async () => {
    const caseId = '2699000000000042';
    const { ticket } = await api.seedTicket({
      then: () => [
        { type: 'escalate-to-vendor', actor: engineerActor(MARIA), justification: 'Token issuance fails in the vendor backend.' },
        { type: 'record-vendor-case', actor: SYSTEM, outcome: { status: 'opened', caseId } },
      ],
    });
    const number = ticket.ticketNumber;
    const before = await staffView(number);
    const body = resolvedCaseNotice(number, caseId, api.stack.now());

    const forged = await postNotice(body, signVendorCallback(body, 'not-the-secret-baton-was-given', api.stack.now().getTime()));

    expect(forged.status).toBe(401);
    expect(forged.mediaType).toBe('application/problem+json');
    expect(ProblemSchema.parse(forged.body)).toMatchObject({ type: 'https://baton.dev/problems/unauthenticated', detail: expect.stringContaining('bad-signature') });
    expect(forged.challenge).toContain('VendorSignature');
    const after = await staffView(number);
    expect(after.timeline).toEqual(before.timeline);
    expect(after.vendorCase).toEqual(before.vendorCase);

    const secret = api.stack.settings[SETTING.vendorCallbackSecret] ?? '';
    const genuine = await postNotice(body, signVendorCallback(body, secret, api.stack.now().getTime()));

    expect(genuine).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    expect((await staffView(number)).vendorCase).toMatchObject({ caseId, status: 'solution-provided' });
  });
});
