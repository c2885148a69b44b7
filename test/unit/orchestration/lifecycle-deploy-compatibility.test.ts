jest.mock('@azure/functions-core', () => require('../durable/support/functions-core-mock').mockCoreApi, { virtual: true });
jest.mock('../../../shared/orchestration/lifecycle-ports', () => ({
  ...jest.requireActual('../../../shared/orchestration/lifecycle-ports'),
  lifecyclePorts: () => currentPorts(),
}));

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import '../../../functions/ticket-orchestration';
import { ExecutionStateSchema } from '../../../infra/local/durable/engine/execution-state';
import { HistoryEventSchema } from '../../../infra/local/durable/protocol/history-events';
import { StoredTicketSchema } from '../../../shared/store/stored-ticket';
import { TICKET_CHANGED_EVENT } from '../../../shared/orchestration/lifecycle-names';
import { capturedFunctions } from '../durable/support/functions-core-mock';
import { EpisodeDriver } from '../durable/support/episode-driver';
import { sampleOrg } from '../domain/support/org-fixtures';
import { engineer, receivedTicket, requester } from '../domain/support/ticket-fixtures';
import { inMemoryPorts, type InMemoryPorts } from './support/in-memory-ports';

const DAY = 86_400_000;

const RecordedExecutionSchema = z.object({ state: ExecutionStateSchema, history: z.array(HistoryEventSchema) });
/** Lifecycles as the build before revision 2 left them (see the file's `about`). */
const recorded = z
  .object({
    ticketNumber: z.string(),
    validationScheduled: RecordedExecutionSchema,
    sleepingAfterValidation: RecordedExecutionSchema.extend({
      now: z.number(),
      timers: z.array(z.object({ executionId: z.string(), timerId: z.number(), fireAt: z.number() })),
      storedTicket: StoredTicketSchema,
    }),
  })
  .parse(JSON.parse(readFileSync(join(__dirname, 'recorded', 'ticket-lifecycle-revision-1.json'), 'utf8')));
const TICKET = recorded.ticketNumber;
const chloe = { engineerId: 'chloe-dubois', name: 'Chloé Dubois', email: 'chloe.dubois@css.example', region: 'EMEA' as const };

let ports: InMemoryPorts | undefined;
function currentPorts(): InMemoryPorts {
  if (!ports) throw new Error('no ports for this specification');
  return ports;
}

let run: EpisodeDriver;
const nowIso = (): string => new Date(run.now).toISOString();
const calls = () => run.activityCalls.map((call) => call.name);
const recordedNames = (history: readonly z.infer<typeof HistoryEventSchema>[]) => history.flatMap((event) => (event.Name === undefined ? [] : [event.Name]));

async function personActs(command: Parameters<InMemoryPorts['act']>[1]): Promise<void> {
  await currentPorts().act(TICKET, command, nowIso());
  run.raise(TICKET, TICKET_CHANGED_EVENT, { ticketNumber: TICKET });
  await run.settle();
}

function takeUp(at: number): void {
  run = new EpisodeDriver(capturedFunctions(), at);
  ports = inMemoryPorts(sampleOrg(), nowIso);
}

describe('a lifecycle started before validation became an agenda item, taken up after a deploy', () => {
  it('was recorded with the validateTicket step first', () => {
    expect(recordedNames(recorded.validationScheduled.history)).toEqual(['ticketLifecycle', 'validateTicket']);
    expect(recordedNames(recorded.sleepingAfterValidation.history)).toEqual(['ticketLifecycle', 'validateTicket', 'reconcileTicket']);
  });

  it('runs the validateTicket step its history scheduled on today\'s code, then its turns', async () => {
    takeUp(recorded.validationScheduled.state.createdAt);
    currentPorts().put(receivedTicket({}, TICKET));
    run.resume(recorded.validationScheduled);
    await run.runOpenActivities(TICKET);
    expect(run.instance(TICKET).state.status).toBe('Running');
    expect(calls()).toEqual(['validateTicket', 'reconcileTicket']);
    expect(currentPorts().ticket(TICKET)).toMatchObject({ status: 'assigned', queueId: 'collaboration', assignee: chloe });
    expect(run.warnings).toEqual([]);
  });

  it('ends with the old step\'s answer when today\'s validation rejects the ticket', async () => {
    takeUp(recorded.validationScheduled.state.createdAt);
    currentPorts().put(receivedTicket({ tenantDomain: 'unknown.onmicrosoft.com', requester: { name: 'Ann Other', email: 'ann@unknown.example', timeZone: 'Europe/Paris', available24x7: true } }, TICKET));
    run.resume(recorded.validationScheduled);
    await run.runOpenActivities(TICKET);
    expect(run.instance(TICKET).state.status).toBe('Completed');
    expect(run.output(TICKET)).toBe('rejected');
    expect(currentPorts().announced.map((event) => event.type)).toContain('ticket-rejected');
  });

  it('replays a sleeping lifecycle\'s history and carries the ticket to its close', async () => {
    const sleeping = recorded.sleepingAfterValidation;
    takeUp(sleeping.now);
    currentPorts().tickets.set(TICKET, sleeping.storedTicket);
    run.resume(sleeping, sleeping.timers);

    await personActs({ type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' });
    await personActs({ type: 'propose-resolution', actor: engineer(chloe), summary: 'The connector now points at the new smart host.' });
    await personActs({ type: 'confirm-resolution', actor: requester });
    await run.advance(15 * DAY);

    expect(run.warnings).toEqual([]);
    expect(run.instance(TICKET).state.status).toBe('Completed');
    expect(run.output(TICKET)).toBe('closed');
    expect(calls().filter((name) => name === 'validateTicket')).toEqual([]);
  });
});
