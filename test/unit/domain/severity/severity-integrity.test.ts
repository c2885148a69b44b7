import { decide } from '../../../../shared/domain/commands/decide';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import { IntakeSchema } from '../../../../shared/domain/intake/intake';
import { severityProposalForAvailability } from '../../../../shared/domain/severity/availability-rule';
import { isLowering, isRaise } from '../../../../shared/domain/severity/severity-order';
import { applyAll, context, engineer, investigatingTicket, lead, maria, requester, system, T0, tam } from '../support/ticket-fixtures';

describe('severity downgrade', () => {
  const sevA = investigatingTicket();
  const proposed = applyAll(sevA, [{ type: 'change-severity', actor: tam, to: 'B', reason: 'Only one site affected now; B keeps the account green.' }]);

  it('is only a proposal: the severity stays until the requester answers', () => {
    expect(proposed.severity).toBe('A');
    expect(proposed.pendingDowngrade).toMatchObject({ to: 'B', proposedBy: tam });
    expect(proposed.timeline.at(-1)).toMatchObject({ type: 'severity-downgrade-proposed', from: 'A', to: 'B', visibility: 'customer' });
  });

  it('takes effect only with the requester’s consent, recorded where the customer sees it', () => {
    const consented = applyAll(proposed, [{ type: 'consent-to-downgrade', actor: requester }]);
    expect(consented.severity).toBe('B');
    expect(consented.pendingDowngrade).toBeUndefined();
    expect(consented.timeline.at(-1)).toMatchObject({ type: 'severity-downgrade-consented', from: 'A', to: 'B', visibility: 'customer', actor: requester });
  });

  it('can be refused by the requester, keeping the severity', () => {
    const refused = applyAll(proposed, [{ type: 'refuse-downgrade', actor: requester }]);
    expect(refused.severity).toBe('A');
    expect(refused.pendingDowngrade).toBeUndefined();
    expect(refused.timeline.at(-1)?.type).toBe('severity-downgrade-refused');
  });

  it('cannot be consented to by the TAM or the engineer on the requester’s behalf', () => {
    for (const actor of [tam, engineer(maria), lead]) {
      expect(decide(proposed, { type: 'consent-to-downgrade', actor }, proposed.updatedAt, context)).toMatchObject({ ok: false, rejection: { code: 'forbidden' } });
    }
  });

  it('waits for one answer before another proposal', () => {
    expect(decide(proposed, { type: 'change-severity', actor: lead, to: 'C', reason: 'Workaround in place.' }, proposed.updatedAt, context)).toMatchObject({
      ok: false,
      rejection: { code: 'invalid-state', message: "a downgrade to Severity B already awaits the requester's answer" },
    });
  });

  it('cannot be answered when none was proposed, nor answered twice', () => {
    const consented = applyAll(proposed, [{ type: 'consent-to-downgrade', actor: requester }]);
    for (const ticket of [sevA, consented]) {
      for (const type of ['consent-to-downgrade', 'refuse-downgrade'] as const) {
        expect(decide(ticket, { type, actor: requester }, ticket.updatedAt, context)).toEqual({
          ok: false,
          rejection: { code: 'invalid-state', message: 'no severity downgrade awaits an answer' },
        });
      }
    }
  });

  it('is superseded by a raise', () => {
    const b = applyAll(proposed, [{ type: 'consent-to-downgrade', actor: requester }]);
    const proposedC = applyAll(b, [{ type: 'change-severity', actor: tam, to: 'C', reason: 'Workaround in place.' }]);
    const raised = applyAll(proposedC, [{ type: 'change-severity', actor: engineer(maria), to: 'A', reason: 'All sites down again.' }]);
    expect(raised.severity).toBe('A');
    expect(raised.pendingDowngrade).toBeUndefined();
  });
});

