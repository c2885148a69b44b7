import { myWorkView } from '../../../../shared/web/staff/my-work/my-work-view';
import { engineer, handedTo, LUKAS, MARIA, MARIA_PRINCIPAL, NOW, ORG, sevATicket, sevBTicket, then, TOM_PRINCIPAL } from './support/console-tickets';

describe('My work', () => {
  it('lists only the open tickets assigned to me, the nearest SLA deadline first', () => {
    const dueAt1430 = sevATicket('2026-11-24T13:30:00.000Z');
    const dueAt1410 = sevATicket('2026-11-24T13:10:00.000Z');
    const lukas = sevATicket('2026-11-24T13:00:00.000Z', LUKAS);
    const view = myWorkView({ principal: MARIA_PRINCIPAL, org: ORG, tickets: [dueAt1430, lukas, dueAt1410], now: NOW });
    expect(view.assigned.map((row) => row.ticketNumber)).toEqual([dueAt1410.ticketNumber, dueAt1430.ticketNumber]);
    expect(view.assigned.map((row) => row.nearestDueAt)).toEqual(['2026-11-24T14:10:00.000Z', '2026-11-24T14:30:00.000Z']);
  });

  it('shows a running clock as running, then as warning past its warning instant, then as breached', () => {
    const running = sevATicket('2026-11-24T13:30:00.000Z'); // due 14:30, warns 14:15
    const warning = sevATicket('2026-11-24T13:10:00.000Z'); // due 14:10, warned 13:55
    const breached = sevATicket('2026-11-24T12:00:00.000Z'); // due 13:00
    const view = myWorkView({ principal: MARIA_PRINCIPAL, org: ORG, tickets: [running, warning, breached], now: NOW });
    const firstResponse = (ticketNumber: string) =>
      view.assigned.find((row) => row.ticketNumber === ticketNumber)?.clocks.find((clock) => clock.metric === 'first-response')?.state;
    expect(firstResponse(running.ticketNumber)).toBe('running');
    expect(firstResponse(warning.ticketNumber)).toBe('warning');
    expect(firstResponse(breached.ticketNumber)).toBe('breached');
    expect(view.assigned[0]?.ticketNumber).toBe(breached.ticketNumber);
  });

  it('shows a met first response, and the clocks paused while the ticket waits on the customer', () => {
    const acknowledged = then(sevATicket('2026-11-24T13:30:00.000Z'), { type: 'acknowledge', actor: engineer(MARIA), message: 'Looking into it now.' });
    const waiting = then(acknowledged, { type: 'request-info', actor: engineer(MARIA), message: 'Which users are affected?' });
    const view = myWorkView({ principal: MARIA_PRINCIPAL, org: ORG, tickets: [acknowledged], now: NOW });
    expect(view.assigned[0]?.clocks.find((clock) => clock.metric === 'first-response')).toEqual({ metric: 'first-response', state: 'met' });
    const paused = myWorkView({ principal: MARIA_PRINCIPAL, org: ORG, tickets: [waiting], now: NOW }).assigned[0];
    expect(paused?.clocks.filter((clock) => clock.metric !== 'first-response').map((clock) => clock.state)).toEqual(expect.arrayContaining(['paused']));
    expect(paused?.clocks.some((clock) => clock.state === 'running' || clock.state === 'warning')).toBe(false);
    // Nothing counts while paused, so the ticket has no nearest deadline and sorts after those that do.
    expect(paused?.nearestDueAt).toBeUndefined();
    const both = myWorkView({ principal: MARIA_PRINCIPAL, org: ORG, tickets: [waiting, sevBTicket('2026-11-24T13:00:00.000Z')], now: NOW });
    expect(both.assigned[1]?.ticketNumber).toBe(waiting.ticketNumber);
  });

  it('puts handoffs waiting for my acknowledgement at the top, and not again among the rest', () => {
    const handed = handedTo(sevBTicket('2026-11-24T09:00:00.000Z', LUKAS), MARIA);
    const mine = sevATicket('2026-11-24T13:30:00.000Z');
    const view = myWorkView({ principal: MARIA_PRINCIPAL, org: ORG, tickets: [mine, handed], now: NOW });
    expect(view.awaitingAcknowledgement.map((row) => row.ticketNumber)).toEqual([handed.ticketNumber]);
    expect(view.assigned.map((row) => row.ticketNumber)).toEqual([mine.ticketNumber]);

    const acknowledged = then(handed, { type: 'acknowledge-handoff', actor: engineer(MARIA) });
    const after = myWorkView({ principal: MARIA_PRINCIPAL, org: ORG, tickets: [mine, acknowledged], now: NOW });
    expect(after.awaitingAcknowledgement).toEqual([]);
    expect(after.assigned.map((row) => row.ticketNumber)).toContain(acknowledged.ticketNumber);
  });

  it('says I am on shift until my region\'s shift ends, in my region\'s time zone', () => {
    // New York works 07:00-17:00 on weekdays: Tuesday 09:00 EST is on shift until 17:00 EST (22:00 UTC).
    const view = myWorkView({ principal: MARIA_PRINCIPAL, org: ORG, tickets: [], now: NOW });
    expect(view.shift).toEqual({ kind: 'on-shift', endsAt: '2026-11-24T22:00:00.000Z' });
    expect(view.zone).toBe('America/New_York');
  });

  it('says when my region\'s next shift starts while I am off', () => {
    // Sydney at 01:00 on Wednesday (AEDT, UTC+11): off until 08:00 local, 21:00 UTC on Tuesday.
    const priya = { id: 'priya-nair', name: 'Priya Nair', email: 'priya.nair@css.example', roles: ['engineer' as const] };
    const view = myWorkView({ principal: priya, org: ORG, tickets: [], now: NOW });
    expect(view.shift).toEqual({ kind: 'off', nextStartsAt: '2026-11-24T21:00:00.000Z' });
    expect(view.zone).toBe('Australia/Sydney');
  });

  it('says I am on call at the weekend, when my region has on-call cover', () => {
    // Saturday 12:00 in New York: the AMER on-call rota (07:00-17:00) includes María.
    const view = myWorkView({ principal: MARIA_PRINCIPAL, org: ORG, tickets: [], now: '2026-11-28T17:00:00.000Z' });
    expect(view.shift).toEqual({ kind: 'on-call', endsAt: '2026-11-28T22:00:00.000Z' });
  });

  it('shows no tickets to someone who is not on the roster, whatever is passed in', () => {
    const view = myWorkView({ principal: TOM_PRINCIPAL, org: ORG, tickets: [sevATicket('2026-11-24T13:30:00.000Z')], now: NOW });
    expect(view).toEqual({ zone: 'UTC', awaitingAcknowledgement: [], assigned: [] });
  });
});
