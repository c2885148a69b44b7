import { decide } from '../../../../shared/domain/commands/decide';
import { ticketFromTimeline } from '../../../../shared/domain/commands/evolve';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import {
  applyAll,
  assignedTicket,
  closedTicket,
  context,
  engineer,
  investigatingTicket,
  lead,
  lukas,
  maria,
  minutesAfter,
  proposedTicket,
  receivedTicket,
  requester,
  system,
  T0,
  webFormIntake,
} from '../support/ticket-fixtures';

describe('receiving a ticket', () => {
  it('projects the intake onto a new ticket whose timeline starts with ticket-received', () => {
    const { ticket, event } = receiveTicket({ ticketNumber: 'BTN-2026-000007', intake: webFormIntake(), accessTokenHash: 'sha256:feedfacefeedface', receivedAt: T0 });
    expect(event.id).toBe('BTN-2026-000007:1');
    expect(ticket).toMatchObject({
      id: 'BTN-2026-000007',
      status: 'received',
      severity: 'A',
      requesterEmail: 'aoife.byrne@contoso.com',
      createdAt: T0,
      handoffsSinceCustomerUpdate: 0,
      raisedAlertKeys: [],
    });
    expect(ticket.timeline).toEqual([event]);
    expect(event.actor).toEqual({ role: 'requester', id: 'aoife.byrne@contoso.com', name: 'Aoife Byrne' });
  });

  it('cannot rebuild a ticket from a timeline that does not start with its receipt', () => {
    expect(ticketFromTimeline([])).toEqual({ ok: false, problem: 'a timeline starts with ticket-received' });
  });
});

