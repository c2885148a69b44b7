/** The Teams stand-in keeps the cards it was posted across a restart of the stack, as the email stand-in keeps its mailbox. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startTeamsStandIn } from '../../../infra/local/services/teams-standin';

const CARD = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: { type: 'AdaptiveCard', version: '1.4', body: [] } }] };

describe('the Teams stand-in', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-teams-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function post(webhookUrl: string, messageId: string): Promise<number> {
    const answer = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-baton-message-id': messageId }, body: JSON.stringify(CARD) });
    return answer.status;
  }

  it('shows the cards posted before a restart after it, in the order they came, and numbers the next one after them', async () => {
    const first = await startTeamsStandIn({ port: 0, dataDir });
    expect(await post(first.webhookUrl('queue-identity-and-devices'), 'card-1')).toBe(202);
    expect(await post(first.webhookUrl('region-EMEA'), 'card-2')).toBe(202);
    await first.stop();

    const second = await startTeamsStandIn({ port: 0, dataDir });
    try {
      expect(second.posts().map((card) => [card.sequence, card.channel, card.messageId])).toEqual([
        [1, 'queue-identity-and-devices', 'card-1'],
        [2, 'region-EMEA', 'card-2'],
      ]);
      expect(await post(second.webhookUrl('region-EMEA'), 'card-3')).toBe(202);
      expect(second.posts().map((card) => card.sequence)).toEqual([1, 2, 3]);
      await second.clear();
    } finally {
      await second.stop();
    }
    const third = await startTeamsStandIn({ port: 0, dataDir });
    try {
      expect(third.posts()).toEqual([]);
    } finally {
      await third.stop();
    }
  });

  it('keeps cards in memory only when given no data directory, as the tests use it', async () => {
    const standIn = await startTeamsStandIn({ port: 0 });
    try {
      expect(await post(standIn.webhookUrl('region-EMEA'), 'card-1')).toBe(202);
      expect(standIn.posts()).toHaveLength(1);
    } finally {
      await standIn.stop();
    }
  });
});
