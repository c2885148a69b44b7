/**
 * Every five minutes, logs the operations figures (shared/domain/metrics/operations-figures.ts) as
 * one `operations.snapshot` line and one `operations.open-tickets` line per status and severity:
 * the Azure alerts (SLA breaches, outbox backlog) and the workbook query these. First, an error
 * line for each setting left as an unresolved Key Vault reference, counted in the snapshot.
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import { appConfig } from '../shared/config';
import { eventLog } from '../shared/logging/structured-log';
import { reportConfigurationHealth } from '../shared/operations/configuration-health';
import { readOperationsFigures } from '../shared/operations/read-operations-figures';
import { appTicketServices } from '../shared/ticket-service/app-ticket-services';

export const OPERATIONS_SNAPSHOT_SCHEDULE = '0 */5 * * * *';

export async function snapshotOperations(_timer: Timer, context: InvocationContext): Promise<void> {
  const log = eventLog(context);
  const health = reportConfigurationHealth(log, appConfig());
  const services = appTicketServices();
  const setup = await services.ensureStore();
  if (setup.kind !== 'ready') {
    log.warn('operations.snapshot-failed', { failure: setup.failure.kind, ...health });
    return;
  }
  const read = await readOperationsFigures(services.cosmosClient.database(services.config.cosmos.database), services.clock.now());
  if (read.kind === 'failed') {
    log.warn('operations.snapshot-failed', { failure: read.failure.kind, ...health });
    return;
  }
  log.info('operations.snapshot', { ...read.figures.snapshot, ...health });
  for (const { status, severity, count } of read.figures.openTicketsByStatusAndSeverity) log.info('operations.open-tickets', { status, severity, count });
}

app.timer('operationsSnapshot', { schedule: OPERATIONS_SNAPSHOT_SCHEDULE, handler: snapshotOperations });
