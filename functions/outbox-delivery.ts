/**
 * Every 15 seconds, sends the outbox's due emails: messages whose prompt delivery did not finish,
 * and retries after a failure, with backoff. Safe to overlap with other instances and with prompt
 * delivery, because each message is claimed under its ETag before it is sent.
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import { eventLog } from '../shared/logging/structured-log';
import { appTicketServices } from '../shared/ticket-service/app-ticket-services';

export const OUTBOX_DELIVERY_SCHEDULE = '*/15 * * * * *';

export async function deliverOutbox(_timer: Timer, context: InvocationContext): Promise<void> {
  const log = eventLog(context);
  const report = await appTicketServices().deliverDueEmails();
  if (report.storeFailure) log.warn('outbox.store-failed', { failure: report.storeFailure.kind });
  for (const failed of report.failed) log.error('outbox.message-failed', { ticketNumber: failed.ticketNumber, messageId: failed.id, error: failed.error });
  for (const retrying of report.retrying) log.warn('outbox.message-retrying', { ticketNumber: retrying.ticketNumber, messageId: retrying.id, nextAttemptAt: retrying.nextAttemptAt, error: retrying.error });
  if (report.sent.length > 0) log.info('outbox.sent', { count: report.sent.length });
}

app.timer('outboxDelivery', { schedule: OUTBOX_DELIVERY_SCHEDULE, handler: deliverOutbox });
