/**
 * The app instance's ticket services and intake limits, built on first use from the validated app
 * settings and then shared by every invocation (one Cosmos and one email client per instance),
 * and what one invocation adds to them: its Durable client, and the address it was sent from.
 */
import type { InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { appConfig } from '../config/load-config';
import type { Intake } from '../domain/intake/intake';
import { clientAddressOf } from '../http-edge/client-address';
import type { OpenTicketResult } from '../intake/open-ticket';
import { intakeRateLimiter, type IntakeLimitBreach, type IntakeRateLimiter } from '../intake/intake-rate-limit';
import { eventLog } from '../logging/structured-log';
import { durableLifecycleControl, type LifecycleControl } from '../orchestration/lifecycle-control';
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

/**
 * The ticket lifecycles, through this invocation's Durable client when it has one. Without one a
 * change is still saved: the orchestration sees it at its next turn, and the repair timer starts
 * a lifecycle that did not start. `warnAs` names the log event for callers that expect a client.
 */
export function invocationLifecycle(context: InvocationContext, warnAs?: string): LifecycleControl | undefined {
  try {
    return durableLifecycleControl(df.getClient(context), eventLog(context));
  } catch (error: unknown) {
    if (warnAs !== undefined) eventLog(context).warn(warnAs, { error: error instanceof Error ? error : String(error) });
    return undefined;
  }
}

export interface AppIntake {
  readonly intake: Intake;
  readonly idempotencyKey: string | undefined;
  /** The request's headers, for the client address the intake limits count by. */
  readonly headers: { get(name: string): string | null };
  readonly lifecycle: LifecycleControl | undefined;
}

/** Opens a ticket within the intake limits, received now: the API and the web form take tickets in alike. */
export function openAppTicket(submission: AppIntake): Promise<OpenTicketResult | IntakeLimitBreach> {
  const ticketServices = appTicketServices();
  const sender = { clientAddress: appClientAddress(submission.headers), requesterEmail: submission.intake.requester.email };
  return appIntakeRateLimiter().openWithinLimits(sender, () =>
    ticketServices.openTicket({
      intake: submission.intake,
      receivedAt: ticketServices.clock.now(),
      ...(submission.idempotencyKey === undefined ? {} : { idempotencyKey: submission.idempotencyKey }),
      ...(submission.lifecycle === undefined ? {} : { lifecycle: submission.lifecycle }),
    }),
  );
}
