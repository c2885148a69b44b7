/**
 * The chat API through the local host against the Cosmos and email stand-ins: each message is
 * stored before its answer, a resent message changes nothing, going back works, a confirmation sent
 * twice (or during a store outage, then again) opens exactly one ticket through intake, with the
 * transcript on its timeline for the requester, and the conversations past their time are purged.
 */
import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { cosmosClientOptionsForStandIn } from '../../../infra/local/services/cosmos-standin';
import { ChatConversationViewSchema, ChatMessageAnswerSchema, type ChatConversationView } from '../../../shared/chat/chat-view';
import { cosmosConversationStore } from '../../../shared/chat/conversation-store';
import { CustomerTicketViewSchema } from '../../../shared/http-api/customer-ticket-view';
import { ProblemSchema } from '../../../shared/http-edge/problem';
import { BATON_DATABASE, CONVERSATIONS_CONTAINER } from '../../../shared/store/containers';
import { ensureCompiledSources } from '../../support/compiled-build';
import { eventually, startIntakeStack, type IntakeStack } from '../intake/support/intake-stack';

jest.setTimeout(120_000);

const ANSWERS = [
  'Ana Silva',
  'ana.chat@contoso.com',
  'Contoso Ltd',
  'contoso.onmicrosoft.com',
  'Microsoft Entra ID',
  'Finance cannot sign in to Outlook',
  'Every member of the finance group gets AADSTS53003 when signing in to Outlook on the web from managed laptops.',
  'Monday 09:00',
  'Thirty people cannot send email during the month-end close.',
  'B',
  'cloud',
];

