import { customerTicketView, CustomerTicketViewSchema } from '../../../shared/http-api/customer-ticket-view';
import { staffTicketView, StaffTicketViewSchema } from '../../../shared/http-api/staff-ticket-view';
import { ticketSlaClocks } from '../../../shared/http-api/ticket-sla-clocks';
import { issueRequesterToken } from '../../../shared/auth/requester-token';
import { OrgConfigSchema } from '../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import { applyCommands, assignedTicket, engineerActor, MARIA } from './support/ticket-story';

const org = OrgConfigSchema.parse(sampleOrgConfig);
const { tokenHash } = issueRequesterToken();
const ticket = applyCommands(assignedTicket({ ticketNumber: 'BTN-261124-QW3RT', accessTokenHash: tokenHash, receivedAt: '2026-11-24T13:00:00.000Z' }), [
  { type: 'acknowledge', actor: engineerActor(MARIA), message: 'Looking now.' },
  { type: 'internal-note', actor: engineerActor(MARIA), note: 'Named location edited Friday', nextStep: 'Ask for egress IPs' },
]);
const clocks = ticketSlaClocks(ticket, org, '2026-11-24T14:00:00.000Z');

describe('the ticket as staff see it', () => {
  const view = staffTicketView(ticket, clocks, '2026-11-24T15:00:00.000Z');

  it('has exactly the fields its published schema names', () => {
    expect(() => StaffTicketViewSchema.strict().parse(view)).not.toThrow();
  });

  it('keeps internal notes with their handoff fields, and every SLA clock with its explanation', () => {
    expect(view.timeline.find((entry) => entry.type === 'internal-note-added')?.details).toEqual({ note: 'Named location edited Friday', nextStep: 'Ask for egress IPs' });
    expect(view.sla.map((clock) => clock.explanation.startsWith(clock.metric === 'resolution' ? 'Resolution' : clock.metric === 'first-response' ? 'First response' : 'Next update'))).toEqual([true, true, true]);
    expect(view.tamEmail).toBe('tom.reyes@css.example');
  });

  it('withholds the access token hash, even from the first event that recorded it', () => {
    expect(JSON.stringify(view)).not.toContain(tokenHash);
    expect(view.timeline[0]?.details).not.toHaveProperty('accessTokenHash');
  });

  it('shows the next SLA deadline as given, and none when there is none', () => {
    expect(view.slaNextDueAt).toBe('2026-11-24T15:00:00.000Z');
    expect(staffTicketView(ticket, clocks, undefined)).not.toHaveProperty('slaNextDueAt');
  });
});

describe('the ticket as the requester sees it, field by field', () => {
  it('has exactly the fields its published schema names', () => {
    const view = customerTicketView(ticket, clocks);
    expect(() => CustomerTicketViewSchema.strict().parse(view)).not.toThrow();
    for (const entry of view.timeline) expect(Object.keys(entry).every((field) => ['sequence', 'at', 'type', 'by', 'text', 'severity', 'reasons', 'engineer', 'vendorCaseId'].includes(field))).toBe(true);
  });
});
