/**
 * Every morning at 07:00 UTC: each TAM's digest of their customers' tickets at risk, decided by the
 * domain (shared/domain/notifications/tam-digest) and queued in the email outbox.
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import { systemClock } from '../shared/clock';
import { lifecyclePorts } from '../shared/orchestration/lifecycle-ports';
import { sendTamDigests } from '../shared/orchestration/send-tam-digests';
import { eventLog } from '../shared/logging/structured-log';

app.timer('tamDigest', {
  schedule: '0 0 7 * * *',
  handler: async (_timer: Timer, context: InvocationContext) => {
    const report = await sendTamDigests(lifecyclePorts(), systemClock.now().toISOString());
    eventLog(context).info('lifecycle.tam-digest', { queued: report.queued, alreadyQueued: report.alreadyQueued });
  },
});
