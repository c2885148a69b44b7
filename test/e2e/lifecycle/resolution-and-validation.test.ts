/**
 * The rest of a ticket's lifecycle end to end, HTTP in and email out, on a virtual clock: SLA
 * pauses while waiting on the customer, rejection at validation, a TAM's downgrade that waits for
 * the requester's consent, the three ways a ticket closes (self-close, auto-close after silence,
 * and a reopen that restarts assignment), and a business-hours ticket across a weekend and two
 * holidays. One stack and one clock; each scenario moves to its own time first.
 */
import type { StoredEmail } from '../../../infra/local/services/email-schemas';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import type { TimelineEventOf } from '../../../shared/domain/timeline/timeline-event';
import { sampleIntakeBody } from '../../integration/ticket-service/support/sample-intake';
import { staffMember, startLifecycleStack, type LifecycleStack, type StaffMember } from './support/lifecycle-stack';

jest.setTimeout(300_000);

const TAM: StaffMember = { name: 'Tom Reyes', email: 'tom.reyes@css.example', roles: ['tam'] };

let lifecycle: LifecycleStack;

beforeAll(async () => {
  lifecycle = await startLifecycleStack({ startAt: '2026-11-24T08:55:00.000Z' });
}, 180_000);

afterAll(async () => {
  await lifecycle?.stop();
});

function intake(requesterEmail: string, overrides: Record<string, unknown> = {}, available24x7 = false): Record<string, unknown> {
  return sampleIntakeBody({ requester: { name: 'Ana Silva', email: requesterEmail, timeZone: 'Europe/Lisbon', available24x7 }, ...overrides });
}

async function assigneeOf(ticketNumber: string): Promise<StaffMember> {
  const assignee = (await lifecycle.ticket(ticketNumber)).assignee;
  if (assignee === undefined) throw new Error(`${ticketNumber} has no assignee`);
  return staffMember(assignee.engineerId);
}

async function staffOk(member: StaffMember, ticketNumber: string, body: Record<string, unknown>): Promise<void> {
  const response = await lifecycle.staff(member, ticketNumber, body);
  if (!response.ok) throw new Error(`${String(body.type)} by ${member.name}: ${String(response.status)} ${await response.text()}`);
}

async function requesterOk(answer: Parameters<LifecycleStack['requester']>[0], suffix: string, body: Record<string, unknown> = {}): Promise<void> {
  const response = await lifecycle.requester(answer, suffix, body);
  if (!response.ok) throw new Error(`${suffix}: ${String(response.status)} ${await response.text()}`);
}

const eventsOf = <Type extends Ticket['timeline'][number]['type']>(ticket: Ticket, type: Type) =>
  ticket.timeline.filter((event): event is TimelineEventOf<Type> => event.type === type);

const to = (mail: StoredEmail): string => mail.to.map((recipient) => recipient.address).join(',');
const mailsTo = (ticketNumber: string, address: string, prefix: string): StoredEmail[] =>
  lifecycle.mailAbout(ticketNumber).filter((mail) => to(mail) === address && mail.subject.startsWith(prefix));

