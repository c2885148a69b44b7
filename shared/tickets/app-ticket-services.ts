/**
 * The app instance's ticket services, built on first use from the validated app settings and
 * then shared by every invocation (one Cosmos and one email client per instance).
 */
import { appConfig } from '../config/load-config';
import { createTicketServices, type TicketServices } from './ticket-services';

let services: TicketServices | undefined;

export function appTicketServices(): TicketServices {
  services ??= createTicketServices(appConfig());
  return services;
}
