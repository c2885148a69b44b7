/**
 * Teams cards through the outbox, against the Cosmos and Teams stand-ins: a card is posted once to
 * its channel's webhook, waits out an outage and is posted once after it, and after too many
 * attempts is kept as failed for an operator, never posted twice and never deleted.
 */
import type { Container } from '@azure/cosmos';
import { EmailClient } from '@azure/communication-email';
import { startEmailStandIn, type EmailStandIn } from '../../../infra/local/services/email-standin';
import { startTeamsStandIn, type TeamsStandIn } from '../../../infra/local/services/teams-standin';
import type { Clock } from '../../../shared/clock';
import { deliverDueMessages, type DeliveryOptions } from '../../../shared/email/deliver-due-messages';
import { enqueue } from '../../../shared/email/enqueue';
import { messageIdFor } from '../../../shared/email/message-id';
import { OutboxMessageSchema, type TeamsOutboxDraft } from '../../../shared/email/outbox-message';
import { readDocument } from '../../../shared/store/point-read';
import { teamsPoster } from '../../../shared/teams/post-card';
import { startCosmosFixture, type CosmosFixture } from '../store/support/cosmos-fixture';

const START = new Date('2026-11-23T13:05:00.000Z');
const MINUTE = 60_000;

class ManualClock implements Clock {
  private current = START.getTime();
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

function card(occasion: string, route = 'queue:identity-and-devices'): TeamsOutboxDraft {
  return {
    id: messageIdFor('teams', occasion),
    ticketNumber: 'BTN-261123-7K2QX',
    template: 'teams-sla-breach',
    channel: 'teams',
    route,
    payload: {
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: { type: 'AdaptiveCard', version: '1.4', body: [] } }],
    },
  };
}

describe('Teams cards in the outbox', () => {
  let cosmos: CosmosFixture;
  let teams: TeamsStandIn;
  let mail: EmailStandIn;
  let outbox: Container;
  let clock: ManualClock;

  beforeAll(async () => {
    cosmos = await startCosmosFixture();
    teams = await startTeamsStandIn({ port: 0 });
    mail = await startEmailStandIn({ port: 0 });
  });

  afterAll(async () => {
    await Promise.all([teams.stop(), mail.stop(), cosmos.stop()]);
  });

  beforeEach(async () => {
    outbox = await cosmos.container('/id');
    await teams.clear();
    teams.setFailing(false);
    clock = new ManualClock();
  });

  function delivery(overrides: Partial<DeliveryOptions> = {}): DeliveryOptions {
    return {
      container: outbox,
      emailClient: new EmailClient(mail.connectionString, { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } }),
      senderAddress: 'DoNotReply@baton.test',
      teams: teamsPoster({ queues: { 'identity-and-devices': teams.webhookUrl('queue-identity-and-devices') }, regions: {} }),
      clock,
      backoff: () => 2 * MINUTE,
      sendTimeoutMs: 5_000,
      ...overrides,
    };
  }

  async function statusOf(id: string): Promise<string> {
    const read = await readDocument(outbox, id, id, OutboxMessageSchema);
    return read.kind === 'found' ? read.document.status : read.kind;
  }

  it('posts a card once to its channel’s webhook, with its outbox id', async () => {
    const breach = card('breach');
    await enqueue(outbox, breach, clock);
    await expect(deliverDueMessages(delivery())).resolves.toMatchObject({ sent: [breach.id] });
    await deliverDueMessages(delivery());
    expect(teams.posts().map((post) => [post.channel, post.messageId])).toEqual([['queue-identity-and-devices', breach.id]]);
    await expect(statusOf(breach.id)).resolves.toBe('sent');
  });

  it('holds a card through a ten-minute outage and posts it once when Teams is back', async () => {
    const breach = card('outage');
    await enqueue(outbox, breach, clock);
    teams.setFailing(true);
    for (let minute = 0; minute < 10; minute += 1) {
      await deliverDueMessages(delivery());
      clock.advance(MINUTE);
    }
    expect(teams.posts()).toEqual([]);
    await expect(statusOf(breach.id)).resolves.toBe('pending');
    teams.setFailing(false);
    for (let minute = 0; minute < 5; minute += 1) {
      await deliverDueMessages(delivery());
      clock.advance(MINUTE);
    }
    expect(teams.posts().map((post) => post.messageId)).toEqual([breach.id]);
    await expect(statusOf(breach.id)).resolves.toBe('sent');
  });

  it('keeps a card as failed after its last attempt, and reports it for the operator’s log', async () => {
    const breach = card('dead-letter');
    await enqueue(outbox, breach, clock);
    teams.setFailing(true);
    const reports = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      reports.push(await deliverDueMessages(delivery({ maxAttempts: 3 })));
      clock.advance(5 * MINUTE);
    }
    expect(reports.flatMap((report) => report.failed)).toEqual([{ id: breach.id, ticketNumber: breach.ticketNumber, error: 'Teams webhook answered HTTP 503' }]);
    await expect(statusOf(breach.id)).resolves.toBe('failed');
    teams.setFailing(false);
    await deliverDueMessages(delivery({ maxAttempts: 3 }));
    expect(teams.posts()).toEqual([]);
  });

  it('refuses a card with nothing to address it by, and stores nothing', async () => {
    const unaddressed = { ...card('unaddressed'), route: '' };
    await expect(enqueue(outbox, unaddressed, clock)).resolves.toMatchObject({ kind: 'invalid' });
    await expect(statusOf(unaddressed.id)).resolves.toBe('not-found');
  });

  it('fails a card whose channel is no longer configured at once, rather than retrying for hours', async () => {
    const orphan = card('orphan', 'region:APAC');
    await enqueue(outbox, orphan, clock);
    await expect(deliverDueMessages(delivery())).resolves.toMatchObject({ failed: [{ id: orphan.id, error: 'no Teams webhook is configured for region:APAC' }] });
  });
});