describe('the chat API', () => {
  let intake: IntakeStack;
  let cosmos: CosmosClient;

  beforeAll(async () => {
    ensureCompiledSources(['functions', 'shared', 'infra/local']);
    intake = await startIntakeStack();
    const standIn = intake.stack.services.cosmos;
    if (standIn === undefined) throw new Error('no Cosmos stand-in');
    cosmos = new CosmosClient(cosmosClientOptionsForStandIn(standIn.endpoint, standIn.key));
    // A build after a change to the sources, then every stand-in, on a loaded machine.
  }, 300_000);
  afterAll(async () => {
    cosmos?.dispose();
    await intake?.stop();
  });
  afterEach(() => intake.stack.services.cosmos?.setUnavailable(false));

  const api = (path: string): string => `${intake.stack.urls.host}/api/chat/conversations${path}`;

  async function start(): Promise<ChatConversationView> {
    const response = await fetch(api(''), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timeZone: 'Europe/Lisbon' }) });
    expect(response.status).toBe(200);
    return ChatConversationViewSchema.parse(await response.json());
  }

  function send(id: string, body: Record<string, unknown>): Promise<Response> {
    return fetch(api(`/${id}/messages`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  async function say(id: string, text: string, clientMessageId: string = randomUUID()) {
    const response = await send(id, { clientMessageId, text });
    expect(response.status).toBe(200);
    return ChatMessageAnswerSchema.parse(await response.json());
  }

  async function read(id: string): Promise<ChatConversationView> {
    const response = await fetch(api(`/${id}`));
    expect(response.status).toBe(200);
    return ChatConversationViewSchema.parse(await response.json());
  }

  /** A conversation at its summary, for the requester's email given. */
  async function atSummary(email: string): Promise<string> {
    const { conversationId } = await start();
    for (const answer of ANSWERS) await say(conversationId, answer === 'ana.chat@contoso.com' ? email : answer);
    expect((await read(conversationId)).prompt.kind).toBe('summary');
    return conversationId;
  }

  it('asks one question at a time, re-asks a wrong tenant with the reason, goes back, and keeps every message across reads', async () => {
    const { conversationId, prompt, resumeLink } = await start();
    expect(prompt).toMatchObject({ kind: 'question', key: 'name' });
    expect(resumeLink).toBe(`${intake.stack.urls.host}/chat#${conversationId}`);
    await say(conversationId, 'Ana Silva');
    await say(conversationId, 'ana.silva@contoso.com');
    await say(conversationId, 'Contoso Ltd');
    const refused = await say(conversationId, 'contoso.com');
    expect(refused.outcome).toEqual({ accepted: false, reason: 'Microsoft 365 tenant domain must be the tenant domain ending in .onmicrosoft.com.' });
    expect(refused.conversation.prompt).toMatchObject({ kind: 'question', key: 'tenantDomain' });
    const back = await say(conversationId, 'go back');
    expect(back.conversation.prompt).toMatchObject({ kind: 'question', key: 'company', current: 'Contoso Ltd' });
    const stored = await read(conversationId);
    expect(stored.messages.filter((message) => message.from === 'requester').map((message) => message.text)).toEqual(['Ana Silva', 'ana.silva@contoso.com', 'Contoso Ltd', 'contoso.com', 'go back']);
  });

  it('answers a resent message as the first time and stores nothing new', async () => {
    const { conversationId } = await start();
    const first = await say(conversationId, 'Ana Silva', 'same-id');
    const again = await say(conversationId, 'Ana Silva', 'same-id');
    expect(first.repeated).toBe(false);
    expect(again).toMatchObject({ repeated: true, outcome: first.outcome });
    expect(again.conversation.messages).toHaveLength(first.conversation.messages.length);
    const reused = await send(conversationId, { clientMessageId: 'same-id', text: 'Bob' });
    expect(reused.status).toBe(422);
  });

  it('refuses a bad body with field errors, and an unknown conversation with 404', async () => {
    const { conversationId } = await start();
    const anonymous = await send(conversationId, { text: 'hello' });
    expect(anonymous.status).toBe(400);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    expect(ProblemSchema.parse(await anonymous.json()).errors).toEqual([{ field: 'clientMessageId', message: expect.any(String) as string }]);
    const both = await send(conversationId, { clientMessageId: 'both', text: 'hello', action: 'back' });
    expect(ProblemSchema.parse(await both.json()).errors).toEqual([{ field: 'text', message: 'send either text or an action' }]);
    expect((await read(conversationId)).messages).toHaveLength(1);
    const unknown = await fetch(api(`/${'x'.repeat(43)}`));
    expect(unknown.status).toBe(404);
  });

  it('opens exactly one ticket when the confirmation is sent twice, with channel chat and the transcript for the requester', async () => {
    const email = `chat.twice.${randomUUID().slice(0, 8)}@contoso.com`;
    const conversationId = await atSummary(email);
    const [first, second] = await Promise.all([say(conversationId, 'confirm', 'confirm-1'), say(conversationId, 'confirm', 'confirm-1')]);
    const ticket = first.conversation.ticket;
    expect(ticket).toBeDefined();
    expect(second.conversation.ticket?.ticketNumber).toBe(ticket?.ticketNumber);
    const later = await send(conversationId, { clientMessageId: 'confirm-2', action: 'confirm' });
    expect(later.status).toBe(409);
    const tickets = await intake.ticketsOf(email);
    expect(tickets.map((stored) => stored.ticketNumber)).toEqual([ticket?.ticketNumber]);
    expect(tickets[0]).toMatchObject({ channel: 'chat', severity: 'B', tenantDomain: 'contoso.onmicrosoft.com', requester: { timeZone: 'Europe/Lisbon' } });
    expect(tickets[0]?.description).toContain('Since: Monday 09:00');

    const token = new URL(ticket?.accessLink ?? 'http://invalid').searchParams.get('access') ?? '';
    const view = CustomerTicketViewSchema.parse(await (await fetch(`${intake.stack.urls.host}/api/tickets/${ticket?.ticketNumber ?? ''}`, { headers: { authorization: `Bearer ${token}` } })).json());
    const received = view.timeline.find((entry) => entry.type === 'ticket-received');
    expect(received?.transcript).toContain('You: contoso.onmicrosoft.com');
    const mails = await eventually(() => intake.mailTo(email).filter((mail) => mail.subject.startsWith('Received: ')), (found) => found.length > 0);
    expect(mails).toHaveLength(1);
  });

  it('keeps nothing of a message sent while the store is down, takes it once when resent, and opens one ticket after an outage at confirmation', async () => {
    const email = `chat.outage.${randomUUID().slice(0, 8)}@contoso.com`;
    const conversationId = await atSummary(email);
    const standIn = intake.stack.services.cosmos;
    standIn?.setUnavailable(true);
    const refused = await send(conversationId, { clientMessageId: 'during-outage', text: 'confirm' });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    standIn?.setUnavailable(false);
    const retried = await say(conversationId, 'confirm', 'during-outage');
    expect(retried.conversation.prompt.kind).toBe('opened');
    expect((await intake.ticketsOf(email)).map((ticket) => ticket.ticketNumber)).toEqual([retried.conversation.ticket?.ticketNumber]);
    const confirmations = retried.conversation.messages.filter((message) => message.clientMessageId === 'during-outage');
    expect(confirmations).toHaveLength(1);
  });

  it('purges the conversations whose keeping time is over, and only those', async () => {
    const old = await start();
    const container = cosmos.database(BATON_DATABASE).container(CONVERSATIONS_CONTAINER);
    const store = cosmosConversationStore(container, 72);
    const soon = await store.purgeDue(new Date(Date.now() + 3_600_000), 1000);
    expect(soon).toEqual({ kind: 'purged', count: 0 });
    await read(old.conversationId);
    const later = await store.purgeDue(new Date(Date.now() + 73 * 3_600_000), 1000);
    expect(later.kind === 'purged' && later.count).toBeGreaterThanOrEqual(1);
    expect((await fetch(api(`/${old.conversationId}`))).status).toBe(404);
  });
});
