/**
 * Every minute, finishes intake for tickets whose lifecycle never started (the orchestration
 * could not be reached, or the store failed right after the ticket was written): their received
 * email is enqueued again (idempotent) and their orchestration started.
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { eventLog } from '../shared/logging/structured-log';
import { appTicketServices } from '../shared/ticket-service/app-ticket-services';
import { durableLifecycleControl } from '../shared/orchestration/lifecycle-control';

export const INTAKE_REPAIR_SCHEDULE = '0 * * * * *';

export async function repairIntake(_timer: Timer, context: InvocationContext): Promise<void> {
  const log = eventLog(context);
  const services = appTicketServices();
  const report = await services.repairLifecycles(durableLifecycleControl(df.getClient(context), log), services.clock.now());
  if (report.storeFailure) log.warn('intake-repair.store-failed', { failure: report.storeFailure.kind });
  for (const ticketNumber of report.started) log.warn('intake-repair.lifecycle-started', { ticketNumber });
  for (const stuck of report.notStarted) log.error('intake-repair.not-started', { ticketNumber: stuck.ticketNumber, why: stuck.why });
}

app.timer('intakeRepair', {
  schedule: INTAKE_REPAIR_SCHEDULE,
  extraInputs: [df.input.durableClient()],
  handler: repairIntake,
});
