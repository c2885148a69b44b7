/**
 * Every five minutes, logs the operations figures (shared/domain/metrics/operations-figures.ts) as
 * one `operations.snapshot` line and one `operations.open-tickets` line per status and severity:
 * the Azure alerts (SLA breaches, outbox backlog) and the workbook query these.
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import { eventLog } from '../shared/logging/structured-log';
import { readOperationsFigures } from '../shared/operations/read-operations-figures';
import { appTicketServices } from '../shared/ticket-service/app-ticket-services';

export const OPERATIONS_SNAPSHOT_SCHEDULE = '0 */5 * * * *';

export async function snapshotOperations(_timer: Timer, context: InvocationContext): Promise<void> {
  const log = eventLog(context);
  const services = appTicketServices();
  const setup = await services.ensureStore();
  if (setup.kind !== 'ready') {
    log.warn('operations.snapshot-failed', { failure: setup.failure.kind });
    return;
  }
  const read = await readOperationsFigures(services.cosmosClient.database(services.config.cosmos.database), services.clock.now());
  if (read.kind === 'failed') {
    log.warn('operations.snapshot-failed', { failure: read.failure.kind });
    return;
  }
  log.info('operations.snapshot', { ...read.figures.snapshot });
  for (const { status, severity, count } of read.figures.openTicketsByStatusAndSeverity) log.info('operations.open-tickets', { status, severity, count });
}

app.timer('operationsSnapshot', { schedule: OPERATIONS_SNAPSHOT_SCHEDULE, handler: snapshotOperations });
