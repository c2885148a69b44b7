/**
 * Every minute: restarts the lifecycle of any open ticket whose orchestration is missing, failed
 * or terminated, and wakes any ticket whose SLA alert is overdue (see shared/lifecycle/watchdog).
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { systemClock } from '../shared/clock';
import { durableLifecycleInstances } from '../shared/lifecycle/durable-lifecycle-instances';
import { lifecyclePorts, requireOrg } from '../shared/lifecycle/lifecycle-ports';
import { watchOverLifecycles } from '../shared/lifecycle/watchdog';
import { eventLog } from '../shared/logging/structured-log';
import { durableLifecycleControl } from '../shared/tickets/lifecycle-control';

app.timer('lifecycleWatchdog', {
  schedule: '0 */1 * * * *',
  extraInputs: [df.input.durableClient()],
  handler: async (_timer: Timer, context: InvocationContext) => {
    const log = eventLog(context);
    const ports = lifecyclePorts();
    const client = df.getClient(context);
    const instances = durableLifecycleInstances(client, durableLifecycleControl(client, log));
    const report = await watchOverLifecycles(ports, await requireOrg(ports), instances, systemClock.now().toISOString());
    if (report.storeFailure) log.warn('lifecycle.watchdog.store-unavailable', { reason: report.storeFailure.kind });
    if (report.restarted.length + report.woken.length + report.notRestarted.length > 0) {
      log.info('lifecycle.watchdog.repaired', { restarted: report.restarted, woken: report.woken, notRestarted: report.notRestarted });
    }
  },
});
