/**
 * The app instance's ticket services and intake limits, built on first use from the validated app
 * settings and then shared by every invocation (one Cosmos and one email client per instance).
 */
import { appConfig } from '../config/load-config';
import { clientAddressOf } from '../http-edge/client-address';
import { intakeRateLimiter, type IntakeRateLimiter } from '../intake/intake-rate-limit';
import { createTicketServices, type TicketServices } from './ticket-services';

let services: TicketServices | undefined;
let intakeLimiter: IntakeRateLimiter | undefined;

export function appTicketServices(): TicketServices {
  services ??= createTicketServices(appConfig());
  return services;
}

/** The instance's intake counters: one limiter shared by the API and the web form, so neither is a way around the other. */
export function appIntakeRateLimiter(): IntakeRateLimiter {
  intakeLimiter ??= intakeRateLimiter(appConfig().intake.limits);
  return intakeLimiter;
}

/** The client's address as this deployment's proxies report it (see client-address.ts). */
export function appClientAddress(headers: { get(name: string): string | null }): string {
  return clientAddressOf(headers, appConfig().forwardedForTrustedHops);
}
