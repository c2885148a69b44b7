import { Command } from '../../../../shared/domain/commands/commands';
import { decide } from '../../../../shared/domain/commands/decide';
import { instantPlus } from '../../../../shared/domain/commands/instants';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import {
  apply,
  applyAll,
  assignedTicket,
  closedTicket,
  context,
  engineer,
  investigatingTicket,
  lead,
  lukas,
  maria,
  proposedTicket,
  receivedTicket,
  requester,
  system,
  triagedTicket,
} from '../support/ticket-fixtures';
import { minimalBrief } from '../support/handoff-fixtures';

function rejectionOf(ticket: Ticket, command: Command, at = instantPlus(ticket.updatedAt, { hours: 1 })) {
  const decision = decide(ticket, command, at, context);
  return decision.ok ? 'accepted' : decision.rejection.code;
}

const rejectedTicket = applyAll(receivedTicket(), [
  { type: 'start-validation', actor: system },
  { type: 'reject', actor: system, reasons: [{ code: 'no-contract', message: 'No contract covers contoso.com.' }] },
]);

describe('illegal transitions', () => {
  it.each<[string, () => Ticket, Command]>([
    ['acknowledging a ticket not yet triaged', receivedTicket, { type: 'acknowledge', actor: lead, message: 'On it.' }],
    ['validating twice', () => applyAll(receivedTicket(), [{ type: 'start-validation', actor: system }]), { type: 'start-validation', actor: system }],
    ['triaging without validation', receivedTicket, { type: 'triage', actor: system, slaPolicyId: 'p', queueId: 'q', contractId: 'c' }],
    ['rejecting a triaged ticket', triagedTicket, { type: 'reject', actor: system, reasons: [{ code: 'no-contract', message: 'x' }] }],
    ['confirming a resolution never proposed', investigatingTicket, { type: 'confirm-resolution', actor: requester }],
    ['acknowledging twice', investigatingTicket, { type: 'acknowledge', actor: engineer(maria), message: 'On it again.' }],
    ['proposing a resolution before assignment', triagedTicket, { type: 'propose-resolution', actor: lead, summary: 'x' }],
    ['replying on a closed ticket', closedTicket, { type: 'customer-reply', actor: requester, message: 'Thanks!' }],
    ['reopening an open ticket', investigatingTicket, { type: 'reopen', actor: requester, reason: 'Broken again.' }],
    ['auto-closing without a proposal', investigatingTicket, { type: 'auto-close', actor: system }],
    ['handing off an unassigned ticket', triagedTicket, { type: 'handoff', actor: system, toEngineer: lukas, brief: minimalBrief(triagedTicket()) }],
    ['assigning a rejected ticket', () => rejectedTicket, { type: 'assign', actor: system, engineer: maria }],
    ['escalating to the vendor once a resolution is proposed', proposedTicket, { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend logs.' }],
    ['acknowledging a handoff that never happened', investigatingTicket, { type: 'acknowledge-handoff', actor: engineer(maria) }],
    ['answering a downgrade nobody proposed', investigatingTicket, { type: 'consent-to-downgrade', actor: requester }],
    ['recording a vendor case nobody asked for', investigatingTicket, { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '1' } }],
    ['updating a vendor case that is not open', investigatingTicket, { type: 'vendor-update', actor: system, note: 'x', status: 'investigating' }],
    ['following up a vendor case that is not open', investigatingTicket, { type: 'follow-up-vendor', actor: system }],
  ])('rejects %s as invalid-state', (_name, ticket, command) => {
    expect(rejectionOf(ticket(), command)).toBe('invalid-state');
  });

  it('allows nothing but an internal note on a ticket rejected at validation', () => {
    expect(rejectionOf(rejectedTicket, { type: 'self-close', actor: requester, solution: 'x' })).toBe('invalid-state');
    expect(rejectionOf(rejectedTicket, { type: 'customer-reply', actor: requester, message: 'x' })).toBe('invalid-state');
    expect(rejectionOf(rejectedTicket, { type: 'reopen', actor: requester, reason: 'Please reconsider.' })).toBe('invalid-state');
    expect(rejectionOf(rejectedTicket, { type: 'internal-note', actor: engineer(maria), note: 'Called them: contract renewal is in progress.' })).toBe('accepted');
  });

  it('does not reassign to the engineer who already has the ticket', () => {
    expect(rejectionOf(assignedTicket(), { type: 'assign', actor: system, engineer: maria })).toBe('invalid-command');
  });

  it('does not hand off to the engineer who already has the ticket, nor with another ticket’s brief', () => {
    const ticket = investigatingTicket();
    expect(rejectionOf(ticket, { type: 'handoff', actor: system, toEngineer: maria, brief: minimalBrief(ticket) })).toBe('invalid-command');
    expect(rejectionOf(ticket, { type: 'handoff', actor: system, toEngineer: lukas, brief: { ...minimalBrief(ticket), ticketNumber: 'BTN-2026-000001' } })).toBe(
      'invalid-command',
    );
  });
});

describe('quiet period and reminder', () => {
  const proposed = proposedTicket();
  const proposedAt = proposed.proposedResolution?.at ?? proposed.updatedAt;

  it('auto-closes only after the full quiet period, with the proposal as the closure summary', () => {
    expect(rejectionOf(proposed, { type: 'auto-close', actor: system }, instantPlus(proposedAt, { days: 6.9 }))).toBe('too-early');
    const closed = apply(proposed, { type: 'auto-close', actor: system }, instantPlus(proposedAt, { days: 7 }));
    expect(closed.closure).toEqual({ reason: 'auto-closed', at: instantPlus(proposedAt, { days: 7 }), summary: proposed.proposedResolution?.summary });
  });

  it('reminds once, and not before it is due', () => {
    expect(rejectionOf(proposed, { type: 'send-resolution-reminder', actor: system }, instantPlus(proposedAt, { days: 2 }))).toBe('too-early');
    const reminded = apply(proposed, { type: 'send-resolution-reminder', actor: system }, instantPlus(proposedAt, { days: 3 }));
    expect(reminded.status).toBe('resolution-proposed');
    expect(rejectionOf(reminded, { type: 'send-resolution-reminder', actor: system }, instantPlus(proposedAt, { days: 4 }))).toBe('invalid-state');
  });

  it('starts the quiet period again with a new proposal after the customer answers', () => {
    const reminded = apply(proposed, { type: 'send-resolution-reminder', actor: system }, instantPlus(proposedAt, { days: 3 }));
    const again = applyAll(reminded, [
      { type: 'reject-resolution', actor: requester, reason: 'Shared mailboxes still queue.' },
      { type: 'propose-resolution', actor: engineer(maria), summary: 'Shared mailboxes moved to the new connector too.' },
    ]);
    const secondProposal = again.proposedResolution?.at ?? again.updatedAt;
    expect(rejectionOf(again, { type: 'auto-close', actor: system }, instantPlus(proposedAt, { days: 7.5 }))).toBe('too-early');
    expect(rejectionOf(again, { type: 'send-resolution-reminder', actor: system }, instantPlus(secondProposal, { days: 3 }))).toBe('accepted');
  });
});

describe('acknowledging', () => {
  it('needs someone to be assigned, even after a reopen', () => {
    const withdrawn = applyAll(receivedTicket(), [
      { type: 'self-close', actor: requester, solution: 'Found the answer in the docs.' },
      { type: 'reopen', actor: requester, reason: 'The documented fix did not hold.' },
    ]);
    expect(withdrawn.status).toBe('reopened');
    expect(rejectionOf(withdrawn, { type: 'acknowledge', actor: lead, message: 'Taking a look.' })).toBe('invalid-state');
  });
});
