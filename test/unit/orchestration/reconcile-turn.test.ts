/**
 * A lifecycle turn reads the ticket once and writes what it worked out on that version; when a
 * person's command lands in between, the write is decided again on the ticket as that command
 * left it, so the turn never records what the command made moot.
 */
import { reconcileTicket } from '../../../shared/orchestration/reconcile-ticket';
import { sampleOrg } from '../domain/support/org-fixtures';
import { refOf } from '../domain/agenda/support/agenda-fixtures';
import { engineer, receivedTicket, T0 } from '../domain/support/ticket-fixtures';
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

describe('a lifecycle turn’s save', () => {
  it('stamps the instant the watchdog selects by from the agenda the turn worked out with the loads, not from one without them', async () => {
    const ports = inMemoryPorts(sampleOrg(), () => T0);
    // Everyone skilled and on shift is at capacity (Chloé and María 8, Sofia 6, Grace 4).
    const full = { 'chloe-dubois': 8, 'maria-garcia': 8, 'sofia-martins': 6, 'grace-okafor': 4 };
    let number = 100;
    for (const [engineerId, tickets] of Object.entries(full)) {
      for (let count = 0; count < tickets; count += 1) {
        number += 1;
        ports.put({ ...workedTicket(`BTN-2026-000${String(number)}`), assignee: refOf(engineerId) });
      }
    }
    ports.put(receivedTicket({}, TICKET));
    const outcome = await reconcileTicket(ports, { ticketNumber: TICKET, now: T0 });
    expect(ports.ticket(TICKET).timeline.map((event) => event.type)).toContain('no-engineer-available');
    expect(outcome.nextWakeAt).toBeDefined();
    // Without the loads an assignment would look due now, and the watchdog would look every minute.
    expect(ports.tickets.get(TICKET)?.lifecycleDueAt).toBe(outcome.nextWakeAt);
  });
});

describe('a lifecycle turn that would reject the ticket', () => {
  it('decides on the stored configuration, not a copy kept from before a contract or contact was registered elsewhere', async () => {
    const ports = inMemoryPorts(sampleOrg(), () => T0);
    ports.put(receivedTicket({}, TICKET));
    const reads: string[] = [];
    // This process's copy predates the requester's contract; the stored configuration has it.
    const stale = { ...sampleOrg(), contracts: [] };
    const withStaleCopy = {
      ...ports,
      orgConfig: async (read?: { readonly fresh?: boolean }) => {
        reads.push(read?.fresh === true ? 'stored' : 'copy');
        return { kind: 'loaded', config: read?.fresh === true ? sampleOrg() : stale } as const;
      },
    };
    await reconcileTicket(withStaleCopy, { ticketNumber: TICKET, now: T0 });
    const recorded = ports.ticket(TICKET).timeline.map((event) => event.type);
    expect(recorded).not.toContain('ticket-rejected');
    expect(recorded).toContain('engineer-assigned');
    expect(reads).toEqual(['copy', 'stored']);
  });

  it('rejects a ticket the stored configuration refuses too, reading it once', async () => {
    const ports = inMemoryPorts(sampleOrg(), () => T0);
    ports.put(receivedTicket({}, TICKET));
    const reads: string[] = [];
    const noContracts = { ...sampleOrg(), contracts: [] };
    const refusing = {
      ...ports,
      orgConfig: async (read?: { readonly fresh?: boolean }) => {
        reads.push(read?.fresh === true ? 'stored' : 'copy');
        return { kind: 'loaded', config: noContracts } as const;
      },
    };
    await reconcileTicket(refusing, { ticketNumber: TICKET, now: T0 });
    expect(ports.ticket(TICKET).timeline.map((event) => event.type)).toContain('ticket-rejected');
    expect(reads).toEqual(['copy', 'stored']);
  });
});
