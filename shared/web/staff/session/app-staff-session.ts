/**
 * The session layer wired to the app's settings, built on first use and shared by every invocation:
 * the session keys (Key Vault in Azure, a stored key on the offline stack), the OpenID Connect
 * client (discovered once; a failed discovery is retried by the next sign-in), and `staffPage`,
 * the boundary console pages are registered behind.
 */
import type { HttpHandler, HttpRequest, InvocationContext } from '@azure/functions';
import { systemClock } from '../../../clock';
import { appConfig, type BatonConfig } from '../../../config';
import { CONFIG_CONTAINER } from '../../../store/containers';
import { appTicketServices } from '../../../ticket-service/app-ticket-services';
import { STAFF_ROUTES } from '../staff-routes';
import type { StaffPageHandler } from '../staff-session';
import { discoverSignInClient, type SignInClient } from './oidc-sign-in-client';
import { sessionKeySource, storedSessionKeys, type SessionKeySource } from './session-keys';
import type { SignInClientRead, SignInDependencies } from './sign-in-handlers';
import { staffPageWith, type StaffPageDependencies } from './staff-page';

export type StaffSessionDependencies = StaffPageDependencies & SignInDependencies;

function keysFrom(config: BatonConfig): SessionKeySource {
  return sessionKeySource(config.staffSignIn.sessionKeys, config.environment, () =>
    storedSessionKeys(async () => {
      const services = appTicketServices();
      const setup = await services.ensureStore();
      return setup.kind === 'ready' ? services.cosmosClient.database(config.cosmos.database).container(CONFIG_CONTAINER) : undefined;
    }, systemClock),
  );
}

function signInClientFrom(config: BatonConfig): () => Promise<SignInClientRead> {
  const { issuer, clientId, clientSecret } = config.staffSignIn;
  let discovered: Promise<SignInClient> | undefined;
  return async () => {
    if (clientId === undefined) return { kind: 'unavailable', reason: 'no sign-in client id is configured' };
    if (clientSecret.kind !== 'configured') return { kind: 'unavailable', reason: `the sign-in client secret is ${clientSecret.kind}` };
    discovered ??= discoverSignInClient({
      issuer,
      clientId,
      clientSecret: clientSecret.secret,
      redirectUri: `${config.publicBaseUrl}/${STAFF_ROUTES.signInCallback}`,
    });
    try {
      return { kind: 'ready', client: await discovered };
    } catch (error: unknown) {
      discovered = undefined;
      return { kind: 'unavailable', reason: `OpenID discovery at ${issuer} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}

export function staffSessionDependencies(config: BatonConfig): StaffSessionDependencies {
  return {
    clock: systemClock,
    sessionKeys: keysFrom(config),
    signInClient: signInClientFrom(config),
    signedOutUrl: `${config.publicBaseUrl}/${STAFF_ROUTES.signedOut}`,
    siteOrigins: [new URL(config.publicBaseUrl).origin],
  };
}

let processDependencies: StaffSessionDependencies | undefined;

export function appStaffSessionDependencies(): StaffSessionDependencies {
  processDependencies ??= staffSessionDependencies(appConfig());
  return processDependencies;
}

/** A console page behind the session boundary (see staff-page.ts), wired to the app's settings. */
export function staffPage(handler: StaffPageHandler): HttpHandler {
  let wrapped: HttpHandler | undefined;
  return (request: HttpRequest, context: InvocationContext) => {
    // Settings are read at the first request, not when the function is registered.
    wrapped ??= staffPageWith(appStaffSessionDependencies())(handler);
    return wrapped(request, context);
  };
}
