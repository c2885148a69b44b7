/**
 * At app start in the local environment: creates the database and containers in the (empty)
 * Cosmos stand-in and loads the sample organisation, so the first request finds everything in
 * place. Never stops the app: if the store is not up yet, the first request does the same.
 */
import { app } from '@azure/functions';
import { appConfig } from '../shared/config/load-config';
import { appTicketServices } from '../shared/ticket-service/app-ticket-services';

app.hook.appStart(async () => {
  try {
    if (appConfig().environment !== 'local') return;
    await appTicketServices().orgConfig();
  } catch {
    // A configuration error surfaces, with every setting named, at the first invocation instead.
  }
});