describe('the rest of the lifecycle on the offline stack', () => {
  it('moves a Sev B resolution breach by exactly the time spent awaiting the customer', async () => {
    // Resolution: six working hours on EMEA business hours (08:00–18:00 London), from 09:00.
    await lifecycle.advanceTo('2026-11-24T09:00:00.000Z');
    const answer = await lifecycle.openTicket(intake('paused@contoso.com'));
    const number = answer.ticketNumber;
    const engineer = await assigneeOf(number);
    await lifecycle.advanceTo('2026-11-24T09:10:00.000Z');
    await staffOk(engineer, number, { type: 'acknowledge', message: 'Looking into the AADSTS53003 errors.' });
    await lifecycle.advanceTo('2026-11-24T09:30:00.000Z');
    await staffOk(engineer, number, { type: 'request-info', message: 'Please export the sign-in log of one affected user.' });
    await lifecycle.advanceTo('2026-11-24T10:30:00.000Z');
    await requesterOk(answer, 'replies', { message: 'Exported, see the portal.' });
    await lifecycle.advanceTo('2026-11-24T11:00:00.000Z');
    await staffOk(engineer, number, { type: 'request-info', message: 'Which device platform do they use?' });
    await lifecycle.advanceTo('2026-11-24T11:20:00.000Z');
    await requesterOk(answer, 'replies', { message: 'Windows 11, Intune-managed.' });
    expect((await lifecycle.ticket(number)).status).toBe('investigating');

    await lifecycle.quietlyTo('2026-11-24T14:40:00.000Z');
    await lifecycle.advanceTo('2026-11-24T16:21:00.000Z');
    const ticket = await lifecycle.ticket(number);
    const resolution = (events: { metric: string; at: string; dueAt: string }[]) => events.filter((event) => event.metric === 'resolution').map((event) => [event.at, event.dueAt]);
    // Without pauses: warning 13:30, breach 15:00. Paused 60 + 20 minutes: each moves by 80.
    expect(resolution(eventsOf(ticket, 'sla-warning-raised'))).toEqual([['2026-11-24T14:50:00.000Z', '2026-11-24T14:50:00.000Z']]);
    expect(resolution(eventsOf(ticket, 'sla-breached'))).toEqual([['2026-11-24T16:20:00.000Z', '2026-11-24T16:20:00.000Z']]);
    expect(mailsTo(number, engineer.email, 'SLA BREACHED (resolution)')).toHaveLength(1);
    await requesterOk(answer, 'self-close', { solution: 'We rolled back the policy ourselves.' });
  });

  it('rejects a ticket without a contract at validation and emails every reason', async () => {
    await lifecycle.quietlyTo('2026-11-25T09:00:00.000Z');
    const answer = await lifecycle.openTicket(
      intake('it.desk@unknown-corp.example', { company: 'Unknown Corp', tenantDomain: 'unknowncorp.onmicrosoft.com', severity: 'A' }, true),
    );
    const ticket = await lifecycle.ticket(answer.ticketNumber);
    expect(ticket.status).toBe('rejected');
    expect(eventsOf(ticket, 'ticket-rejected')[0]?.reasons.map((reason) => reason.code)).toEqual(['no-contract']);
    const [rejection] = mailsTo(answer.ticketNumber, 'it.desk@unknown-corp.example', 'Not accepted: ');
    expect(rejection?.plainText).toContain('We could not find a support contract that it.desk@unknown-corp.example may ask under');
    expect(await lifecycle.lifecycleStatus(answer.ticketNumber)).toBe('Completed');
  });

  it("refuses a requester who names another customer's tenant and company, without a word about that customer", async () => {
    await lifecycle.quietlyTo('2026-11-25T09:05:00.000Z');
    // Fabrikam's plan stops at Severity B; Contoso's covers A and alerts its TAM.
    const answer = await lifecycle.openTicket(intake('bo@fabrikam.com', { company: 'Contoso Ltd', tenantDomain: 'contoso.onmicrosoft.com', severity: 'A' }, true));
    const ticket = await lifecycle.ticket(answer.ticketNumber);
    expect(ticket).toMatchObject({ status: 'rejected' });
    expect(ticket.contractId).toBeUndefined();
    expect(eventsOf(ticket, 'ticket-rejected')[0]?.reasons.map((reason) => reason.code)).toEqual(['tenant-domain-not-registered', 'company-not-on-contract', 'severity-not-in-plan']);
    const [rejection] = mailsTo(answer.ticketNumber, 'bo@fabrikam.com', 'Not accepted: ');
    expect(rejection?.plainText).toContain('is not registered to your support contract (Fabrikam, Inc.)');
    expect(rejection?.plainText).not.toMatch(/Tom Reyes|Unified Enterprise/);
    expect(mailsTo(answer.ticketNumber, TAM.email, '')).toEqual([]);
  });

  it('rejects a chat ticket with missing mandatory fields, naming every one of them', async () => {
    const response = await fetch(`${lifecycle.stack.urls.host}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'chat', requester: { name: 'Chat User', email: 'chat.user@contoso.com' }, description: 'Our mail does not work since this morning, please help quickly.' }),
    });
    expect(response.status).toBe(202);
    const { ticketNumber } = (await response.json()) as { ticketNumber: string };
    await lifecycle.advance(0);
    const ticket = await lifecycle.ticket(ticketNumber);
    expect(ticket.status).toBe('rejected');
    const reasons = eventsOf(ticket, 'ticket-rejected')[0]?.reasons ?? [];
    const missing = reasons.filter((reason) => reason.code === 'missing-field').map((reason) => reason.field);
    expect(missing).toEqual(expect.arrayContaining(['company', 'tenantDomain', 'productArea', 'severity', 'scope', 'title', 'businessImpact']));
    const [rejection] = mailsTo(ticketNumber, 'chat.user@contoso.com', 'Not accepted: ');
    for (const reason of reasons) expect(rejection?.plainText).toContain(reason.message);
  });

  it("leaves a TAM's downgrade without effect until the requester consents", async () => {
    await lifecycle.advanceTo('2026-11-25T09:10:00.000Z');
    const answer = await lifecycle.openTicket(intake('downgrade@contoso.com', { severity: 'A', title: 'Password reset emails never arrive' }, true));
    const number = answer.ticketNumber;
    await staffOk(TAM, number, { type: 'change-severity', to: 'B', reason: 'Only password resets are affected; sign-in works.' });
    expect(mailsTo(number, 'downgrade@contoso.com', 'Action needed: lower to Severity')).toHaveLength(1);

    // Still Severity A: the one-hour first-response clock warns at 45 minutes.
    await lifecycle.advanceTo('2026-11-25T09:56:00.000Z');
    let ticket = await lifecycle.ticket(number);
    expect(ticket).toMatchObject({ severity: 'A', pendingDowngrade: { to: 'B' } });
    expect(eventsOf(ticket, 'sla-warning-raised').map((event) => [event.metric, event.cycleId.endsWith('/A'), event.at])).toEqual([
      ['first-response', true, '2026-11-25T09:55:00.000Z'],
    ]);

    // The requester consents: Severity B from now on, so the Sev A breach at 10:10 never comes.
    await requesterOk(answer, 'severity-downgrade/consent');
    await lifecycle.advanceTo('2026-11-25T10:15:00.000Z');
    ticket = await lifecycle.ticket(number);
    expect(ticket.severity).toBe('B');
    expect(eventsOf(ticket, 'sla-breached')).toEqual([]);
    expect(mailsTo(number, TAM.email, 'Downgrade accepted')).toHaveLength(1);
    await requesterOk(answer, 'self-close', { solution: 'The mail relay was fixed by our network team.' });
  });

  it('closes when the requester solves it themselves, telling the engineer', async () => {
    await lifecycle.advanceTo('2026-11-25T10:30:00.000Z');
    const answer = await lifecycle.openTicket(intake('self-close@contoso.com'));
    const engineer = await assigneeOf(answer.ticketNumber);
    await requesterOk(answer, 'self-close', { solution: 'A conflicting named location was the cause; we removed it.' });
    const ticket = await lifecycle.ticket(answer.ticketNumber);
    expect(ticket).toMatchObject({ status: 'closed', closure: { reason: 'self-closed', summary: 'A conflicting named location was the cause; we removed it.' } });
    expect(mailsTo(answer.ticketNumber, engineer.email, 'Closed: ')).toHaveLength(1);
    expect(mailsTo(answer.ticketNumber, 'self-close@contoso.com', 'Closed: ')).toHaveLength(1);
  });

  it('reminds the requester after an hour of silence and auto-closes after the quiet period', async () => {
    await lifecycle.advanceTo('2026-11-25T11:00:00.000Z');
    const answer = await lifecycle.openTicket(intake('silent@contoso.com'));
    const number = answer.ticketNumber;
    const engineer = await assigneeOf(number);
    await staffOk(engineer, number, { type: 'acknowledge', message: 'Checking your policy.' });
    await lifecycle.advanceTo('2026-11-25T11:05:00.000Z');
    await staffOk(engineer, number, { type: 'propose-resolution', summary: 'Excluded the finance group from the legacy policy.' });

    await lifecycle.quietlyTo('2026-11-25T12:03:00.000Z');
    await lifecycle.advanceTo('2026-11-25T12:06:00.000Z');
    expect(mailsTo(number, 'silent@contoso.com', 'Reminder: solution proposed')).toHaveLength(1);
    expect((await lifecycle.ticket(number)).status).toBe('resolution-proposed');

    await lifecycle.quietlyTo('2026-11-25T13:03:00.000Z');
    await lifecycle.advanceTo('2026-11-25T13:06:00.000Z');
    const ticket = await lifecycle.ticket(number);
    expect(ticket).toMatchObject({ status: 'closed', closure: { reason: 'auto-closed', at: '2026-11-25T13:05:00.000Z' } });
    expect(mailsTo(number, 'silent@contoso.com', 'Closed: ')).toHaveLength(1);
  });

  it('reopens within the window and restarts assignment with an engineer on shift', async () => {
    await lifecycle.advanceTo('2026-11-25T13:10:00.000Z');
    const answer = await lifecycle.openTicket(intake('reopen@contoso.com'));
    const number = answer.ticketNumber;
    const first = await assigneeOf(number);
    await staffOk(first, number, { type: 'propose-resolution', summary: 'Re-registered the devices.' });
    await requesterOk(answer, 'resolution/confirm');

    // 14:30: AMER (12:00–14:00 UTC) has gone home; EMEA is on shift.
    await lifecycle.advanceTo('2026-11-25T14:30:00.000Z');
    await requesterOk(answer, 'reopen', { reason: 'The same error came back this afternoon.' });
    const ticket = await lifecycle.ticket(number);
    expect(ticket.status).toBe('assigned');
    expect(eventsOf(ticket, 'engineer-assigned').map((event) => [event.engineer.region, event.reason])).toEqual([
      ['AMER', 'initial'],
      ['EMEA', 'reassignment'],
    ]);
    expect(mailsTo(number, ticket.assignee?.email ?? '', 'Assigned to you')).toHaveLength(1);
    expect(await lifecycle.lifecycleStatus(number)).toBe('Running');
    await requesterOk(answer, 'self-close', { solution: 'It was a second stale policy; removed.' });
  });

  it('runs a Sev C ticket on business hours across a weekend and two holidays, waiting for its engineer instead of following the sun', async () => {
    // Thursday 24 December 16:00 London: two working hours left that day; Friday 25 and Monday 28
    // are UK holidays. The four-hour first response warns at three hours, Tuesday 09:00.
    await lifecycle.quietlyTo('2026-12-24T15:59:00.000Z');
    await lifecycle.advanceTo('2026-12-24T16:00:00.000Z');
    const answer = await lifecycle.openTicket(intake('holidays@contoso.com', { severity: 'C', title: 'Guest invitations show the old logo' }));
    const number = answer.ticketNumber;
    const assigned = (await lifecycle.ticket(number)).assignee;

    // Anything due over the holidays would fire when the host comes back: nothing does.
    await lifecycle.quietlyTo('2026-12-29T08:55:00.000Z');
    let ticket = await lifecycle.ticket(number);
    expect(eventsOf(ticket, 'sla-warning-raised')).toEqual([]);
    expect(ticket.assignee).toEqual(assigned);

    await lifecycle.advanceTo('2026-12-29T10:01:00.000Z');
    ticket = await lifecycle.ticket(number);
    expect(eventsOf(ticket, 'sla-warning-raised').map((event) => [event.metric, event.at])).toEqual([['first-response', '2026-12-29T09:00:00.000Z']]);
    expect(eventsOf(ticket, 'sla-breached').map((event) => [event.metric, event.at])).toEqual([['first-response', '2026-12-29T10:00:00.000Z']]);
    expect(eventsOf(ticket, 'handed-off')).toEqual([]);
    expect(eventsOf(ticket, 'no-engineer-available')).toEqual([]);
    expect(ticket.assignee).toEqual(assigned);
    expect(mailsTo(number, assigned?.email ?? '', 'SLA BREACHED (first response)')).toHaveLength(1);
  });
});
