/**
 * A 202 is a promise, also when the whole offline stack dies at once. The stack runs as one process
 * group (its own process, the Functions host, Azurite) that is killed with SIGKILL — as a power cut
 * or an OOM kill ends `npm start` — at random moments of intake bursts, while the lifecycles of the
 * tickets just taken (validation, triage, assignment, their emails) are turning, and restarted on
 * the same data. In the end every ticket answered 202 is there with its timeline, every keyed retry
 * answers the original ticket, and every email the tickets owe is sent exactly once.
 *
 * The kill delays come from a seeded generator; set BATON_CRASH_SEED to replay a failing run.
 * The stack runs from the build (dist/), which `ensureCompiled` keeps current.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { startLocalStack, type LocalStack, type LocalStackUrls } from '../../../infra/local/stack';
import { cosmosClientOptionsForStandIn } from '../../../infra/local/services/cosmos-standin';
import { OrgConfigSchema } from '../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import { TicketSchema, type Ticket } from '../../../shared/domain/ticket/ticket';
import { BATON_DATABASE, OUTBOX_CONTAINER, TICKETS_CONTAINER } from '../../../shared/store/containers';
import type { OutboxMessage } from '../../../shared/email/outbox-message';
import { IntakeAnswerSchema } from '../../../shared/intake/intake-answer';
import { DEFAULT_LEASE_MS } from '../../../shared/email/deliver-due-messages';
import { outboxMessageId, plannedEmails } from '../../../shared/email/planned-emails';
import { ensureCompiledSources, REPOSITORY_ROOT } from '../../support/compiled-build';
import { sampleIntakeBody } from '../../integration/ticket-service/support/sample-intake';

jest.setTimeout(480_000);

const KILLS = 20;
const SEED = Number(process.env['BATON_CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
/** Requesters submitting at once during a burst, each pausing briefly between submissions. */
const CONCURRENCY = 3;
const PAUSE_BETWEEN_SUBMISSIONS_MS = 250;
const KILL_DELAY_MS = { min: 50, max: 1_500 } as const;
/** Compiled, as `npm start` runs: transpiling the stack on every start would double the test's time. */
const ENTRY = path.join(REPOSITORY_ROOT, 'dist', 'test', 'e2e', 'crash', 'support', 'stack-process.js');
const RETRY_CHUNK = 8;

/** mulberry32: a small seeded generator, so a failing sequence of kill moments can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Submission {
  readonly key: string;
  readonly body: Record<string, unknown>;
  /** The ticket number of the 202, when one arrived before the kill. */
  answered?: string;
}

interface StackProcess {
  readonly child: ChildProcess;
  readonly urls: LocalStackUrls;
}

async function startStackProcess(dataDirectory: string): Promise<StackProcess> {
  // Its own process group (detached), so one kill reaches the host and Azurite too.
  const child = spawn(process.execPath, [ENTRY, dataDirectory], { cwd: REPOSITORY_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const urls = await new Promise<LocalStackUrls>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the stack did not start within 90 s:\n${output}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((candidate) => candidate.startsWith('{"ready"'));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { ready: { urls: LocalStackUrls } }).ready.urls);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the stack exited (${signal ?? String(code)}) before it was ready:\n${output}`));
    });
  });
  return { child, urls };
}

async function killProcessGroup(stack: StackProcess): Promise<void> {
  const { pid } = stack.child;
  if (pid === undefined) throw new Error('the stack process has no pid');
  const exited = new Promise<void>((resolve) => stack.child.once('exit', () => resolve()));
  process.kill(-pid, 'SIGKILL');
  await exited;
  // The host and Azurite are gone with it; their ports and files are free for the next run.
  await waitUntilGroupIsGone(pid);
}

async function waitUntilGroupIsGone(pgid: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`process group ${pgid} outlived SIGKILL`);
}

function post(url: string, submission: Submission): Promise<Response> {
  return fetch(`${url}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': submission.key },
    body: JSON.stringify(submission.body),
  });
}

/**
 * A keyed retry as a well-behaved client sends it: a 503 (the store answering too slowly on a busy
 * machine) says "not now", so it waits the Retry-After and asks again, a few times.
 */
async function postUntilAnswered(url: string, submission: Submission): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await post(url, submission);
    if (response.status !== 503 || attempt === 5) return response;
    await response.arrayBuffer();
    const retryAfterSeconds = Math.min(Number(response.headers.get('retry-after') ?? '1') || 1, 10);
    await new Promise((resolve) => setTimeout(resolve, retryAfterSeconds * 1_000));
  }
}

