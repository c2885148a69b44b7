/**
 * POST /api/vendor/callback: the vendor's signed notice that one of our cases changed. Anonymous
 * at the Functions level because the vendor holds no function key; the HMAC signature is the
 * authentication (see shared/http-api/vendor-callback-handler), checked with the secrets the app's
 * configuration holds.
 */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { systemClock } from '../shared/clock';
import { appConfig } from '../shared/config/load-config';
import { SETTING } from '../shared/config/settings';
import { payloadTooLargeProblem } from '../shared/http-edge/problem';
import { withProblemBoundary } from '../shared/http-edge/problem-boundary';
import { lifecyclePorts } from '../shared/orchestration/lifecycle-ports';
import { handleVendorCallback } from '../shared/http-api/vendor-callback-handler';
import { callbackSecretsOf } from '../shared/vendor/vendor-callback-secrets';
import { eventLog } from '../shared/logging/structured-log';
import { VENDOR_SIGNATURE_HEADER } from '../shared/vendor/vendor-callback-signature';
import { durableLifecycleControl } from '../shared/orchestration/lifecycle-control';

/** A service request with its notes; far more is not a callback we sent for. */
const MAX_CALLBACK_BYTES = 256 * 1024;

app.http('vendorCallback', {
  route: 'api/vendor/callback',
  methods: ['POST'],
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: withProblemBoundary(async (request: HttpRequest, context: InvocationContext) => {
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > MAX_CALLBACK_BYTES) return payloadTooLargeProblem(MAX_CALLBACK_BYTES);
    const rawBody = await request.text();
    if (Buffer.byteLength(rawBody) > MAX_CALLBACK_BYTES) return payloadTooLargeProblem(MAX_CALLBACK_BYTES);
    const log = eventLog(context);
    const callbacks = appConfig().vendorCallbacks;
    // The vendor only sees "not configured"; the operator needs to know the vault is the cause.
    if (callbacks.kind === 'unresolved-key-vault-reference') log.warn('vendor-callback.key-vault-reference-unresolved', { setting: SETTING.vendorCallbackSecret });
    const control = durableLifecycleControl(df.getClient(context), log);
    return handleVendorCallback(
      { rawBody, signatureHeader: request.headers.get(VENDOR_SIGNATURE_HEADER) },
      { ports: lifecyclePorts(), secrets: callbackSecretsOf(callbacks), now: systemClock.now(), signalTicketChanged: (ticketNumber) => control.signalTicketChanged(ticketNumber) },
    );
  }),
});
