import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import { IntakeSchema } from '../../../../shared/domain/intake/intake';
import { digestDay, TamDigestSchema, tamDigestMessageId, tamDigestsFor, ticketRisks } from '../../../../shared/domain/notifications/tam-digest';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { sampleOrg } from '../support/org-fixtures';
import { apply, applyAll, closedTicket, engineer, maria, minutesAfter, receivedTicket, system, T0 } from '../support/ticket-fixtures';

const org = sampleOrg();
/** Two hours after intake: a Severity A first response (60 minutes) has long breached. */
const LATER = minutesAfter(T0, 120);

function triaged(ticketNumber: string, contractId: string, tamEmail: string | undefined): Ticket {
  return applyAll(receivedTicket({}, ticketNumber), [
    { type: 'start-validation', actor: system },
    { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId, ...(tamEmail === undefined ? {} : { tamEmail }) },
  ]);
}

const contoso = triaged('BTN-2026-000002', 'contoso-unified', 'tom.reyes@css.example');
const contosoShouted = triaged('BTN-2026-000001', 'contoso-unified', 'Tom.Reyes@CSS.example');
const fabrikam = triaged('BTN-2026-000005', 'fabrikam-standard', 'lena.schulz@css.example');
const northwind = triaged('BTN-2026-000009', 'northwind-modern', undefined);

describe("the TAM's digest, as the domain decides it", () => {
  it('makes one digest per TAM, each a valid notification to that TAM alone, keyed by TAM and day', () => {
    const digests = tamDigestsFor([contoso, fabrikam, contosoShouted, northwind], org, LATER);
    expect(digests.map((digest) => TamDigestSchema.parse(digest))).toEqual(digests);
    expect(digests.map((digest) => [digest.to, digest.messageId, digest.day])).toEqual([
      [[{ role: 'tam', email: 'lena.schulz@css.example', name: 'Lena Schulz' }], 'tam-digest/2026-11-23/lena.schulz@css.example', '2026-11-23'],
      [[{ role: 'tam', email: 'tom.reyes@css.example', name: 'Tom Reyes' }], 'tam-digest/2026-11-23/tom.reyes@css.example', '2026-11-23'],
    ]);
  });

  it("lists a TAM's tickets in ticket-number order, however the addresses were written", () => {
    const [, tom] = tamDigestsFor([contoso, fabrikam, contosoShouted], org, LATER);
    expect(tom?.tickets.map((ticket) => ticket.ticketNumber)).toEqual(['BTN-2026-000001', 'BTN-2026-000002']);
    expect(tom?.tickets[0]).toMatchObject({ severity: 'A', customer: 'Contoso Ltd', status: 'triaged', risks: [expect.stringContaining('First response (Sev A)')] });
  });

  it('leaves out tickets of customers without a TAM', () => {
    expect(tamDigestsFor([northwind], org, LATER)).toEqual([]);
  });

  it('names stalled follow-the-sun handoffs as a risk', () => {
    const stalled: Ticket = { ...contoso, handoffsSinceCustomerUpdate: 3 };
    const [digest] = tamDigestsFor([stalled], org, minutesAfter(T0, 3));
    expect(digest?.tickets[0]?.risks).toEqual(['3 follow-the-sun handoffs without an update to the customer.']);
  });

  it('takes its day from UTC, so a run just before and just after midnight makes two digests', () => {
    expect(digestDay('2026-11-23T23:59:59.999Z')).toBe('2026-11-23');
    expect(digestDay('2026-11-24T00:00:00.000Z')).toBe('2026-11-24');
    const [today] = tamDigestsFor([contoso], org, '2026-11-23T23:59:00.000Z');
    const [tomorrow] = tamDigestsFor([contoso], org, '2026-11-24T00:01:00.000Z');
    expect(today?.messageId).not.toBe(tomorrow?.messageId);
  });
});

describe('a ticket at risk, for the digest', () => {
  it('is one whose clock reached its warning instant or breached, not one still short of it', () => {
    // Severity A: the first response is due an hour after intake and warns at 75 %, 45 minutes in.
    expect(ticketRisks(contoso, org, minutesAfter(T0, 44))).toEqual([]);
    expect(ticketRisks(contoso, org, minutesAfter(T0, 45))).toEqual([expect.stringContaining('First response (Sev A)')]);
  });

  it('is not one whose clock was met, however long ago', () => {
    const assigned = applyAll(contoso, [{ type: 'assign', actor: system, engineer: maria }]);
    const acknowledged = applyAll(assigned, [{ type: 'acknowledge', actor: engineer(maria), message: 'Looking at it now.' }]);
    expect(ticketRisks(assigned, org, LATER).some((risk) => risk.includes('First response'))).toBe(true);
    expect(ticketRisks(acknowledged, org, LATER).some((risk) => risk.includes('First response'))).toBe(false);
  });

  it('leaves closed tickets out of the digest', () => {
    expect(tamDigestsFor([closedTicket()], org, minutesAfter(T0, 60 * 24 * 3))).toEqual([]);
  });

  it('names the customer by the requester’s address when the ticket names no company, leaving out what it lacks, and the TAM by address alone when no contract names them', () => {
    const chat = receiveTicket({
      ticketNumber: 'BTN-2026-000100',
      intake: IntakeSchema.parse({ channel: 'chat', requester: { name: 'Ken', email: 'ken@fabrikam.com' }, description: 'Outlook will not start.' }),
      accessTokenHash: 'sha256:00112233445566778899',
      receivedAt: T0,
    }).ticket;
    const triagedChat = applyAll(chat, [
      { type: 'start-validation', actor: system },
      { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified', tamEmail: 'ines.costa@css.example' },
    ]);
    const [digest] = tamDigestsFor([{ ...triagedChat, handoffsSinceCustomerUpdate: 3 }], org, minutesAfter(T0, 10));
    expect(digest?.to).toStrictEqual([{ role: 'tam', email: 'ines.costa@css.example' }]);
    expect(digest?.tickets).toStrictEqual([
      { ticketNumber: 'BTN-2026-000100', customer: 'ken@fabrikam.com', status: 'triaged', risks: ['3 follow-the-sun handoffs without an update to the customer.'] },
    ]);
  });

  it('is not one whose first response came late: that clock has stopped, and the next update is not yet near', () => {
    const assigned = applyAll(contoso, [{ type: 'assign', actor: system, engineer: maria }]);
    const lateAnswer = apply(assigned, { type: 'acknowledge', actor: engineer(maria), message: 'Looking at it now.' }, minutesAfter(T0, 90));
    expect(ticketRisks(lateAnswer, org, minutesAfter(T0, 120))).toEqual([]);
  });

  it('leaves a TAM whose tickets are all on track without a digest', () => {
    const onTrack = triaged('BTN-2026-000003', 'contoso-unified', 'tom.reyes@css.example');
    expect(tamDigestsFor([onTrack], org, minutesAfter(T0, 10))).toEqual([]);
  });

  it('carries the ticket’s title when it has one', () => {
    const [digest] = tamDigestsFor([triaged('BTN-2026-000004', 'contoso-unified', 'tom.reyes@css.example')], org, LATER);
    expect(digest?.tickets[0]?.title).toBe('Outbound mail stuck in queue for all users');
  });
});

describe("a TAM digest's message id", () => {
  it('is the same however the address is written', () => {
    expect(tamDigestMessageId('  Tom.Reyes@CSS.example ', '2026-11-23')).toBe('tam-digest/2026-11-23/tom.reyes@css.example');
  });
});
