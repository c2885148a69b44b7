/**
 * POST /api/tickets: the web form and API clients open a ticket here. The ticket is written
 * before the answer (202 with its number and the requester's access link), idempotently under an
 * `Idempotency-Key`; then its lifecycle orchestration is started. Bad input is a 400 with every
 * field error, a store outage a 503 with Retry-After, too many new tickets from one client address
 * or for one requester email a 429 with Retry-After: never a 500 for anything the client sent.
 */
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { parseIntake } from '../shared/domain/intake/parse-intake';
import { problemForStoreFailure } from '../shared/http-edge/store-failure-problem';
import { serviceUnavailableProblem, tooManyRequestsProblem, unprocessableProblem, validationProblem } from '../shared/http-edge/problem';
import { withProblemBoundary } from '../shared/http-edge/problem-boundary';
import { readRequestBody } from '../shared/http-edge/request-body';
import { eventLog } from '../shared/logging/structured-log';
import { appClientAddress, appIntakeRateLimiter, appTicketServices } from '../shared/ticket-service/app-ticket-services';
import type { IntakeLimitBreach } from '../shared/intake/intake-rate-limit';
import { IdempotencyKeySchema } from '../shared/store/idempotency-record';
import { intakeAnswer } from '../shared/intake/intake-answer';
import { durableLifecycleControl, type LifecycleControl } from '../shared/orchestration/lifecycle-control';

const INSTANCE = '/api/tickets';
/** The web form's hidden field; API clients send the header. */
const FORM_IDEMPOTENCY_FIELD = 'idempotencyKey';

/** Says which limit was reached, never how many tickets exist for the address. */
const RATE_LIMITED_DETAIL: Record<IntakeLimitBreach['limitedBy'], string> = {
  'client-address': 'Too many support requests were sent from your network recently. Nothing was recorded; send it again after the Retry-After delay.',
  'requester-email': 'Too many support requests were sent for this email address recently. Nothing was recorded; send it again after the Retry-After delay.',
};

type KeyedBody = { readonly body: unknown; readonly key: unknown };

/** The form's hidden key is not a ticket field: take it out before the strict intake schema sees the body. */
function separateFormKey(body: unknown): KeyedBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Object.hasOwn(body, FORM_IDEMPOTENCY_FIELD)) return { body, key: undefined };
  const { [FORM_IDEMPOTENCY_FIELD]: key, ...rest } = body as Record<string, unknown>;
  return { body: rest, key };
}

function lifecycleOf(context: InvocationContext): LifecycleControl | undefined {
  try {
    return durableLifecycleControl(df.getClient(context), eventLog(context));
  } catch (error: unknown) {
    // Without a Durable client the ticket is still accepted; the repair timer starts its lifecycle.
    eventLog(context).warn('intake.no-durable-client', { error: error instanceof Error ? error : String(error) });
    return undefined;
  }
}

function wantsHtml(request: HttpRequest): boolean {
  return (request.headers.get('accept') ?? '').toLowerCase().includes('text/html');
}

export async function handleIntake(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const read = await readRequestBody(request, { checkboxFields: ['requester.available24x7'], instance: INSTANCE });
  if (read.kind === 'rejected') return read.response;
  const fromForm = read.mediaType === 'form' ? separateFormKey(read.body) : { body: read.body, key: undefined };

  const parsed = parseIntake(fromForm.body);
  const headerKey = request.headers.get('idempotency-key');
  const rawKey = headerKey ?? fromForm.key;
  const key = rawKey === undefined ? undefined : IdempotencyKeySchema.safeParse(rawKey);
  const keyErrors = key === undefined || key.success ? [] : [{ field: headerKey === null ? FORM_IDEMPOTENCY_FIELD : 'Idempotency-Key', message: 'must be 1 to 255 characters' }];
  if (!parsed.ok || keyErrors.length > 0) return validationProblem([...(parsed.ok ? [] : parsed.errors), ...keyErrors], { instance: INSTANCE });

  const services = appTicketServices();
  const log = eventLog(context);
  const sender = { clientAddress: appClientAddress(request.headers), requesterEmail: parsed.intake.requester.email };
  const opened = await appIntakeRateLimiter().openWithinLimits(sender, () =>
    services.openTicket({
      intake: parsed.intake,
      receivedAt: services.clock.now(),
      ...(key?.success === true ? { idempotencyKey: key.data } : {}),
      ...withLifecycle(lifecycleOf(context)),
    }),
  );

  switch (opened.kind) {
    case 'accepted': {
      const { ticket } = opened;
      log.info('intake.accepted', { ticketNumber: ticket.ticketNumber, severity: ticket.severity, replayed: opened.replayed, lifecycle: opened.lifecycle, emailsFailed: opened.notifications.failed.length });
      const answer = intakeAnswer(ticket, opened.accessToken, services.config.publicBaseUrl);
      const headers = { 'Cache-Control': 'no-store', ...(opened.replayed ? { 'Idempotent-Replayed': 'true' } : {}) };
      if (read.mediaType === 'form' && wantsHtml(request)) {
        return { status: 303, headers: { ...headers, Location: answer.accessLink } };
      }
      return { status: 202, headers: { ...headers, Location: answer.statusUrl }, jsonBody: answer };
    }
    case 'rate-limited':
      log.warn('intake.rate-limited', { limitedBy: opened.limitedBy, retryAfterSeconds: opened.retryAfterSeconds });
      return tooManyRequestsProblem(opened.retryAfterSeconds, { instance: INSTANCE, detail: RATE_LIMITED_DETAIL[opened.limitedBy] });
    case 'idempotency-conflict':
      return unprocessableProblem({ instance: INSTANCE, detail: 'This Idempotency-Key was already used for a different request. Use a new key for a new ticket.' });
    case 'unavailable':
      log.warn('intake.store-unavailable', { reason: opened.failure.kind === 'unavailable' ? opened.failure.reason : opened.failure.kind });
      return opened.failure.kind === 'unavailable'
        ? serviceUnavailableProblem(services.config.intake.retryAfterSeconds, { instance: INSTANCE, detail: 'Your ticket was not recorded. Please send it again shortly.' })
        : problemForStoreFailure(opened.failure, { instance: INSTANCE });
    case 'failed':
      throw new Error(`intake failed: ${opened.reason}`);
  }
}

function withLifecycle(lifecycle: LifecycleControl | undefined): { lifecycle?: LifecycleControl } {
  return lifecycle === undefined ? {} : { lifecycle };
}

app.http('intake', {
  route: 'api/tickets',
  methods: ['POST'],
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: withProblemBoundary(handleIntake),
});