/** Posts new submissions CONCURRENCY at a time until the stack dies; records each 202 that arrived. */
async function burstUntilKilled(stack: StackProcess, submissions: Submission[], killAfterMs: number): Promise<void> {
  let killed = false;
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    while (!killed) {
      const index = submissions.length;
      const submission: Submission = {
        key: `crash-${SEED}-${index}`,
        body: sampleIntakeBody({
          requester: { name: 'Ana Silva', email: `crash.${index}@contoso.com`, timeZone: 'Europe/Lisbon', available24x7: false },
          title: `Conditional Access blocks the finance team (${index})`,
        }),
      };
      submissions.push(submission);
      try {
        const response = await post(stack.urls.host, submission);
        const answer: unknown = await response.json();
        if (response.status === 202 && !killed) submission.answered = IntakeAnswerSchema.parse(answer).ticketNumber;
      } catch {
        // The connection died with the stack: no promise was made.
      }
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_SUBMISSIONS_MS));
    }
  });
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  await killProcessGroup(stack);
  killed = true;
  await Promise.all(workers);
}

async function outboxStates(stack: LocalStack, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const cosmos = stack.services.cosmos;
  if (!cosmos) throw new Error('the stack has no Cosmos stand-in');
  const client = new CosmosClient(cosmosClientOptionsForStandIn(cosmos.endpoint, cosmos.key));
  try {
    const { resources } = await client.database(BATON_DATABASE).container(OUTBOX_CONTAINER).items.query<OutboxMessage>('SELECT * FROM c').fetchAll();
    const byId = new Map(resources.map((message) => [message.id, message]));
    return ids.map((id) => {
      const message = byId.get(id);
      return message === undefined
        ? `${id}: not in the outbox`
        : `${id}: ${message.template} ${message.status}, ${String(message.attempts)} attempt(s), next ${message.nextAttemptAt}${message.lastError === undefined ? '' : `, last error ${message.lastError}`}`;
    });
  } finally {
    client.dispose();
  }
}

async function storedTickets(stack: LocalStack): Promise<Ticket[]> {
  const cosmos = stack.services.cosmos;
  if (!cosmos) throw new Error('the stack has no Cosmos stand-in');
  const client = new CosmosClient(cosmosClientOptionsForStandIn(cosmos.endpoint, cosmos.key));
  try {
    const { resources } = await client
      .database(BATON_DATABASE)
      .container(TICKETS_CONTAINER)
      .items.query<unknown>('SELECT * FROM c WHERE STARTSWITH(c.requesterEmail, "crash.")')
      .fetchAll();
    return resources.map((row) => TicketSchema.parse(row));
  } finally {
    client.dispose();
  }
}

