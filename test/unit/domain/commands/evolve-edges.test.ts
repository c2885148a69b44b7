import { evolve, ticketFromTimeline } from '../../../../shared/domain/commands/evolve';
import { vendorFollowUpDueAt } from '../../../../shared/domain/commands/vendor-escalation-state';
import type { TimelineEvent } from '../../../../shared/domain/timeline/timeline-event';
import { applyAll, closedTicket, context, engineer, investigatingTicket, lukas, maria, receivedTicket, requester, system, triagedTicket } from '../support/ticket-fixtures';
import { minimalBrief } from '../support/handoff-fixtures';

/** A ticket whose vendor case is open, on Severity A. */
const withVendorCase = () =>
  applyAll(investigatingTicket(), [
    { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend transport logs are needed.' },
    { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '2611230040001234' } },
  ]);

describe('what each event does to the ticket, at its edges', () => {
  it('refuses to replay a timeline that does not start with the ticket\'s receipt', () => {
    const [, ...withoutReceipt] = investigatingTicket().timeline;
    expect(ticketFromTimeline(withoutReceipt)).toEqual({ ok: false, problem: 'a timeline starts with ticket-received' });
    expect(ticketFromTimeline([])).toEqual({ ok: false, problem: 'a timeline starts with ticket-received' });
  });

  it('closes a ticket rejected at validation with that reason, as rejected', () => {
    const rejected = applyAll(receivedTicket(), [
      { type: 'start-validation', actor: system },
      { type: 'reject', actor: system, reasons: [{ code: 'missing-field', field: 'title', message: 'The title is missing.' }] },
    ]);
    expect(rejected).toMatchObject({ status: 'rejected', closure: { reason: 'rejected-at-validation', summary: 'The title is missing.' } });
  });

  it('puts a reopened ticket back to assigned when someone is assigned to it', () => {
    const reopened = applyAll(triagedTicket(), [
      { type: 'self-close', actor: requester, solution: 'It started working again.' },
      { type: 'reopen', actor: requester, reason: 'It stopped working again.' },
    ]);
    expect(reopened.status).toBe('reopened');
    expect(applyAll(reopened, [{ type: 'assign', actor: system, engineer: lukas }])).toMatchObject({ status: 'assigned', assignee: lukas });
  });

  it('lists a file once when its event is replayed', () => {
    const ticket = investigatingTicket();
    const event = {
      id: `${ticket.ticketNumber}-9999`,
      sequence: 9999,
      at: '2026-11-23T15:00:00.000Z',
      actor: requester,
      visibility: 'customer',
      type: 'attachment-added',
      attachment: { id: 'a'.repeat(24), name: 'trace.log', size: 400, kind: 'text', contentType: 'text/plain', sha256: 'b'.repeat(64), uploadedAt: '2026-11-23T15:00:00.000Z', uploadedBy: requester, visibility: 'requester' },
    } as const satisfies TimelineEvent;
    expect(evolve(evolve(ticket, event), event).attachments).toEqual([event.attachment]);
  });

  it('keeps the ticket\'s scope when a vendor update names none, and takes the one it names', () => {
    const ticket = withVendorCase();
    expect(applyAll(ticket, [{ type: 'vendor-update', actor: system, note: 'Still looking.', status: 'open' }]).scope).toBe('cloud');
    expect(applyAll(ticket, [{ type: 'vendor-update', actor: system, note: 'The fault is on-premises.', status: 'open', scope: 'on-premises' }]).scope).toBe('on-premises');
  });

  it('numbers the events of one command one after another', () => {
    const before = investigatingTicket();
    const handed = applyAll(before, [{ type: 'handoff', actor: system, toEngineer: lukas, brief: minimalBrief(before) }]);
    const last = before.timeline.at(-1)?.sequence ?? 0;
    expect(handed.timeline.slice(-2).map((event) => event.sequence)).toEqual([last + 1, last + 2]);
  });

  it('chases no vendor once the ticket is closed, even with the vendor case still open', () => {
    const open = withVendorCase();
    expect(vendorFollowUpDueAt(open, context.lifecycle)).toBeDefined();
    const closed = applyAll(open, [
      { type: 'propose-resolution', actor: engineer(maria), summary: 'The vendor fixed the transport queue.' },
      { type: 'confirm-resolution', actor: requester },
    ]);
    expect(closed.status).toBe('closed');
    expect(vendorFollowUpDueAt(closed, context.lifecycle)).toBeUndefined();
    expect(closedTicket().vendorCase).toBeUndefined();
  });
});
