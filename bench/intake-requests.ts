/**
 * Every request the app makes for what a bench asks of it, by kind: Cosmos DB by container and
 * kind (the store counter), the task hub in Azurite by service, method and table or queue, the
 * email service by operation, and the Durable work items the host dispatched (orchestrator
 * episodes and activity executions, by function). The app reaches a separate Azurite and the email
 * stand-in through counting proxies; the stack's own Azurite stays idle.
 */
import type { LocalStack } from '../infra/local/stack';
import { connectionStringFor, startAzurite, type RunningAzurite } from '../infra/local/azurite';
import { EMAIL_STANDIN_ACCESS_KEY } from '../infra/local/services/email-standin';
import { SETTING } from '../shared/config/settings';
import { hostInvocations, type HostInvocations } from './azure-cost';
import type { StoreCounter } from './lifecycle-store-counter';
import { azuriteRequestKind, emailRequestKind, startRequestCounter, type RequestCounter } from './request-counter';

const AZURITE_SERVICES = ['blob', 'queue', 'table'] as const;

export interface IntakeRequestCounters {
  /** App settings that send the task hub and email through the counters. */
  readonly settings: Readonly<Record<string, string>>;
  /** Once the stack's services run: where the email counter forwards to. */
  prepare(stack: LocalStack): void;
  /** The separate Azurite the task hub lives in (its CPU is the task hub's). */
  readonly azurite: RunningAzurite;
  /** Starts a counted stretch. */
  start(hostUrl: string): Promise<void>;
  /** The Cosmos queries of the stretch so far (plan requests included), by text, each divided by `per`. */
  queriesPerUnit(per: number): ReadonlyMap<string, number>;
  /** Kilobytes sent and received per Cosmos request kind in the stretch so far, each divided by `per`. */
  cosmosKilobytesPerUnit(per: number): ReadonlyMap<string, { readonly sent: number; readonly received: number }>;
  /** The requests of the stretch so far, by kind, each divided by `per`. */
  perUnit(hostUrl: string, per: number): Promise<ReadonlyMap<string, number>>;
  stop(): Promise<void>;
}

export async function startIntakeRequestCounters(store: StoreCounter): Promise<IntakeRequestCounters> {
  const azurite = await startAzurite({ location: 'memory', blobPort: 0, queuePort: 0, tablePort: 0 });
  const proxies = await Promise.all(AZURITE_SERVICES.map((service) => startRequestCounter(azuriteRequestKind(service))));
  const endpoints = [azurite.blobEndpoint, azurite.queueEndpoint, azurite.tableEndpoint];
  proxies.forEach((proxy, index) => proxy.forwardTo(new URL(endpoints[index] ?? '').origin));
  const [blob, queue, table] = proxies.map((proxy) => `${proxy.origin}/devstoreaccount1`);
  const email = await startRequestCounter(emailRequestKind);
  const counters: readonly RequestCounter[] = [...proxies, email];
  let invocationsAtStart: HostInvocations = { byFunction: {} };

  return {
    settings: {
      [SETTING.hostStorageConnectionString]: connectionStringFor(blob ?? '', queue ?? '', table ?? ''),
      [SETTING.emailConnectionString]: `endpoint=${email.origin}/;accesskey=${EMAIL_STANDIN_ACCESS_KEY}`,
    },
    prepare: (stack) => email.forwardTo(stack.services.email?.endpoint ?? ''),
    azurite,
    async start(hostUrl) {
      store.reset();
      for (const counter of counters) counter.reset();
      invocationsAtStart = await hostInvocations(hostUrl);
    },
    queriesPerUnit(per) {
      const tally = new Map<string, number>();
      for (const { container, kind, queryText } of store.operations()) {
        if (queryText === undefined) continue;
        const key = `${container} ${kind}: ${queryText.replace(/\s+/g, ' ').slice(0, 90)}`;
        tally.set(key, (tally.get(key) ?? 0) + 1 / per);
      }
      return new Map([...tally].sort(([, a], [, b]) => b - a));
    },
    cosmosKilobytesPerUnit(per) {
      const tally = new Map<string, { sent: number; received: number }>();
      for (const { container, kind, requestBytes, responseBytes } of store.operations()) {
        const key = `${container || '(account)'} ${kind}`;
        const sum = tally.get(key) ?? { sent: 0, received: 0 };
        tally.set(key, { sent: sum.sent + requestBytes / 1024 / per, received: sum.received + responseBytes / 1024 / per });
      }
      return new Map([...tally].sort(([, a], [, b]) => b.sent + b.received - a.sent - a.received));
    },
    async perUnit(hostUrl, per) {
      const tally = new Map<string, number>();
      const add = (kind: string, count: number): void => {
        if (count !== 0) tally.set(kind, (tally.get(kind) ?? 0) + count / per);
      };
      for (const operation of store.operations()) add(`cosmos ${operation.container || '(account)'} ${operation.kind}`, 1);
      for (const counter of counters) for (const [kind, count] of counter.counts()) add(kind, count);
      const now = await hostInvocations(hostUrl);
      for (const [name, fn] of Object.entries(now.byFunction)) {
        const trigger = fn.trigger.toLowerCase();
        const kind = trigger === 'orchestrationtrigger' ? 'durable episode' : trigger === 'activitytrigger' ? 'durable activity' : trigger === 'entitytrigger' ? 'durable entity' : `function ${trigger}`;
        add(`${kind} ${name}`, fn.invocations - (invocationsAtStart.byFunction[name]?.invocations ?? 0));
      }
      return new Map([...tally].sort(([a], [b]) => a.localeCompare(b)));
    },
    async stop() {
      await Promise.all(counters.map((counter) => counter.stop()));
      await azurite.stop();
    },
  };
}

/** `cosmos 7.0 (tickets create 1.0, …); table 12.0 (…)`: the totals by first word, each broken down. */
export function describeRequests(tally: ReadonlyMap<string, number>): string[] {
  const groups = new Map<string, [string, number][]>();
  for (const [kind, count] of tally) {
    const [group = kind, ...rest] = kind.split(' ');
    groups.set(group, [...(groups.get(group) ?? []), [rest.join(' '), count]]);
  }
  return [...groups].map(([group, kinds]) => {
    const total = kinds.reduce((sum, [, count]) => sum + count, 0);
    return `${group} ${total.toFixed(1)}: ${kinds.map(([kind, count]) => `${kind} ${count.toFixed(2)}`).join(', ')}`;
  });
}