describe('the whole offline stack killed with SIGKILL during intake', () => {
  let dataDirectory: string;
  let finalStack: LocalStack | undefined;

  beforeAll(() => {
    ensureCompiledSources(['functions', 'shared', path.join('infra', 'local'), path.join('test', 'e2e', 'crash', 'support')]);
    dataDirectory = mkdtempSync(path.join(tmpdir(), 'baton-whole-stack-kill-'));
  });

  afterAll(async () => {
    await finalStack?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it(`keeps every 202 and sends each owed email once across ${KILLS} kills (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const submissions: Submission[] = [];
    const killDelays: number[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      const stack = await startStackProcess(dataDirectory);
      const delay = Math.round(KILL_DELAY_MS.min + random() * (KILL_DELAY_MS.max - KILL_DELAY_MS.min));
      killDelays.push(delay);
      await burstUntilKilled(stack, submissions, delay);
    }
    const context = `seed ${SEED}, kill delays ${killDelays.join(', ')} ms (BATON_CRASH_SEED=${SEED} replays them)`;
    const answered = submissions.filter((submission) => submission.answered !== undefined);
    expect({ context, answered: answered.length > KILLS }).toEqual({ context, answered: true });

    // The last start runs on a virtual clock from now, so the repairs and the watchdog's sweep of
    // owed emails (a minute's grace) can be reached without waiting for them.
    finalStack = await startLocalStack({ dataDirectory, clock: { virtual: true, startAt: Date.now() }, hostLogLevel: 'warn' });
    const url = finalStack.urls.host;

    const afterCrashes = new Map((await storedTickets(finalStack)).map((ticket) => [ticket.ticketNumber, ticket]));
    const lost = answered.filter((submission) => !afterCrashes.has(submission.answered ?? ''));
    expect({ context, lost: lost.map((submission) => `${submission.key} → ${submission.answered ?? ''}`) }).toEqual({ context, lost: [] });
    for (const submission of answered) {
      const ticket = afterCrashes.get(submission.answered ?? '');
      expect({ context, key: submission.key, received: ticket?.timeline.some((event) => event.type === 'ticket-received') }).toEqual({
        context,
        key: submission.key,
        received: true,
      });
    }

    // Every key is retried, answered or not: an answered one gets its original ticket back, and
    // none ends up with a second ticket.
    const retried = [];
    for (let start = 0; start < submissions.length; start += RETRY_CHUNK) {
      const chunk = submissions.slice(start, start + RETRY_CHUNK);
      retried.push(
        ...(await Promise.all(
          chunk.map(async (submission) => {
            const response = await postUntilAnswered(url, submission);
            return { submission, status: response.status, answer: IntakeAnswerSchema.safeParse(await response.json()) };
          }),
        )),
      );
    }
    const mismatched = retried
      .filter(({ submission, answer }) => submission.answered !== undefined && (!answer.success || answer.data.ticketNumber !== submission.answered))
      .map(({ submission, status, answer }) => `${submission.key}: ${status} ${answer.success ? answer.data.ticketNumber : 'no ticket'} instead of ${submission.answered ?? ''}`);
    expect({ context, mismatched }).toEqual({ context, mismatched: [] });
    expect({ context, statuses: [...new Set(retried.map(({ status }) => status))] }).toEqual({ context, statuses: [202] });

    // Long enough for the lifecycles' turns and for the lease of a message whose deliverer was
    // killed mid-send to run out: that message is owed, not lost, and is sent once it has.
    await finalStack.advanceClock(DEFAULT_LEASE_MS + 60_000);
    const tickets = await storedTickets(finalStack);
    const perRequester = new Map<string, string[]>();
    for (const ticket of tickets) perRequester.set(ticket.requesterEmail, [...(perRequester.get(ticket.requesterEmail) ?? []), ticket.ticketNumber]);
    const duplicated = [...perRequester].filter(([, numbers]) => numbers.length > 1).map(([email, numbers]) => `${email}: ${numbers.join(', ')}`);
    expect({ context, duplicated }).toEqual({ context, duplicated: [] });
    expect(tickets).toHaveLength(submissions.length);
    // Each lifecycle got past its intake turns (to an engineer, a rejection, or the queue's leads
    // when every engineer is busy), whichever moment its first run was killed at.
    const pastIntake = new Set(['engineer-assigned', 'no-engineer-available', 'ticket-rejected']);
    const stuck = tickets
      .filter((ticket) => !ticket.timeline.some((event) => pastIntake.has(event.type)))
      .map((ticket) => `${ticket.ticketNumber}: ${ticket.timeline.map((event) => event.type).join(' → ')}`);
    expect({ context, stuck }).toEqual({ context, stuck: [] });

    const org = OrgConfigSchema.parse(sampleOrgConfig);
    const owed = new Set(tickets.flatMap((ticket) => plannedEmails(ticket, ticket.timeline, org).map((email) => outboxMessageId(email.notification))));
    const mails = finalStack.services.email?.messages() ?? [];
    const sent = new Set(mails.map((mail) => mail.operationId));
    // A missing email is shown with its outbox record, so a failure says whether it was never
    // queued, is waiting for a retry, or gave up.
    const missing = await outboxStates(finalStack, [...owed].filter((id) => !sent.has(id)));
    expect({ context, owed: owed.size > 0, missing }).toEqual({ context, owed: true, missing: [] });
    const copies = new Map<string, number>();
    for (const mail of mails) {
      const what = `${mail.to.map((recipient) => recipient.address).join(',')} | ${mail.subject}`;
      copies.set(what, (copies.get(what) ?? 0) + 1);
    }
    const twice = [...copies].filter(([, count]) => count > 1).map(([what, count]) => `${count} × ${what}`);
    expect({ context, twice }).toEqual({ context, twice: [] });
    const unplanned = mails.filter((mail) => mail.to.some((recipient) => recipient.address.startsWith('crash.')) && !owed.has(mail.operationId));
    expect({ context, unplanned: unplanned.map((mail) => mail.subject) }).toEqual({ context, unplanned: [] });
  });
});
