jest.mock('@azure/functions-core', () => require('../durable/support/functions-core-mock').mockCoreApi, { virtual: true });
jest.mock('../../../shared/orchestration/lifecycle-ports', () => ({
  ...jest.requireActual('../../../shared/orchestration/lifecycle-ports'),
  lifecyclePorts: () => currentPorts(),
}));

import '../../../functions/ticket-orchestration';
import { TURNS_PER_EXECUTION } from '../../../functions/ticket-orchestration';
import { instantPlus } from '../../../shared/domain/commands/instants';
import { Ticket } from '../../../shared/domain/ticket/ticket';
import { TICKET_CHANGED_EVENT, TICKET_LIFECYCLE_ORCHESTRATION, ticketLifecycleInput } from '../../../shared/orchestration/lifecycle-names';
import { capturedFunctions } from '../durable/support/functions-core-mock';
import { EpisodeDriver } from '../durable/support/episode-driver';
import { sampleOrg } from '../domain/support/org-fixtures';
import { engineer, receivedTicket, requester, T0 } from '../domain/support/ticket-fixtures';
import { inMemoryPorts, type InMemoryPorts } from './support/in-memory-ports';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TICKET = 'BTN-2026-000042';

let ports: InMemoryPorts | undefined;
function currentPorts(): InMemoryPorts {
  if (!ports) throw new Error('no ports for this specification');
  return ports;
}

let run: EpisodeDriver;
const nowIso = (): string => new Date(run.now).toISOString();
const at = (ms: number): string => new Date(Date.parse(T0) + ms).toISOString();
const chloe = { engineerId: 'chloe-dubois', name: 'Chloé Dubois', email: 'chloe.dubois@css.example', region: 'EMEA' as const };

function startLifecycle(ticket: Ticket): void {
  ports = inMemoryPorts(sampleOrg(), nowIso);
  ports.put(ticket);
  run.start(TICKET_LIFECYCLE_ORCHESTRATION, TICKET, ticketLifecycleInput(TICKET));
}

/** A person acts through the API: the change is saved, then the wake-up is raised. */
async function personActs(command: Parameters<InMemoryPorts['act']>[1]): Promise<void> {
  await currentPorts().act(TICKET, command, nowIso());
  run.raise(TICKET, TICKET_CHANGED_EVENT, { ticketNumber: TICKET });
  await run.settle();
}

const calls = (name: string) => run.activityCalls.filter((call) => call.name === name);
const timers = () => run.armedTimers.map((timer) => new Date(timer.fireAt).toISOString());
const timeline = () => currentPorts().ticket(TICKET).timeline;
/** The next look the orchestration reports in its custom status (long timers are armed in slices). */
const sleepingUntil = (): unknown => {
  const status: unknown = JSON.parse(run.instance(TICKET).state.customStatus ?? '{}');
  return typeof status === 'object' && status !== null && 'nextWakeAt' in status ? status.nextWakeAt : undefined;
};

beforeEach(() => {
  run = new EpisodeDriver(capturedFunctions(), Date.parse(T0));
  ports = undefined;
});

