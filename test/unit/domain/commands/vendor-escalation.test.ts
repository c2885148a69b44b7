import { decide } from '../../../../shared/domain/commands/decide';
import { instantPlus } from '../../../../shared/domain/commands/instants';
import { isVendorEscalationPending, vendorFollowUpDueAt } from '../../../../shared/domain/commands/vendor-escalation-state';
import { coversOnPremises } from '../../../../shared/domain/entitlement/entitlement-check';
import { DEFAULT_LIFECYCLE_SETTINGS } from '../../../../shared/domain/org/lifecycle-settings';
import { apply, applyAll, context, engineer, investigatingTicket, maria, requester, system, vendor } from '../support/ticket-fixtures';
import { sampleOrg } from '../support/org-fixtures';

describe('L3 vendor escalation', () => {
  const requested = applyAll(investigatingTicket(), [{ type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend transport logs are needed.' }]);
  const opened = applyAll(requested, [{ type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '2611230040001234' } }]);

  it('keeps the ticket with its engineer until the vendor case is open', () => {
    expect(requested.status).toBe('investigating');
    expect(isVendorEscalationPending(requested)).toBe(true);
    expect(opened).toMatchObject({ status: 'escalated-to-vendor', assignee: maria, vendorCase: { caseId: '2611230040001234', status: 'open' } });
    expect(isVendorEscalationPending(opened)).toBe(false);
  });

  it('records a failure to open the case and lets the engineer try again', () => {
    const failed = applyAll(requested, [{ type: 'record-vendor-case', actor: system, outcome: { status: 'failed', reason: 'Vendor portal unavailable.' } }]);
    expect(failed.status).toBe('investigating');
    expect(failed.vendorCase).toBeUndefined();
    expect(decide(failed, { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Retry.' }, failed.updatedAt, context).ok).toBe(true);
  });

  it('allows one escalation at a time', () => {
    expect(decide(requested, { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Again.' }, requested.updatedAt, context)).toMatchObject({ ok: false, rejection: { code: 'invalid-state' } });
    const waitingCustomer = applyAll(opened, [{ type: 'request-info', actor: engineer(maria), message: 'Microsoft asks for a network trace.' }]);
    expect(decide(waitingCustomer, { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Again.' }, waitingCustomer.updatedAt, context)).toMatchObject({
      ok: false,
      rejection: { code: 'invalid-state', message: expect.stringContaining('2611230040001234') },
    });
  });

  it('returns to the vendor stage when the customer answers a question the vendor asked', () => {
    const answered = applyAll(opened, [
      { type: 'request-info', actor: engineer(maria), message: 'Microsoft asks for a network trace.' },
      { type: 'customer-reply', actor: requester, message: 'Trace attached.' },
    ]);
    expect(answered.status).toBe('escalated-to-vendor');
  });

  it('records the vendor’s updates, and the scope they establish', () => {
    const onPrem = applyAll(opened, [{ type: 'vendor-update', actor: vendor, note: 'The fault lies in the on-premises hybrid server.', status: 'solution-provided', scope: 'on-premises' }]);
    expect(onPrem).toMatchObject({ scope: 'on-premises', vendorCase: { status: 'solution-provided', lastCheckedAt: onPrem.updatedAt }, status: 'escalated-to-vendor' });
    // Contoso has no on-premises add-on: the desk closes the ticket and explains why.
    expect(coversOnPremises(sampleOrg(), onPrem.contractId)).toBe(false);
    const closed = applyAll(onPrem, [{ type: 'close-not-entitled', actor: system, explanation: 'The problem lies on-premises, which your contract does not cover.' }]);
    expect(closed.closure?.reason).toBe('not-entitled');
  });

  it('goes back to investigating when the vendor closes the case', () => {
    const closedCase = applyAll(opened, [{ type: 'vendor-update', actor: vendor, note: 'Closing: no platform fault found.', status: 'closed' }]);
    expect(closedCase.status).toBe('investigating');
    expect(decide(closedCase, { type: 'follow-up-vendor', actor: system }, closedCase.updatedAt, context)).toMatchObject({ ok: false, rejection: { code: 'invalid-state' } });
  });

  it('chases the vendor at the severity’s interval after the last contact', () => {
    const openedAt = opened.vendorCase?.openedAt ?? opened.updatedAt;
    expect(vendorFollowUpDueAt(opened, DEFAULT_LIFECYCLE_SETTINGS)).toBe(instantPlus(openedAt, { hours: 4 }));
    const chased = apply(opened, { type: 'follow-up-vendor', actor: system, note: 'Asked for an ETA.' }, instantPlus(openedAt, { hours: 4 }));
    expect(chased.vendorCase?.lastCheckedAt).toBe(instantPlus(openedAt, { hours: 4 }));
    expect(vendorFollowUpDueAt(chased, DEFAULT_LIFECYCLE_SETTINGS)).toBe(instantPlus(openedAt, { hours: 8 }));
    expect(vendorFollowUpDueAt(investigatingTicket(), DEFAULT_LIFECYCLE_SETTINGS)).toBeUndefined();
    const sevC = applyAll(investigatingTicket({ severity: 'C' }), [
      { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Documentation gap.' },
      { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '1' } },
    ]);
    expect(vendorFollowUpDueAt(sevC, DEFAULT_LIFECYCLE_SETTINGS)).toBe(instantPlus(sevC.vendorCase?.openedAt ?? '', { hours: 72 }));
  });
});
