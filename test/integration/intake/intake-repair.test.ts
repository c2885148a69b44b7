/**
 * The intake repair timer, on a virtual clock: a ticket that was written but whose lifecycle was
 * never started (intake lost its Durable client, or crashed right after the write) gets its
 * orchestration within the timer's period, and one that has its orchestration is left alone.
 * The lifecycle watchdog may win the race to start it; either way the repair reports no failure.
 */
import { CosmosClient } from '@azure/cosmos';
import { cosmosClientOptionsForStandIn } from '../../../infra/local/services/cosmos-standin';
import { loadConfig } from '../../../shared/config';
import { IntakeAnswerSchema } from '../../../shared/intake/intake-answer';
import { createTicketServices } from '../../../shared/ticket-service/ticket-services';
import { sampleIntake, sampleIntakeBody } from '../ticket-service/support/sample-intake';
import { startIntakeStack, type IntakeStack } from './support/intake-stack';

jest.setTimeout(120_000);

describe('the intake repair timer', () => {
  let intake: IntakeStack;
  let cosmos: CosmosClient;

  beforeAll(async () => {
    intake = await startIntakeStack({ clock: { virtual: true, startAt: '2026-11-24T14:00:00.000Z' } });
    const standIn = intake.stack.services.cosmos;
    if (!standIn) throw new Error('no Cosmos stand-in');
    cosmos = new CosmosClient(cosmosClientOptionsForStandIn(standIn.endpoint, standIn.key));
  });
  afterAll(async () => {
    cosmos?.dispose();
    await intake?.stop();
  });

  it('starts the orchestration of a ticket whose lifecycle never started', async () => {
    // What intake leaves behind when it cannot reach Durable: the ticket and its email, no orchestration.
    const services = createTicketServices(loadConfig(intake.stack.settings), { cosmosClient: cosmos, clock: { now: () => intake.stack.now() } });
    const opened = await services.openTicket({
      intake: sampleIntake({ requester: { name: 'Ana Silva', email: 'orphan@contoso.com', timeZone: 'Europe/Lisbon', available24x7: false } }),
      receivedAt: intake.stack.now(),
    });
    if (opened.kind !== 'accepted') throw new Error(`intake failed: ${opened.kind}`);
    expect(opened.lifecycle).toBe('not-attempted');
    const number = opened.ticket.ticketNumber;
    expect(await intake.orchestration(number)).toBeUndefined();

    await intake.stack.advanceClock(2 * 60_000);

    const orchestration = await intake.orchestration(number);
    expect(orchestration?.Name).toBe('ticketLifecycle');
    expect(intake.stack.hostOutput()).not.toContain(`"event":"intake-repair.not-started","ticketNumber":"${number}"`);
  });

  it('leaves a ticket whose lifecycle intake started alone', async () => {
    const response = await intake.post(sampleIntakeBody({ requester: { name: 'Ana Silva', email: 'started@contoso.com', timeZone: 'Europe/Lisbon', available24x7: false } }));
    const answer = IntakeAnswerSchema.parse(await response.json());
    await intake.stack.advanceClock(2 * 60_000);
    expect(await intake.orchestration(answer.ticketNumber)).toBeDefined();
    expect(intake.stack.hostOutput()).not.toContain(`"event":"intake-repair.lifecycle-started","ticketNumber":"${answer.ticketNumber}"`);
  });
});
