import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { OpenTicketSummarySchema, type OpenTicketSummary } from '../../../../shared/store/console-queries';
import { stamped } from '../../../../shared/store/ticket-repository';
import { queueFiltersOf, queueQueryString } from '../../../../shared/web/staff/queue/queue-filters';
import { queueList, type QueueListOptions } from '../../../../shared/web/staff/queue/queue-list';
import { handedTo, LUKAS, MARIA, NOW, ORG, PRIYA, sevATicket, sevBTicket, unassignedTicket } from './support/console-tickets';

/** The summary the store would list for the ticket, as its last save stamped it. */
function summaryOf(ticket: Ticket): OpenTicketSummary {
  return OpenTicketSummarySchema.parse(stamped(ticket, { org: ORG, now: ticket.updatedAt }));
}

const engineerView: QueueListOptions = { now: NOW, assignerOrder: false, stallThreshold: ORG.lifecycle.handoffStallThreshold };
const leadView: QueueListOptions = { ...engineerView, assignerOrder: true };
const filters = (query: string) => queueFiltersOf(new URLSearchParams(query));

describe('the queue', () => {
  const running = summaryOf(sevATicket('2026-11-24T13:30:00.000Z', MARIA, 'VPN drops every hour'));
  const warning = summaryOf(sevATicket('2026-11-24T13:10:00.000Z', LUKAS, 'Sign-ins fail for everyone'));
  const breached = summaryOf(sevATicket('2026-11-24T12:00:00.000Z', PRIYA, 'Teams calls drop'));
  const unassigned = summaryOf(unassignedTicket('2026-11-24T13:45:00.000Z', 'A'));
  const stalledTicket = handedTo(handedTo(handedTo(sevBTicket('2026-11-23T09:00:00.000Z', MARIA), LUKAS), PRIYA), MARIA);
  const stalled = summaryOf(stalledTicket);
  const all = [running, warning, breached, unassigned, stalled];
  /** Received today, so their first response is all that counts: due 14:30, 14:10, 13:00 and 14:45. */
  const today = [running, warning, breached, unassigned];

  it('lists the nearest SLA deadline first, breached ones (deadline past) before all', () => {
    const list = queueList(today, filters(''), engineerView);
    expect(list.rows.map((row) => row.ticketNumber)).toEqual([breached.ticketNumber, warning.ticketNumber, running.ticketNumber, unassigned.ticketNumber]);
  });

  it('shows people who may assign the unassigned and stalled tickets first', () => {
    const list = queueList(all, filters(''), leadView);
    expect(new Set(list.rows.slice(0, 2).map((row) => row.ticketNumber))).toEqual(new Set([unassigned.ticketNumber, stalled.ticketNumber]));
    expect(list.rows.find((row) => row.ticketNumber === stalled.ticketNumber)?.stalled).toBe(true);
    expect(list.rows.slice(2).map((row) => row.ticketNumber)).toEqual([breached.ticketNumber, warning.ticketNumber, running.ticketNumber]);
    // Everyone else sees the stalled ticket where its deadline puts it: it has been breached since Monday.
    expect(queueList(all, filters(''), engineerView).rows[0]?.ticketNumber).toBe(stalled.ticketNumber);
  });

  it('tells the state of each ticket\'s nearest deadline from the instants stored with it', () => {
    const states = Object.fromEntries(queueList(all, filters(''), engineerView).rows.map((row) => [row.ticketNumber, row.slaState]));
    expect(states[running.ticketNumber]).toBe('running');
    expect(states[warning.ticketNumber]).toBe('warning');
    expect(states[breached.ticketNumber]).toBe('breached');
  });

  it('counts the tickets per SLA state under the other filters, whatever the SLA filter shows', () => {
    const list = queueList(today, filters('sla=breached'), engineerView);
    expect(list.rows.map((row) => row.ticketNumber)).toEqual([breached.ticketNumber]);
    expect(list.counts).toEqual({ breached: 1, warning: 1, running: 2, paused: 0, 'no-clock': 0 });
    const sevB = queueList(all, filters('severity=B'), engineerView);
    expect(Object.values(sevB.counts).reduce((sum, count) => sum + count, 0)).toBe(1);
  });

  it('shows breached and warning tickets together as "at risk"', () => {
    const list = queueList(today, filters('sla=at-risk'), engineerView);
    expect(list.rows.map((row) => row.ticketNumber)).toEqual([breached.ticketNumber, warning.ticketNumber]);
  });

  it('filters by queue, status, severity, the assignee\'s region and the assignee', () => {
    expect(queueList(all, filters('queue=collaboration'), engineerView).matching).toBe(0);
    expect(queueList(all, filters('queue=identity-and-devices'), engineerView).matching).toBe(all.length);
    expect(queueList(all, filters('status=triaged'), engineerView).rows.map((row) => row.ticketNumber)).toEqual([unassigned.ticketNumber]);
    expect(queueList(all, filters('severity=B'), engineerView).rows.map((row) => row.ticketNumber)).toEqual([stalled.ticketNumber]);
    expect(queueList(all, filters('region=APAC'), engineerView).rows.map((row) => row.ticketNumber)).toEqual([breached.ticketNumber]);
    expect(queueList(all, filters('assignee=lukas-weber'), engineerView).rows.map((row) => row.ticketNumber)).toEqual([warning.ticketNumber]);
    expect(queueList(all, filters('assignee=unassigned'), engineerView).rows.map((row) => row.ticketNumber)).toEqual([unassigned.ticketNumber]);
  });

  it('finds tickets by number, title or company, whatever the case, every word counting', () => {
    expect(queueList(all, filters(`q=${breached.ticketNumber.toLowerCase()}`), engineerView).rows.map((row) => row.ticketNumber)).toEqual([breached.ticketNumber]);
    expect(queueList(all, filters('q=TEAMS+drop'), engineerView).rows.map((row) => row.ticketNumber)).toEqual([breached.ticketNumber]);
    expect(queueList(all, filters('q=teams+vpn'), engineerView).matching).toBe(0);
    expect(queueList(all, filters('q=contoso'), engineerView).matching).toBe(all.length);
  });

  it('ignores a filter value the form does not offer, rather than failing', () => {
    expect(filters('status=closed-forever&severity=Z&page=-3&sla=soon')).toEqual({ page: 1 });
    expect(filters('queue=&q=%20%20')).toEqual({ page: 1 });
    expect(queueList(all, filters('severity=Z'), engineerView).matching).toBe(all.length);
  });

  it('pages 25 tickets at a time, the last page for a page past the end', () => {
    const many = Array.from({ length: 60 }, (_, index) => ({
      ...running,
      ticketNumber: `BTN-20261124-${String(90000 + index)}`,
      slaNextDueAt: new Date(Date.parse(NOW) + (index + 1) * 60_000).toISOString(),
    }));
    const first = queueList(many, filters(''), engineerView);
    expect([first.rows.length, first.page, first.pages, first.matching]).toEqual([25, 1, 3, 60]);
    const third = queueList(many, filters('page=3'), engineerView);
    expect(third.rows.map((row) => row.ticketNumber)).toEqual(many.slice(50).map((summary) => summary.ticketNumber));
    expect(queueList(many, filters('page=9'), engineerView).page).toBe(3);
  });

  it('links to the same list on another page with the same filters', () => {
    const chosen = filters('queue=collaboration&sla=at-risk&q=mail+rules&page=2');
    expect(queueQueryString(chosen)).toBe('?queue=collaboration&sla=at-risk&q=mail+rules&page=2');
    expect(queueQueryString(chosen, 1)).toBe('?queue=collaboration&sla=at-risk&q=mail+rules');
    expect(filters(queueQueryString(chosen).slice(1))).toEqual(chosen);
  });
});