describe('the ticket lifecycle orchestration', () => {
  it('closes a ticket without a contract at validation and ends, having emailed every reason', async () => {
    startLifecycle(receivedTicket({ tenantDomain: 'unknown.onmicrosoft.com', requester: { name: 'Ann Other', email: 'ann@unknown.example', timeZone: 'Europe/Paris', available24x7: true } }, TICKET));
    await run.settle();
    expect(run.instance(TICKET).state.status).toBe('Completed');
    expect(run.output(TICKET)).toBe('rejected');
    // Validation is the first item on a received ticket's agenda: one turn rejects and ends it.
    expect(run.activityCalls.map((call) => call.name)).toEqual(['reconcileTicket']);
    const rejection = currentPorts().announced.find((event) => event.type === 'ticket-rejected');
    expect(rejection?.type === 'ticket-rejected' && rejection.reasons.map((reason) => reason.code)).toContain('no-contract');
  });

  it('triages and assigns a Sev A ticket, then sleeps on one timer and raises the warning at 45 and the breach at 60 minutes', async () => {
    startLifecycle(receivedTicket({}, TICKET));
    await run.settle();
    const ticket = currentPorts().ticket(TICKET);
    expect(ticket).toMatchObject({ status: 'assigned', queueId: 'collaboration', slaPolicyId: 'enterprise-emea', assignee: chloe });
    // Validated, triaged and assigned in one turn: one read, one write, and the engineers' loads read once.
    expect(calls('reconcileTicket')).toHaveLength(1);
    expect(currentPorts().storeCalls).toEqual(['read ticket', 'read engineer loads', 'write ticket on the version held', 'settle emails on the version held']);
    expect(timers()).toEqual([at(45 * MINUTE)]);

    await run.advance(45 * MINUTE);
    expect(timeline().filter((event) => event.type === 'sla-warning-raised').map((event) => event.at)).toEqual([at(45 * MINUTE)]);
    expect(timers()).toEqual([at(60 * MINUTE)]);

    await run.advance(15 * MINUTE);
    expect(timeline().filter((event) => event.type === 'sla-breached').map((event) => event.at)).toEqual([at(60 * MINUTE)]);
    expect(currentPorts().ticket(TICKET).raisedAlertKeys).toHaveLength(2);
  });

  it('wakes at once when the ticket changes, cancelling the timer that lost the race', async () => {
    startLifecycle(receivedTicket({}, TICKET));
    await run.settle();
    await run.advance(10 * MINUTE);
    await personActs({ type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket and am reading the trace.' });
    // The first-response timer (45 min) is gone; the next-update warning is 45 min after the answer.
    expect(timers()).toEqual([at(55 * MINUTE)]);
    expect(calls('reconcileTicket').map((call) => new Date(call.at).toISOString())).toEqual([at(0), at(10 * MINUTE)]);
  });

  it('does not lose a wake-up raised while a turn is under way, even when an earlier wait is still open', async () => {
    startLifecycle(receivedTicket({}, TICKET));
    await run.settle();
    // At the warning, a person answers just after the turn has read the ticket.
    currentPorts().afterNextApply = () => {
      void currentPorts().act(TICKET, { type: 'acknowledge', actor: engineer(chloe), message: 'On it.' }, at(45 * MINUTE));
      run.raise(TICKET, TICKET_CHANGED_EVENT, { ticketNumber: TICKET });
    };
    await run.advance(45 * MINUTE);
    expect(calls('reconcileTicket').filter((call) => call.at === Date.parse(at(45 * MINUTE)))).toHaveLength(2);
    // Looked again at once: it sleeps until the next-update warning, not the stale first-response breach.
    expect(timers()).toEqual([at(90 * MINUTE)]);
  });

  it(`starts afresh after ${String(TURNS_PER_EXECUTION)} turns, reconciling from the store before it sleeps again`, async () => {
    startLifecycle(receivedTicket({}, TICKET));
    await run.settle();
    await personActs({ type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' });
    for (let wake = 0; wake < TURNS_PER_EXECUTION; wake += 1) {
      run.raise(TICKET, TICKET_CHANGED_EVENT, { ticketNumber: TICKET });
      await run.settle();
    }
    const instance = run.instance(TICKET);
    expect(instance.executions).toHaveLength(2);
    expect(instance.state.status).toBe('Running');
    expect(timeline().filter((event) => event.type === 'validation-started')).toHaveLength(1);
    expect(calls('reconcileTicket').length).toBeGreaterThan(TURNS_PER_EXECUTION);
    expect(timers()).toHaveLength(1);
  });

  it('raises the vendor case once through retries, with one request id, then follows it up every four hours', async () => {
    startLifecycle(receivedTicket({}, TICKET));
    await run.settle();
    await personActs({ type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' });
    currentPorts().vendorScript.createAnswers = ['unavailable', 'unavailable', 'ok'];
    await personActs({ type: 'escalate-to-vendor', actor: engineer(chloe), justification: 'Backend transport logs are needed.' });
    await run.advance(30_000);
    await run.advance(60_000);
    const created = currentPorts().vendorScript.created;
    expect(created).toHaveLength(3);
    expect(new Set(created.map((call) => call.options?.requestId)).size).toBe(1);
    expect(currentPorts().ticket(TICKET).vendorCase).toMatchObject({ caseId: 'SR-1', status: 'open' });

    const openedAt = Date.parse(currentPorts().ticket(TICKET).vendorCase?.openedAt ?? '');
    await run.advance(openedAt + 4 * HOUR - run.now);
    expect(currentPorts().vendorScript.reads).toEqual(['SR-1']);
    expect(timeline().filter((event) => event.type === 'vendor-followed-up')).toHaveLength(1);
    const reminders = currentPorts().notified.filter((notification) => notification.template === 'vendor-follow-up');
    const assignee = currentPorts().ticket(TICKET).assignee;
    expect(reminders.map((reminder) => reminder.to)).toEqual([[{ role: 'engineer', email: assignee?.email, name: assignee?.name }]]);
  });

  it('records a failed escalation when the vendor stays down through every retry', async () => {
    startLifecycle(receivedTicket({}, TICKET));
    await run.settle();
    await personActs({ type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' });
    currentPorts().vendorScript.createAnswers = ['unavailable'];
    await personActs({ type: 'escalate-to-vendor', actor: engineer(chloe), justification: 'Backend transport logs are needed.' });
    // Six attempts with doubling waits, and the library waits one more interval before giving up.
    await run.advance(15 * MINUTE + 30_000);
    expect(currentPorts().vendorScript.created).toHaveLength(6);
    expect(timeline().filter((event) => event.type === 'vendor-case-failed')).toHaveLength(0);
    await run.advance(10 * MINUTE);
    expect(timeline().filter((event) => event.type === 'vendor-case-failed')).toHaveLength(1);
    expect(run.instance(TICKET).state.status).toBe('Running');
  });

  it('keeps a closed ticket through its reopen window, reassigns it on reopen, and completes when the window ends', async () => {
    startLifecycle(receivedTicket({}, TICKET));
    await run.settle();
    await personActs({ type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' });
    await personActs({ type: 'propose-resolution', actor: engineer(chloe), summary: 'The connector now points at the new smart host.' });
    await personActs({ type: 'confirm-resolution', actor: requester });
    expect(sleepingUntil()).toBe(new Date(Date.parse(instantPlus(T0, { days: 14 })) + 1000).toISOString());

    await run.advance(DAY + 3 * HOUR); // Tuesday 17:00 UTC: EMEA has gone home, AMER is on shift.
    await personActs({ type: 'reopen', actor: requester, reason: 'The queue is stuck again.' });
    expect(currentPorts().ticket(TICKET)).toMatchObject({ status: 'assigned', assignee: { region: 'AMER' } });

    const maria = currentPorts().ticket(TICKET).assignee ?? chloe;
    await personActs({ type: 'acknowledge', actor: engineer(maria), message: 'Looking at it again.' });
    await personActs({ type: 'propose-resolution', actor: engineer(maria), summary: 'Replaced the stale DNS entry.' });
    await personActs({ type: 'confirm-resolution', actor: requester });
    await run.advance(15 * DAY);
    expect(run.instance(TICKET).state.status).toBe('Completed');
    expect(run.output(TICKET)).toBe('closed');
    expect(run.armedTimers).toEqual([]);
  });
});
