/**
 * Every minute: queues the emails any ticket has owed for more than a minute (see
 * shared/email/settle-notification-debts), then looks at the tickets whose lifecycle was due to
 * act more than a minute ago: restarts an orchestration that is missing, failed or terminated, and
 * wakes one whose SLA alert is overdue (see shared/orchestration/watchdog). Each round is one indexed
 * query when nothing is due. The two rounds are independent: either may run while the other
 * cannot.
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { systemClock } from '../shared/clock';
import { durableLifecycleInstances } from '../shared/orchestration/durable-lifecycle-instances';
import { lifecyclePorts, requireOrg } from '../shared/orchestration/lifecycle-ports';
import { watchOverLifecycles, type UnstampedTickets } from '../shared/orchestration/watchdog';
import { eventLog, type EventLog } from '../shared/logging/structured-log';
import { appTicketServices } from '../shared/ticket-service/app-ticket-services';
import { durableLifecycleControl } from '../shared/orchestration/lifecycle-control';

async function settleNotificationDebts(log: EventLog, now: Date): Promise<void> {
  const report = await appTicketServices().settleNotificationDebts(now);
  if (report.storeFailure) log.warn('notifications.sweep.store-unavailable', { reason: report.storeFailure.kind });
  if (report.skipped !== undefined) log.warn('notifications.sweep.skipped', { why: report.skipped, owing: report.examined });
  if (report.settled.length > 0) log.warn('notifications.sweep.settled', { tickets: report.settled });
  for (const owing of report.stillOwing) log.warn('notifications.sweep.still-owing', owing);
  for (const email of report.undeliverable) log.error('notifications.sweep.undeliverable', email);
}

/** Per process: whether the tickets saved before `lifecycleDueAt` existed have all been stamped. */
const unstamped: UnstampedTickets = { done: false };

app.timer('lifecycleWatchdog', {
  schedule: '0 */1 * * * *',
  extraInputs: [df.input.durableClient()],
  handler: async (_timer: Timer, context: InvocationContext) => {
    const log = eventLog(context);
    const now = systemClock.now();
    await settleNotificationDebts(log, now).catch((error: unknown) => log.error('notifications.sweep.failed', { error: error instanceof Error ? error.message : String(error) }));
    const ports = lifecyclePorts();
    const client = df.getClient(context);
    const instances = durableLifecycleInstances(client, durableLifecycleControl(client, log));
    const report = await watchOverLifecycles(appTicketServices().repository, await requireOrg(ports), instances, now.toISOString(), unstamped);
    if (report.storeFailure) log.warn('lifecycle.watchdog.store-unavailable', { reason: report.storeFailure.kind });
    if (report.restarted.length + report.woken.length + report.notRestarted.length > 0) {
      log.info('lifecycle.watchdog.repaired', { restarted: report.restarted, woken: report.woken, notRestarted: report.notRestarted });
    }
    if (report.postponed.length > 0) log.info('lifecycle.watchdog.postponed', { tickets: report.postponed });
  },
});
