import { Ticket } from '../../../../shared/domain/ticket/ticket';
import {
  applyAll,
  closedTicket,
  engineer,
  investigatingTicket,
  lead,
  lukas,
  maria,
  proposedTicket,
  receivedTicket,
  requester,
  system,
  vendor,
} from '../support/ticket-fixtures';

const escalationRequested = (ticket: Ticket = investigatingTicket()) =>
  applyAll(ticket, [{ type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend transport logs are needed.' }]);
const caseOpened = { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '2611230040001234' } } as const;
const question = { type: 'request-info', actor: engineer(maria), message: 'Which users are affected?' } as const;

describe('the ticket as its timeline tells it', () => {
  it('keeps waiting on the customer when the vendor case opens meanwhile, and goes to the vendor stage on their reply', () => {
    const waiting = applyAll(escalationRequested(), [question, caseOpened]);
    expect(waiting).toMatchObject({ status: 'awaiting-customer', vendorCase: { status: 'open' } });
    expect(applyAll(waiting, [{ type: 'customer-reply', actor: requester, message: 'All of sales.' }]).status).toBe('escalated-to-vendor');
  });

  it('keeps waiting on the customer when the vendor closes its case meanwhile', () => {
    const waiting = applyAll(escalationRequested(), [caseOpened, question, { type: 'vendor-update', actor: vendor, note: 'No platform fault.', status: 'closed' }]);
    expect(waiting).toMatchObject({ status: 'awaiting-customer', vendorCase: { status: 'closed' } });
    expect(applyAll(waiting, [{ type: 'customer-reply', actor: requester, message: 'All of sales.' }]).status).toBe('investigating');
  });

  it('leaves the status alone on a customer reply nobody waited for', () => {
    expect(applyAll(investigatingTicket(), [{ type: 'customer-reply', actor: requester, message: 'Any news?' }]).status).toBe('investigating');
  });

  it('drops a proposal the customer answers by replying, and a rejected one, back to the vendor stage while the case is open', () => {
    const atVendor = applyAll(escalationRequested(), [caseOpened, { type: 'propose-resolution', actor: engineer(maria), summary: 'Rule lifted.' }]);
    const replied = applyAll(atVendor, [{ type: 'customer-reply', actor: requester, message: 'Still queued here.' }]);
    expect(replied.status).toBe('escalated-to-vendor');
    expect(replied.proposedResolution).toBeUndefined();
    const rejected = applyAll(atVendor, [{ type: 'reject-resolution', actor: requester, reason: 'Still queued here.' }]);
    expect(rejected.status).toBe('escalated-to-vendor');
    expect('proposedResolution' in rejected).toBe(false);
  });

  it('keeps an investigation going when the ticket changes hands, and starts it again on the acknowledgement of a reopened one', () => {
    const reassigned = applyAll(investigatingTicket(), [{ type: 'assign', actor: lead, engineer: lukas }]);
    expect(reassigned).toMatchObject({ status: 'investigating', assignee: lukas });
    expect(reassigned.timeline.filter((event) => event.type === 'engineer-assigned').map((event) => event.type === 'engineer-assigned' && event.reason)).toEqual(['initial', 'reassignment']);
    const reopened = applyAll(closedTicket(), [{ type: 'reopen', actor: requester, reason: 'Broken again.' }]);
    expect(reopened.status).toBe('reopened');
    expect('closure' in reopened || 'proposedResolution' in reopened).toBe(false);
    expect(applyAll(reopened, [{ type: 'acknowledge', actor: engineer(maria), message: 'Looking again.' }]).status).toBe('investigating');
  });

  it('closes a rejected ticket with every reason, one a line', () => {
    const rejected = applyAll(receivedTicket(), [
      { type: 'start-validation', actor: system },
      { type: 'reject', actor: system, reasons: [{ code: 'no-contract', message: 'No contract covers contoso.com.' }, { code: 'description-unclear', field: 'description', message: 'Too vague.' }] },
    ]);
    expect(rejected.status).toBe('rejected');
    expect(rejected.closure).toEqual({ reason: 'rejected-at-validation', at: rejected.updatedAt, summary: 'No contract covers contoso.com.\nToo vague.' });
  });

  it('records the TAM only when triage names one', () => {
    const withoutTam = applyAll(receivedTicket(), [
      { type: 'start-validation', actor: system },
      { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified' },
    ]);
    expect(withoutTam).toMatchObject({ status: 'triaged', slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified' });
    expect('tamEmail' in withoutTam).toBe(false);
    expect(Object.keys(withoutTam.timeline.at(-1) ?? {})).not.toContain('tamEmail');
  });

  it('remembers each SLA alert key once, and when the vendor was last followed up', () => {
    const alert = { kind: 'warning', metric: 'next-update', cycleId: 'c1', key: 'next-update:c1:warning', dueAt: '2026-11-23T16:00:00.000Z' } as const;
    const warned = applyAll(investigatingTicket(), [{ type: 'raise-sla-alert', actor: system, alert }]);
    expect(warned.raisedAlertKeys).toEqual(['next-update:c1:warning']);
    const again = applyAll(warned, [{ type: 'raise-sla-alert', actor: system, alert }]);
    expect(again.raisedAlertKeys).toEqual(['next-update:c1:warning']);
    expect(again.timeline).toHaveLength(warned.timeline.length);
    const chased = applyAll(escalationRequested(), [caseOpened, { type: 'follow-up-vendor', actor: system }]);
    expect(chased.vendorCase).toEqual({ caseId: '2611230040001234', openedAt: chased.timeline.at(-2)?.at, lastCheckedAt: chased.updatedAt, status: 'open' });
  });

  it('closes with the proposed resolution as its summary', () => {
    const proposed = proposedTicket();
    expect(applyAll(proposed, [{ type: 'confirm-resolution', actor: requester }]).closure?.summary).toBe(proposed.proposedResolution?.summary);
  });

  it('records a next step and what was tried on an internal note only when the engineer wrote them', () => {
    const noted = applyAll(investigatingTicket(), [
      { type: 'internal-note', actor: engineer(maria), note: 'Checked the connector.' },
      { type: 'internal-note', actor: engineer(maria), note: 'DNS is stale.', nextStep: 'Retry the queue.', tried: ['Flushed the DNS cache'] },
    ]);
    const [plain, handoffNote] = noted.timeline.slice(-2);
    expect(Object.keys(plain ?? {})).not.toEqual(expect.arrayContaining(['nextStep']));
    expect(Object.keys(plain ?? {})).not.toEqual(expect.arrayContaining(['tried']));
    expect(handoffNote).toMatchObject({ note: 'DNS is stale.', nextStep: 'Retry the queue.', tried: ['Flushed the DNS cache'] });
  });
});
