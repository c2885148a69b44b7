import fc from 'fast-check';
import { customerTicketView, CustomerTicketViewSchema } from '../../../shared/http-api/customer-ticket-view';
import { ticketSlaClocks } from '../../../shared/http-api/ticket-sla-clocks';
import { hashRequesterToken, issueRequesterToken } from '../../../shared/auth/requester-token';
import type { Command } from '../../../shared/domain/commands/commands';
import { OrgConfigSchema } from '../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { applyCommands, assignedTicket, engineerActor, LUKAS, MARIA, requesterOf, SYSTEM, TAM_EMAIL } from './support/ticket-story';

const org = OrgConfigSchema.parse(sampleOrgConfig);
const RECEIVED_AT = '2026-11-24T14:00:00.000Z';
const INTERNAL_NOTE = 'Suspect the named location list after the proxy change';
const { tokenHash } = issueRequesterToken();

function viewed(ticket: Ticket) {
  return customerTicketView(ticket, ticketSlaClocks(ticket, org, new Date(Date.parse(ticket.updatedAt) + 60_000).toISOString()));
}

function workedTicket(): Ticket {
  const ticket = assignedTicket({ ticketNumber: 'BTN-261124-AB12C', accessTokenHash: tokenHash, receivedAt: RECEIVED_AT });
  const maria = engineerActor(MARIA);
  return applyCommands(ticket, [
    { type: 'acknowledge', actor: maria, message: 'I have your ticket and am looking at the sign-in logs.' },
    { type: 'internal-note', actor: maria, note: INTERNAL_NOTE, nextStep: 'Compare the policy with last week' },
    { type: 'request-info', actor: maria, message: 'Which IP addresses do the laptops use?' },
  ]);
}

describe('the ticket as the requester sees it', () => {
  it('keeps to its published schema', () => {
    expect(() => CustomerTicketViewSchema.parse(viewed(workedTicket()))).not.toThrow();
  });

  it('names the engineer by first name and region only', () => {
    const view = viewed(workedTicket());
    expect(view.engineer).toEqual({ firstName: 'María' });
    expect(view.region).toBe('AMER');
    expect(JSON.stringify(view)).not.toContain('García');
    expect(JSON.stringify(view)).not.toContain('maria.garcia@css.example');
  });

  it('shows what was said to the customer and none of the internal work', () => {
    const view = viewed(workedTicket());
    expect(view.timeline.map((entry) => entry.type)).toEqual(['ticket-received', 'engineer-assigned', 'acknowledged', 'info-requested']);
    const text = JSON.stringify(view);
    expect(text).not.toContain(INTERNAL_NOTE);
    expect(text).not.toContain(TAM_EMAIL);
    expect(text).not.toContain(tokenHash);
    expect(text).not.toContain('identity-and-devices');
  });

  it('gives each SLA clock its due instant and says which are paused while support waits on the customer', () => {
    const view = viewed(workedTicket());
    expect(view.sla.map((clock) => clock.metric)).toEqual(['first-response', 'next-update', 'resolution']);
    const resolution = view.sla.find((clock) => clock.metric === 'resolution');
    expect(resolution).toMatchObject({ paused: true, state: 'paused' });
    expect(resolution?.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('shows a proposed downgrade awaiting consent, without who proposed it', () => {
    const ticket = applyCommands(workedTicket(), [{ type: 'change-severity', actor: { role: 'tam', id: TAM_EMAIL, name: 'Tom Reyes' }, to: 'C', reason: 'A workaround is in place' }]);
    const view = viewed(ticket);
    expect(view.pendingDowngrade).toEqual({ from: 'B', to: 'C', reason: 'A workaround is in place', proposedAt: ticket.updatedAt });
    expect(view.timeline.at(-1)).toMatchObject({ type: 'severity-downgrade-proposed', by: { role: 'tam', name: 'Tom' } });
    expect(JSON.stringify(view)).not.toContain(TAM_EMAIL);
  });

  it('shows a proposed resolution, and the closure once confirmed', () => {
    const proposed = applyCommands(workedTicket(), [
      { type: 'customer-reply', actor: requesterOf(workedTicket()), message: 'They use 203.0.113.0/24.' },
      { type: 'propose-resolution', actor: engineerActor(MARIA), summary: 'Added the range to the named location.' },
    ]);
    expect(viewed(proposed).proposedResolution).toEqual({ summary: 'Added the range to the named location.', at: proposed.updatedAt });
    const closed = applyCommands(proposed, [{ type: 'confirm-resolution', actor: requesterOf(proposed) }]);
    expect(viewed(closed)).toMatchObject({ status: 'closed', closure: { reason: 'confirmed', summary: 'Added the range to the named location.' } });
  });
});

/** Commands staff and Baton might issue on a worked ticket, each carrying a marker only staff may see. */
function internalCommands(marker: string): Command[] {
  const lukas = engineerActor(LUKAS);
  return [
    { type: 'internal-note', actor: engineerActor(MARIA), note: `note ${marker}`, nextStep: `step ${marker}`, tried: [`tried ${marker}`] },
    { type: 'escalate-internally', actor: SYSTEM, reason: `stalled ${marker}`, to: LUKAS },
    { type: 'escalate-to-vendor', actor: engineerActor(MARIA), justification: `vendor ${marker}` },
    { type: 'record-vendor-case', actor: SYSTEM, outcome: { status: 'failed', reason: `portal ${marker}` } },
    { type: 'internal-note', actor: lukas, note: `second ${marker}` },
  ];
}

describe('what never reaches the requester', () => {
  it('holds for any mix of internal work: no internal text, staff email, surname or token hash', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{6,12}$/), fc.array(fc.nat({ max: 4 }), { maxLength: 8 }), (marker, picks) => {
        const catalogue = internalCommands(`secret-${marker}`);
        let ticket = workedTicket();
        for (const pick of picks) {
          const command = catalogue[pick];
          if (command === undefined) continue;
          try {
            ticket = applyCommands(ticket, [command]);
          } catch {
            // Some picks are not allowed in the state the earlier ones left; the rest still count.
          }
        }
        const text = JSON.stringify(viewed(ticket));
        expect(text).not.toContain(`secret-${marker}`);
        expect(text).not.toMatch(/@css\.example/);
        expect(text).not.toContain(tokenHash);
        expect(text).not.toContain('Weber');
      }),
      { numRuns: 60 },
    );
  });

  it('never carries a hash even of a token the requester could recompute', () => {
    const token = 'A'.repeat(43);
    const ticket = assignedTicket({ ticketNumber: 'BTN-261124-ZZ99Z', accessTokenHash: hashRequesterToken(token), receivedAt: RECEIVED_AT });
    expect(JSON.stringify(viewed(ticket))).not.toContain(hashRequesterToken(token));
  });
});
