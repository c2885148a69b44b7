/**
 * The vendor's callback as the app answers it: the raw body read within a bound (the signature
 * covers the exact bytes, so the body is not parsed before it is verified), the secrets from the
 * app's configuration, and each applied change waking the ticket's lifecycle. What a delivery
 * means is vendor-callback-handler.ts.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { systemClock } from '../clock';
import { appConfig } from '../config/load-config';
import { SETTING } from '../config/settings';
import { payloadTooLargeProblem } from '../http-edge/problem';
import { eventLog } from '../logging/structured-log';
import { lifecyclePorts } from '../orchestration/lifecycle-ports';
import { invocationLifecycle } from '../ticket-service/app-ticket-services';
import { callbackSecretsOf } from '../vendor/vendor-callback-secrets';
import { VENDOR_SIGNATURE_HEADER } from '../vendor/vendor-callback-signature';
import { handleVendorCallback } from './vendor-callback-handler';

/** A service request with its notes; far more is not a callback we sent for. */
const MAX_CALLBACK_BYTES = 256 * 1024;

export async function appVendorCallback(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_CALLBACK_BYTES) return payloadTooLargeProblem(MAX_CALLBACK_BYTES);
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody) > MAX_CALLBACK_BYTES) return payloadTooLargeProblem(MAX_CALLBACK_BYTES);
  const log = eventLog(context);
  const callbacks = appConfig().vendorCallbacks;
  // The vendor only sees "not configured"; the operator needs to know the vault is the cause.
  if (callbacks.kind === 'unresolved-key-vault-reference') log.warn('vendor-callback.key-vault-reference-unresolved', { setting: SETTING.vendorCallbackSecret });
  const lifecycle = invocationLifecycle(context, 'vendor-callback.no-durable-client');
  return handleVendorCallback(
    { rawBody, signatureHeader: request.headers.get(VENDOR_SIGNATURE_HEADER) },
    {
      ports: lifecyclePorts(),
      secrets: callbackSecretsOf(callbacks),
      now: systemClock.now(),
      signalTicketChanged: async (ticketNumber) => {
        await lifecycle?.signalTicketChanged(ticketNumber);
      },
    },
  );
}
