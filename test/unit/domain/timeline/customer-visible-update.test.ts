import { isCustomerVisibleUpdate } from '../../../../shared/domain/timeline/customer-visible-update';
import { applyAll, engineer, graceRef, investigatingTicket, lead, lukas, maria, requester, system } from '../support/ticket-fixtures';

describe('the customer hearing from us', () => {
  const ticket = investigatingTicket();
  const lastEventOf = (...commands: Parameters<typeof applyAll>[1]) => applyAll(ticket, commands).timeline.at(-1);
  const counts = (...commands: Parameters<typeof applyAll>[1]) => {
    const event = lastEventOf(...commands);
    return event !== undefined && isCustomerVisibleUpdate(event);
  };

  it('is a message from the desk the customer can read: an answer, a question, a proposed resolution', () => {
    expect(counts({ type: 'respond', actor: engineer(maria), message: 'We found the stale DNS record.' })).toBe(true);
    expect(counts({ type: 'request-info', actor: lead, message: 'Which users are affected?' })).toBe(true);
    expect(counts({ type: 'propose-resolution', actor: engineer(maria), summary: 'Connector fixed.' })).toBe(true);
  });

  it('is not another event the customer sees, such as a proposed downgrade or a new engineer', () => {
    expect(counts({ type: 'change-severity', actor: engineer(maria), to: 'B', reason: 'Only one site is affected now.' })).toBe(false);
    expect(counts({ type: 'assign', actor: lead, engineer: lukas })).toBe(false);
  });

  it('is not the customer’s own reply, nor an internal note', () => {
    expect(counts({ type: 'customer-reply', actor: requester, message: 'Any news?' })).toBe(false);
    expect(counts({ type: 'internal-note', actor: engineer(maria), note: 'Checked the connector.' })).toBe(false);
    expect(counts({ type: 'escalate-internally', actor: system, reason: 'Stalled.', to: graceRef })).toBe(false);
  });
});
