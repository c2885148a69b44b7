import { z } from 'zod';
import { startLocalStack, type LocalStack } from '../../../infra/local/stack';
import { ensureCompiled, WEBHOOK_FIXTURE_APP } from './support/compiled-output';

const MASTER_KEY = 'webhook-tests-master-key';

const CheckStatusSchema = z.object({
  id: z.string(),
  statusQueryGetUri: z.url(),
  sendEventPostUri: z.url(),
  terminatePostUri: z.url(),
  purgeHistoryDeleteUri: z.url(),
  suspendPostUri: z.url(),
  resumePostUri: z.url(),
});
type CheckStatusLinks = z.infer<typeof CheckStatusSchema>;

const InstanceStatusSchema = z.looseObject({
  instanceId: z.string(),
  runtimeStatus: z.string(),
  customStatus: z.unknown(),
  output: z.unknown(),
});

let stack: LocalStack;

beforeAll(async () => {
  ensureCompiled();
  stack = await startLocalStack({
    appDirectory: WEBHOOK_FIXTURE_APP,
    clock: { virtual: true, startAt: '2026-03-02T09:00:00Z' },
    without: ['cosmos', 'email', 'vendor', 'identity'],
    settings: { LocalHost__MasterKey: MASTER_KEY },
    hostLogLevel: 'warn',
  });
}, 180_000);

afterAll(() => stack?.stop());

/** Lets everything the last request caused finish before the next look. */
const settle = (): Promise<Date> => stack.advanceClock(0);

async function requestApproval(expense: string): Promise<{ response: Response; links: CheckStatusLinks }> {
  const response = await fetch(`${stack.urls.host}/approvals`, { method: 'POST', body: JSON.stringify({ expense }) });
  const links = CheckStatusSchema.parse(await response.json());
  await settle();
  return { response, links };
}

async function followStatus(link: string, init?: RequestInit): Promise<{ response: Response; status: z.infer<typeof InstanceStatusSchema> }> {
  const response = await fetch(link, init);
  return { response, status: InstanceStatusSchema.parse(await response.json()) };
}

function withoutCode(link: string): string {
  const url = new URL(link);
  url.searchParams.delete('code');
  return url.toString();
}

