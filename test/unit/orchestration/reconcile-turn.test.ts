/**
 * A lifecycle turn reads the ticket once and writes what it worked out on that version; when a
 * person's command lands in between, the write is decided again on the ticket as that command
 * left it, so the turn never records what the command made moot.
 */
import { reconcileTicket } from '../../../shared/orchestration/reconcile-ticket';
import { sampleOrg } from '../domain/support/org-fixtures';
import { engineer } from '../domain/support/ticket-fixtures';
import { inMemoryPorts } from './support/in-memory-ports';
import { chloe, minutesAfterT0, workedTicket } from './support/lifecycle-tickets';

const TICKET = 'BTN-2026-000042';
/** Answered at minute 5, the ticket's next-update warning falls due at minute 50. */
const WARNING_DUE = minutesAfterT0(52);

describe('a lifecycle turn', () => {
  it('reads the ticket once and writes the warning due on the version it read', async () => {
    const ports = inMemoryPorts(sampleOrg(), () => WARNING_DUE);
    ports.put(workedTicket(TICKET));
    const outcome = await reconcileTicket(ports, { ticketNumber: TICKET, now: WARNING_DUE });
    expect(outcome.applied).toEqual(['sla-warning-raised']);
    expect(ports.storeCalls).toEqual(['read ticket', 'write ticket on the version held', 'settle emails on the version held']);
  });

  it('decides again on the ticket a person changed between its read and its write, and raises no warning the update made moot', async () => {
    const ports = inMemoryPorts(sampleOrg(), () => WARNING_DUE);
    ports.put(workedTicket(TICKET));
    ports.beforeNextWrite = async () => {
      await ports.act(TICKET, { type: 'respond', actor: engineer(chloe), message: 'The connector is being rebuilt; next update within the hour.' }, WARNING_DUE);
    };
    const outcome = await reconcileTicket(ports, { ticketNumber: TICKET, now: WARNING_DUE });
    expect(ports.ticket(TICKET).timeline.map((event) => event.type)).not.toContain('sla-warning-raised');
    expect(outcome).toMatchObject({ status: 'investigating', finished: false, applied: [] });
    // The update restarted the next-update clock: the turn sleeps until its warning, 45 minutes on.
    expect(outcome.nextWakeAt).toBe(minutesAfterT0(52 + 45));
  });
});
