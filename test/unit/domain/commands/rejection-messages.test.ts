import { Command } from '../../../../shared/domain/commands/commands';
import { decide } from '../../../../shared/domain/commands/decide';
import { instantPlus } from '../../../../shared/domain/commands/instants';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import {
  apply,
  applyAll,
  closedTicket,
  context,
  engineer,
  investigatingTicket,
  lead,
  lukas,
  maria,
  proposedTicket,
  requester,
  system,
  tam,
  triagedTicket,
  vendor,
} from '../support/ticket-fixtures';
import { minimalBrief as minimalBriefOf } from '../support/handoff-fixtures';

/** A command refused at `at` (by default one minute after the ticket's last event): its code and message. */
function refusal(ticket: Ticket, command: Command, at = instantPlus(ticket.updatedAt, { hours: 1 / 60 })) {
  const decision = decide(ticket, command, at, context);
  return decision.ok ? 'accepted' : decision.rejection;
}

/** Self-closed before anyone took it, then reopened: a ticket that is worked on but has nobody assigned. */
const reopenedUnassigned = applyAll(triagedTicket(), [
  { type: 'self-close', actor: requester, solution: 'It started working again.' },
  { type: 'reopen', actor: requester, reason: 'It stopped working again.' },
]);

describe('a refused command says why, in words the person who issued it reads', () => {
  it('names the role that may not run the command, and the command in words', () => {
    const ticket = investigatingTicket();
    expect(refusal(ticket, { type: 'respond', actor: requester, message: 'Hello.' })).toEqual({ code: 'forbidden', message: 'a requester cannot respond' });
    expect(refusal(ticket, { type: 'escalate-to-vendor', actor: tam, justification: 'Logs.' })).toEqual({ code: 'forbidden', message: 'a TAM cannot escalate to vendor' });
    expect(refusal(ticket, { type: 'consent-to-downgrade', actor: vendor })).toEqual({ code: 'forbidden', message: 'the vendor cannot consent to downgrade' });
  });

  it('keeps an engineer to their own tickets, and a requester to theirs', () => {
    const ticket = investigatingTicket();
    expect(refusal(ticket, { type: 'respond', actor: engineer(lukas), message: 'Hello.' })).toEqual({
      code: 'forbidden',
      message: 'only the assigned engineer (or a team lead) can do this',
    });
    const stranger = { role: 'requester', id: 'someone.else@contoso.com' } as const;
    expect(refusal(ticket, { type: 'customer-reply', actor: stranger, message: 'Me too.' })).toEqual({ code: 'forbidden', message: "only the ticket's requester can do this" });
  });

  it('recognises the requester whatever the case of their address, and one known only by the ticket’s access token', () => {
    const ticket = investigatingTicket();
    expect(refusal(ticket, { type: 'customer-reply', actor: { role: 'requester', id: 'AOIFE.BYRNE@contoso.com' }, message: 'Still broken.' })).toBe('accepted');
    expect(refusal(ticket, { type: 'customer-reply', actor: { role: 'requester' }, message: 'Still broken.' })).toBe('accepted');
  });

  it('names the command and the status that does not allow it', () => {
    expect(refusal(triagedTicket(), { type: 'propose-resolution', actor: lead, summary: 'Fixed.' })).toEqual({
      code: 'invalid-state',
      message: 'cannot propose resolution while the ticket is triaged',
    });
  });

  it('explains assignment and acknowledgement refusals', () => {
    const ticket = investigatingTicket();
    expect(refusal(ticket, { type: 'assign', actor: lead, engineer: maria })).toEqual({ code: 'invalid-command', message: 'María García is already assigned' });
    expect(refusal(reopenedUnassigned, { type: 'acknowledge', actor: lead, message: 'On it.' })).toEqual({
      code: 'invalid-state',
      message: 'nobody is assigned to acknowledge this ticket',
    });
    expect(refusal(reopenedUnassigned, { type: 'handoff', actor: system, toEngineer: lukas, brief: minimalBriefOf(reopenedUnassigned) })).toEqual({
      code: 'invalid-state',
      message: 'nobody is assigned, so there is nothing to hand off',
    });
  });

  it('explains why a vendor step cannot be taken', () => {
    const requested = applyAll(investigatingTicket(), [{ type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend logs needed.' }]);
    expect(refusal(requested, { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Again.' })).toEqual({
      code: 'invalid-state',
      message: 'a vendor escalation is already under way',
    });
    const opened = applyAll(requested, [
      { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '2611230040001234' } },
      { type: 'request-info', actor: engineer(maria), message: 'Which users are affected now?' },
    ]);
    expect(refusal(opened, { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Again.' })).toEqual({
      code: 'invalid-state',
      message: 'vendor case 2611230040001234 is already open',
    });
    const ticket = investigatingTicket();
    expect(refusal(ticket, { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '1' } })).toEqual({
      code: 'invalid-state',
      message: 'no vendor escalation awaits its case',
    });
    expect(refusal(ticket, { type: 'vendor-update', actor: system, note: 'x', status: 'investigating' })).toEqual({ code: 'invalid-state', message: 'no vendor case is open' });
    expect(refusal(ticket, { type: 'follow-up-vendor', actor: system })).toEqual({ code: 'invalid-state', message: 'no vendor case is open' });
  });

  it('tells when the reminder and the auto-closure will be due', () => {
    const proposed = proposedTicket();
    const proposedAt = proposed.proposedResolution?.at ?? proposed.updatedAt;
    expect(refusal(proposed, { type: 'send-resolution-reminder', actor: system })).toEqual({
      code: 'too-early',
      message: `the reminder is due at ${instantPlus(proposedAt, { days: 3 })}`,
    });
    expect(refusal(proposed, { type: 'auto-close', actor: system })).toEqual({ code: 'too-early', message: `the quiet period ends at ${instantPlus(proposedAt, { days: 7 })}` });
    const reminded = apply(proposed, { type: 'send-resolution-reminder', actor: system }, instantPlus(proposedAt, { days: 3 }));
    expect(refusal(reminded, { type: 'send-resolution-reminder', actor: system }, instantPlus(proposedAt, { days: 4 }))).toEqual({
      code: 'invalid-state',
      message: 'the requester has already been reminded of this proposal',
    });
  });

  it('explains why a ticket cannot be reopened, up to the last instant of the window', () => {
    const closed = closedTicket();
    const windowEnds = instantPlus(closed.closure?.at ?? closed.updatedAt, { days: 14 });
    expect(refusal(closed, { type: 'reopen', actor: requester, reason: 'Broken again.' }, windowEnds)).toBe('accepted');
    expect(refusal(closed, { type: 'reopen', actor: requester, reason: 'Broken again.' }, instantPlus(windowEnds, { hours: 1 / 3600 }))).toEqual({
      code: 'window-closed',
      message: `the reopen window ended at ${windowEnds}; please open a new ticket`,
    });
    const notEntitled = applyAll(investigatingTicket(), [{ type: 'close-not-entitled', actor: system, explanation: 'On-premises without the add-on.' }]);
    expect(refusal(notEntitled, { type: 'reopen', actor: requester, reason: 'We disagree.' })).toEqual({
      code: 'invalid-state',
      message: 'a ticket closed for lack of entitlement cannot be reopened; please open a new one',
    });
  });
});