describe('the lifecycle from intake to confirmed resolution', () => {
  it('walks received → validating → triaged → assigned → investigating → awaiting-customer → investigating → resolution-proposed → closed', () => {
    const statuses: string[] = [];
    let ticket = receivedTicket();
    statuses.push(ticket.status);
    const steps = [
      { type: 'start-validation', actor: system },
      { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified' },
      { type: 'assign', actor: system, engineer: maria },
      { type: 'acknowledge', actor: engineer(maria), message: 'I have your ticket and am looking at the message trace now.' },
      { type: 'request-info', actor: engineer(maria), message: 'Could you send the output of Get-Queue from the hybrid server?' },
      { type: 'customer-reply', actor: requester, message: 'Attached: 1,204 messages in Retry.' },
      { type: 'propose-resolution', actor: engineer(maria), summary: 'Smart host record fixed; queue drained.' },
      { type: 'confirm-resolution', actor: requester },
    ] as const;
    for (const step of steps) {
      ticket = applyAll(ticket, [step]);
      statuses.push(ticket.status);
    }
    expect(statuses).toEqual([
      'received',
      'validating',
      'triaged',
      'assigned',
      'investigating',
      'awaiting-customer',
      'investigating',
      'resolution-proposed',
      'closed',
    ]);
    expect(ticket.closure).toEqual({ reason: 'confirmed', at: ticket.updatedAt, summary: 'Smart host record fixed; queue drained.' });
    expect(ticket.timeline.map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('records triage routing and the TAM on the ticket', () => {
    const ticket = assignedTicket();
    expect(ticket).toMatchObject({ slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example', assignee: maria });
  });

  it('closes a ticket rejected at validation with every reason', () => {
    const reasons = [
      { code: 'contract-not-active', message: 'Your contract ended on 2025-12-31.' },
      { code: 'severity-not-in-plan', field: 'severity', message: 'Your plan does not include Severity A.' },
    ] as const;
    const ticket = applyAll(receivedTicket(), [
      { type: 'start-validation', actor: system },
      { type: 'reject', actor: system, reasons: [...reasons] },
    ]);
    expect(ticket.status).toBe('rejected');
    expect(ticket.closure?.reason).toBe('rejected-at-validation');
    expect(ticket.closure?.summary).toContain('Severity A');
    expect(ticket.closure?.summary).toContain('2025-12-31');
  });
});

describe('other endings', () => {
  it('lets the requester close with their own solution at any open stage', () => {
    const ticket = applyAll(investigatingTicket(), [{ type: 'self-close', actor: requester, solution: 'Removed the stale transport rule ourselves.' }]);
    expect(ticket.closure).toMatchObject({ reason: 'self-closed', summary: 'Removed the stale transport rule ourselves.' });
  });

  it('puts a rejected resolution back to work', () => {
    const ticket = applyAll(proposedTicket(), [{ type: 'reject-resolution', actor: requester, reason: 'Mail to external domains still queues.' }]);
    expect(ticket.status).toBe('investigating');
    expect(ticket.proposedResolution).toBeUndefined();
  });

  it('treats a customer reply to a proposed resolution as the conversation going on', () => {
    const ticket = applyAll(proposedTicket(), [{ type: 'customer-reply', actor: requester, message: 'Does this also cover the shared mailboxes?' }]);
    expect(ticket.status).toBe('investigating');
    expect(ticket.proposedResolution).toBeUndefined();
  });

  it('closes for lack of entitlement when the vendor finds the problem on-premises', () => {
    const ticket = applyAll(investigatingTicket(), [{ type: 'close-not-entitled', actor: system, explanation: 'The problem lies on-premises and your contract has no on-premises add-on.' }]);
    expect(ticket.closure?.reason).toBe('not-entitled');
  });

  it('reopens within the window and not after it', () => {
    const closed = closedTicket();
    const closedAt = closed.closure?.at ?? T0;
    const reopened = decide(closed, { type: 'reopen', actor: requester, reason: 'The queue is growing again.' }, minutesAfter(closedAt, 13 * 24 * 60), context);
    expect(reopened.ok).toBe(true);
    const late = decide(closed, { type: 'reopen', actor: requester, reason: 'The queue is growing again.' }, minutesAfter(closedAt, 15 * 24 * 60), context);
    expect(late).toMatchObject({ ok: false, rejection: { code: 'window-closed' } });
    const ticket = applyAll(closed, [{ type: 'reopen', actor: requester, reason: 'The queue is growing again.' }]);
    expect(ticket.status).toBe('reopened');
    expect(ticket.closure).toBeUndefined();
  });

  it('never reopens a ticket closed for lack of entitlement', () => {
    const closed = applyAll(investigatingTicket(), [{ type: 'close-not-entitled', actor: system, explanation: 'On-premises without the add-on.' }]);
    expect(decide(closed, { type: 'reopen', actor: requester, reason: 'We disagree.' }, closed.updatedAt, context)).toMatchObject({
      ok: false,
      rejection: { code: 'invalid-state' },
    });
  });

  it('lets a reopened ticket be worked again by its engineer', () => {
    const ticket = applyAll(closedTicket(), [
      { type: 'reopen', actor: requester, reason: 'The queue is growing again.' },
      { type: 'respond', actor: engineer(maria), message: 'Looking at it again now.' },
    ]);
    expect(ticket.status).toBe('investigating');
  });

  it('reassigns and then lets only the new engineer act', () => {
    const ticket = applyAll(investigatingTicket(), [{ type: 'assign', actor: lead, engineer: lukas }]);
    expect(ticket.timeline.at(-1)).toMatchObject({ type: 'engineer-assigned', reason: 'reassignment' });
    expect(decide(ticket, { type: 'respond', actor: engineer(maria), message: 'hello' }, ticket.updatedAt, context)).toMatchObject({ ok: false, rejection: { code: 'forbidden' } });
    expect(decide(ticket, { type: 'assign', actor: lead, engineer: lukas }, ticket.updatedAt, context)).toMatchObject({ ok: false, rejection: { code: 'invalid-command' } });
  });
});

describe('timing of events', () => {
  it('never lets an event predate the one before it', () => {
    const ticket = assignedTicket();
    const decision = decide(ticket, { type: 'acknowledge', actor: engineer(maria), message: 'On it.' }, minutesAfter(ticket.updatedAt, -5), context);
    expect(decision.ok && decision.events[0]?.at).toBe(ticket.updatedAt);
  });
});
