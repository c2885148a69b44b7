/**
 * Every morning at 07:00 UTC: each TAM's digest of their customers' tickets at risk, through the
 * email outbox (see shared/lifecycle/tam-digest).
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import { systemClock } from '../shared/clock';
import { lifecyclePorts } from '../shared/lifecycle/lifecycle-ports';
import { sendTamDigests } from '../shared/lifecycle/send-tam-digests';
import { eventLog } from '../shared/logging/structured-log';

app.timer('tamDigest', {
  schedule: '0 0 7 * * *',
  handler: async (_timer: Timer, context: InvocationContext) => {
    const report = await sendTamDigests(lifecyclePorts(), systemClock.now().toISOString());
    eventLog(context).info('lifecycle.tam-digest', { queued: report.queued, alreadyQueued: report.alreadyQueued });
  },
});