describe('severity raise', () => {
  const sevC = investigatingTicket({ severity: 'C' });

  it('takes effect at once when an engineer, team lead or TAM gives a reason', () => {
    for (const actor of [engineer(maria), lead, tam]) {
      const raised = applyAll(sevC, [{ type: 'change-severity', actor, to: 'B', reason: 'Production users now affected.' }]);
      expect(raised.severity).toBe('B');
      expect(raised.timeline.at(-1)).toMatchObject({ type: 'severity-raised', from: 'C', to: 'B', reason: 'Production users now affected.', visibility: 'customer' });
    }
  });

  it('is never done by Baton itself', () => {
    expect(decide(sevC, { type: 'change-severity', actor: system, to: 'B', reason: 'SLA breached.' }, sevC.updatedAt, context)).toMatchObject({
      ok: false,
      rejection: { code: 'forbidden', message: 'Baton only proposes downgrades; raising a severity needs a person with a reason' },
    });
  });

  it('to A needs a requester available 24x7', () => {
    const notAvailable = investigatingTicket({ severity: 'C', requester: { name: 'Aoife Byrne', email: 'aoife.byrne@contoso.com', timeZone: 'Europe/Dublin', available24x7: false } });
    expect(decide(notAvailable, { type: 'change-severity', actor: lead, to: 'A', reason: 'Company-wide outage.' }, notAvailable.updatedAt, context)).toMatchObject({
      ok: false,
      rejection: { code: 'invalid-command', message: expect.stringMatching(/24x7/) },
    });
    expect(decide(sevC, { type: 'change-severity', actor: lead, to: 'A', reason: 'Company-wide outage.' }, sevC.updatedAt, context).ok).toBe(true);
  });

  it('to the same severity is not a change', () => {
    expect(decide(sevC, { type: 'change-severity', actor: lead, to: 'C', reason: 'Same.' }, sevC.updatedAt, context)).toMatchObject({
      ok: false,
      rejection: { code: 'invalid-command', message: 'the ticket is already Severity C' },
    });
  });

  it('needs a severity to start from', () => {
    const chat = receiveTicket({
      ticketNumber: 'BTN-2026-000100',
      intake: IntakeSchema.parse({ channel: 'chat', requester: { name: 'Ken', email: 'ken@fabrikam.com' }, description: 'Outlook will not start.' }),
      accessTokenHash: 'sha256:00112233445566778899',
      receivedAt: T0,
    }).ticket;
    expect(decide(chat, { type: 'change-severity', actor: tam, to: 'B', reason: 'Guessing.' }, T0, context)).toMatchObject({
      ok: false,
      rejection: { code: 'invalid-state', message: 'the ticket has no severity yet' },
    });
  });
});

describe('Severity A availability rule', () => {
  it('proposes B when the requester is not available 24x7, and only then', () => {
    expect(severityProposalForAvailability({ severity: 'A', requester: { available24x7: false } })).toMatchObject({ to: 'B' });
    expect(severityProposalForAvailability({ severity: 'A', requester: {} })).toMatchObject({ to: 'B' });
    expect(severityProposalForAvailability({ severity: 'A', requester: { available24x7: true } })).toBeUndefined();
    expect(severityProposalForAvailability({ severity: 'B', requester: { available24x7: false } })).toBeUndefined();
  });

  it('proposes nothing for a ticket without a severity yet (a chat ticket before triage)', () => {
    expect(severityProposalForAvailability({ requester: { available24x7: false } })).toBeUndefined();
  });

  it('is carried out as a proposal by Baton, which the requester may refuse', () => {
    const ticket = investigatingTicket({ requester: { name: 'Aoife Byrne', email: 'aoife.byrne@contoso.com', timeZone: 'Europe/Dublin', available24x7: false } });
    const proposal = severityProposalForAvailability(ticket);
    expect(proposal).toBeDefined();
    const proposed = applyAll(ticket, [{ type: 'change-severity', actor: system, to: proposal?.to ?? 'B', reason: proposal?.reason ?? '' }]);
    expect(proposed.severity).toBe('A');
    expect(applyAll(proposed, [{ type: 'refuse-downgrade', actor: requester }]).severity).toBe('A');
  });
});

describe('severity order', () => {
  it('ranks A above B above C', () => {
    expect(isRaise('C', 'A')).toBe(true);
    expect(isRaise('A', 'B')).toBe(false);
    expect(isRaise('B', 'B')).toBe(false);
    expect(isLowering('A', 'C')).toBe(true);
    expect(isLowering('B', 'B')).toBe(false);
  });
});
