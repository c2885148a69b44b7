import { chatIdempotencyKey, chatService, type ChatReply } from '../../../shared/chat/chat-service';
import { conversationIdOf, type ConversationDocument, type ConversationStore } from '../../../shared/chat/conversation-store';
import type { Conversation } from '../../../shared/domain/chat/conversation';
import type { ChatIntake } from '../../../shared/domain/intake/intake';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import type { OpenTicketResult } from '../../../shared/intake/open-ticket';
import { receiveTicket } from '../../../shared/domain/commands/receive-ticket';
import { ANSWERS_UP_TO_SEVERITY } from '../domain/chat/support/conversation-fixtures';

/** A store in memory with the Cosmos store's promises: a write under the id of the token's hash, replaced whole. */
function memoryStore(): ConversationStore & { readonly documents: Map<string, Conversation> } {
  const documents = new Map<string, Conversation>();
  const stamp = (id: string, conversation: Conversation): ConversationDocument => ({ ...conversation, id, purgeAt: conversation.updatedAt, ttl: 3600 });
  return {
    documents,
    async create(token, conversation) {
      documents.set(conversationIdOf(token), conversation);
      return { kind: 'created' };
    },
    async read(token) {
      const found = documents.get(conversationIdOf(token));
      return found === undefined ? { kind: 'not-found' } : { kind: 'found', document: stamp(conversationIdOf(token), found), etag: '"1"' };
    },
    async update(token, mutate) {
      const id = conversationIdOf(token);
      const current = documents.get(id);
      if (current === undefined) return { kind: 'not-found' };
      const mutation = mutate(current);
      if (mutation.kind === 'rejected') return { kind: 'rejected', rejection: mutation.rejection, document: stamp(id, current), etag: '"1"' };
      if (mutation.kind === 'no-change') return { kind: 'unchanged', document: stamp(id, current), etag: '"1"' };
      documents.set(id, mutation.document);
      return { kind: 'updated', document: stamp(id, mutation.document), etag: '"2"', attempts: 1 };
    },
    async purgeDue() {
      return { kind: 'purged', count: 0 };
    },
  };
}

/** Every answer a web-form ticket needs, up to its severity and scope. */
const ANSWERS = [...ANSWERS_UP_TO_SEVERITY, 'C', 'cloud'];

function answered(reply: ChatReply) {
  if (reply.kind !== 'answered') throw new Error(`the message was ${reply.kind}`);
  return reply;
}

describe('the chat service', () => {
  function setUp(intakeAnswers: Array<'unavailable' | 'accepted'>) {
    const store = memoryStore();
    const handed: Array<{ intake: ChatIntake; key: string }> = [];
    const service = chatService({
      store,
      now: () => new Date('2026-12-07T09:00:00.000Z'),
      context: async () => ({ kind: 'ready', context: { productAreas: sampleOrgConfig.productCatalogue } }),
      openTicket: async (intake, key) => {
        handed.push({ intake, key });
        const next = intakeAnswers.shift() ?? 'accepted';
        if (next === 'unavailable') return { kind: 'unavailable', failure: { kind: 'unavailable', retryAfterSeconds: 5, reason: 'store answered 503' } };
        const { ticket } = receiveTicket({ ticketNumber: 'BTN-261207-7K2QD', intake, accessTokenHash: 'a'.repeat(64), receivedAt: '2026-12-07T09:00:00.000Z' });
        const accepted: OpenTicketResult = {
          kind: 'accepted',
          ticket,
          accessToken: 'token',
          replayed: handed.length > 1,
          lifecycle: 'not-attempted',
          notifications: { enqueued: [], alreadyEnqueued: [], failed: [], undeliverable: [] },
        };
        return accepted;
      },
    });
    return { store, handed, service };
  }

  async function atSummary(service: ReturnType<typeof chatService>): Promise<string> {
    const started = await service.start('Europe/Lisbon');
    if (started.kind !== 'started') throw new Error(started.kind);
    for (const [index, text] of ANSWERS.entries()) answered(await service.receive(started.resumeToken, { clientMessageId: `a${index}`, input: { kind: 'text', text } }));
    return started.resumeToken;
  }

  it('keeps a confirmation whose ticket could not be opened, and opens it once when the confirmation comes again', async () => {
    const { store, handed, service } = setUp(['unavailable', 'accepted']);
    const token = await atSummary(service);
    const confirm = { clientMessageId: 'confirm', input: { kind: 'confirm' as const } };

    expect((await service.receive(token, confirm)).kind).toBe('unavailable');
    expect(store.documents.get(conversationIdOf(token))?.step).toEqual({ kind: 'opening', clientMessageId: 'confirm' });

    const retried = answered(await service.receive(token, confirm));
    expect(retried).toMatchObject({ repeated: true, outcome: { accepted: true } });
    expect(retried.conversation.step).toEqual({ kind: 'opened', ticketNumber: 'BTN-261207-7K2QD' });
    // The same request, under the same key, both times: intake's idempotency makes it one ticket.
    expect(handed.map((call) => call.key)).toEqual([chatIdempotencyKey(token), chatIdempotencyKey(token)]);
    expect(handed[1]?.intake).toEqual(handed[0]?.intake);
  });

  it('finishes an interrupted opening when any message comes, and says the conversation is closed', async () => {
    const { service } = setUp(['unavailable', 'accepted']);
    const token = await atSummary(service);
    await service.receive(token, { clientMessageId: 'confirm', input: { kind: 'confirm' } });
    const late = await service.receive(token, { clientMessageId: 'new-confirm', input: { kind: 'confirm' } });
    expect(late.kind === 'closed' && late.conversation.step).toEqual({ kind: 'opened', ticketNumber: 'BTN-261207-7K2QD' });
  });

  it('answers an unknown conversation as not found', async () => {
    const { service } = setUp([]);
    expect(await service.receive('x'.repeat(43), { clientMessageId: 'm', input: { kind: 'back' } })).toEqual({ kind: 'not-found' });
  });
});