describe('check-status links of createCheckStatusResponse', () => {
  it('point at the host itself, under its durabletask webhook, carrying the system key', async () => {
    const { response, links } = await requestApproval('conference travel');
    expect(response.status).toBe(202);
    expect(response.headers.get('location')).toBe(links.statusQueryGetUri);
    for (const link of [links.statusQueryGetUri, links.sendEventPostUri, links.terminatePostUri, links.purgeHistoryDeleteUri]) {
      const url = new URL(link);
      expect(url.origin).toBe(stack.urls.host);
      expect(url.pathname.startsWith(`/runtime/webhooks/durabletask/instances/${links.id}`)).toBe(true);
      expect(url.searchParams.get('code')).toEqual(expect.any(String));
    }
  });

  it('report a running instance with 202 and a Location to poll, then 200 once an event raised through the links completes it', async () => {
    const { links } = await requestApproval('new laptop');
    const running = await followStatus(links.statusQueryGetUri);
    expect(running.response.status).toBe(202);
    expect(running.status).toMatchObject({ instanceId: links.id, runtimeStatus: 'Running', customStatus: 'awaiting decision' });
    const poll = running.response.headers.get('location');
    expect(poll === null ? undefined : new URL(poll, links.statusQueryGetUri).toString()).toBe(links.statusQueryGetUri);

    const raised = await fetch(links.sendEventPostUri.replace('{eventName}', 'decision'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ approver: 'Grace Okafor', approved: true }),
    });
    expect(raised.status).toBe(202);
    await settle();

    const completed = await followStatus(links.statusQueryGetUri);
    expect(completed.response.status).toBe(200);
    expect(completed.status).toMatchObject({
      runtimeStatus: 'Completed',
      output: { expense: 'new laptop', approver: 'Grace Okafor', approved: true },
    });
  });

  it('terminate a running instance, and purge it once it has finished', async () => {
    const { links } = await requestApproval('team offsite');
    const purgeTooEarly = await fetch(links.purgeHistoryDeleteUri, { method: 'DELETE' });
    expect(purgeTooEarly.status).toBe(412);

    const terminated = await fetch(links.terminatePostUri.replace('{text}', encodeURIComponent('budget frozen')), { method: 'POST' });
    expect(terminated.status).toBe(202);
    await settle();
    const after = await followStatus(links.statusQueryGetUri);
    expect(after.response.status).toBe(200);
    expect(after.status).toMatchObject({ runtimeStatus: 'Terminated', output: 'budget frozen' });

    const purged = await fetch(links.purgeHistoryDeleteUri, { method: 'DELETE' });
    expect(purged.status).toBe(200);
    await expect(purged.json()).resolves.toEqual({ instancesDeleted: 1 });
    expect((await fetch(links.statusQueryGetUri)).status).toBe(404);
  });

  it('suspend and resume an instance, which then still takes its event', async () => {
    const { links } = await requestApproval('standing desk');
    expect((await fetch(links.suspendPostUri.replace('{text}', 'audit'), { method: 'POST' })).status).toBe(202);
    await settle();
    await expect(followStatus(links.statusQueryGetUri)).resolves.toMatchObject({ status: { runtimeStatus: 'Suspended' } });

    expect((await fetch(links.resumePostUri.replace('{text}', 'audit done'), { method: 'POST' })).status).toBe(202);
    await fetch(links.sendEventPostUri.replace('{eventName}', 'decision'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ approver: 'Tom Reyes', approved: false }),
    });
    await settle();
    await expect(followStatus(links.statusQueryGetUri)).resolves.toMatchObject({
      status: { runtimeStatus: 'Completed', output: { approved: false } },
    });
  });
});

describe('the durabletask webhook keys', () => {
  it('refuses a link without its code, or with a wrong one', async () => {
    const { links } = await requestApproval('printer toner');
    expect((await fetch(withoutCode(links.statusQueryGetUri))).status).toBe(401);
    const forged = new URL(links.statusQueryGetUri);
    forged.searchParams.set('code', 'guessed-key');
    expect((await fetch(forged)).status).toBe(401);
  });

  it('accepts the master key in place of the system key, in the header too', async () => {
    const { links } = await requestApproval('monitor arm');
    const status = await followStatus(withoutCode(links.statusQueryGetUri), { headers: { 'x-functions-key': MASTER_KEY } });
    expect(status.status).toMatchObject({ instanceId: links.id, runtimeStatus: 'Running' });
  });

  it('tells only a master key holder that no extension has the name', async () => {
    const { links } = await requestApproval('desk lamp');
    const systemKey = new URL(links.statusQueryGetUri).searchParams.get('code') ?? '';
    const unknown = `${stack.urls.host}/runtime/webhooks/eventgrid/subscriptions`;
    expect((await fetch(`${unknown}?code=${encodeURIComponent(systemKey)}`)).status).toBe(401);
    expect((await fetch(unknown, { headers: { 'x-functions-key': MASTER_KEY } })).status).toBe(404);
  });
});

describe('the webhook prefix beside the app routes at an empty route prefix', () => {
  it('keeps /runtime/webhooks/ for the host even against a catch-all function route', async () => {
    const response = await fetch(`${stack.urls.host}/runtime/webhooks/durabletask/instances/unknown-instance`);
    expect(response.status).toBe(401);
  });

  it('leaves every other path, under /runtime/ too, to the app', async () => {
    for (const page of ['runtime/overview', 'approvals/help', 'runtime']) {
      const response = await fetch(`${stack.urls.host}/${page}`);
      expect(response.status).toBe(200);
      await expect(response.json()).resolves.toEqual({ servedBy: 'sitePages', page });
    }
  });
});
