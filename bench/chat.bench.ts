/**
 * Chat messages per second on the whole offline stack, beside intake requests per second measured
 * on the same stack in the same run (both over HTTP through the local host): a chat message is one
 * guarded read-and-replace of its conversation, an intake request writes a ticket and its email,
 * so the ratio says what a conversation costs next to the form. Conversations run side by side,
 * each sending its answers one after another, as a requester does.
 */
import os from 'node:os';
import { startLocalStack } from '../infra/local/stack';
import { benchIntakeBody } from './intake-request-body';

const CONVERSATIONS = Number(process.env['BENCH_CHAT_CONVERSATIONS'] ?? 48);
const CONCURRENCY = Number(process.env['BENCH_CHAT_CONCURRENCY'] ?? 16);
const INTAKE_REQUESTS = Number(process.env['BENCH_CHAT_INTAKE_REQUESTS'] ?? 200);

/** Every answer of a conversation up to its summary (Severity B: no availability question). */
function answers(index: number): string[] {
  return [
    'Bench Requester',
    `bench.chat.${index}@contoso.com`,
    'Contoso Ltd',
    'contoso.onmicrosoft.com',
    'Microsoft Entra ID',
    `Finance cannot sign in to Outlook (${index})`,
    'Every member of the finance group gets AADSTS53003 when signing in to Outlook on the web from managed laptops.',
    'Monday 09:00',
    'Thirty people cannot send email during the month-end close.',
    'B',
    'cloud',
  ];
}

async function inParallel(count: number, work: (index: number) => Promise<number>): Promise<{ readonly seconds: number; readonly done: number; readonly failed: number }> {
  let next = 0;
  let done = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        const result = await work(index);
        if (result >= 0) done += result;
        else failed += 1;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, done, failed };
}

export async function run(): Promise<void> {
  const stack = await startLocalStack({ hostLogLevel: 'warn', settings: { BATON_INTAKE_LIMIT_PER_CLIENT_ADDRESS: '1000000', BATON_INTAKE_LIMIT_PER_REQUESTER_EMAIL: '1000000' } });
  try {
    const host = stack.urls.host;
    const intake = async (index: number): Promise<number> => {
      const response = await fetch(`${host}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `bench-chat-intake-${index}` }, body: benchIntakeBody(index, 'bench.intake') });
      await response.arrayBuffer();
      return response.status === 202 ? 1 : -1;
    };
    const conversation = async (index: number): Promise<number> => {
      const started = await fetch(`${host}/api/chat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const { conversationId } = (await started.json()) as { conversationId?: string };
      if (started.status !== 200 || conversationId === undefined) return -1;
      let sent = 0;
      for (const [turn, text] of answers(index).entries()) {
        const response = await fetch(`${host}/api/chat/conversations/${conversationId}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ clientMessageId: `m-${turn}`, text }),
        });
        await response.arrayBuffer();
        if (response.status !== 200) return -1;
        sent += 1;
      }
      return sent;
    };
    // Warm both paths (first requests compile, connect and seed the organisation).
    await inParallel(CONCURRENCY, (index) => intake(1_000_000 + index));
    await inParallel(4, (index) => conversation(1_000_000 + index));

    const intakeRun = await inParallel(INTAKE_REQUESTS, intake);
    const chatRun = await inParallel(CONVERSATIONS, conversation);
    const intakePerSecond = intakeRun.done / intakeRun.seconds;
    const messagesPerSecond = chatRun.done / chatRun.seconds;
    console.log(
      [
        '',
        `Chat messages against intake, full offline stack over HTTP (${CONCURRENCY} concurrent, same run)`,
        `  intake                        ${intakePerSecond.toFixed(1)} requests/s (${intakeRun.done} tickets, ${intakeRun.failed} failed)`,
        `  chat                          ${messagesPerSecond.toFixed(1)} messages/s (${CONVERSATIONS} conversations × ${answers(0).length} answers, ${chatRun.failed} failed)`,
        `  ratio chat / intake           ${(messagesPerSecond / intakePerSecond).toFixed(2)}`,
        `  machine                       ${os.cpus().length} cores, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')} at the end`,
        '',
      ].join('\n'),
    );
  } finally {
    await stack.stop();
  }
}
