/**
 * POST /api/tickets: the web form and API clients open a ticket here. The ticket is written
 * before the answer (202 with its number and the requester's access link), idempotently under an
 * `Idempotency-Key`; then its lifecycle orchestration is started. Bad input is a 400 with every
 * field error, a store outage a 503 with Retry-After, too many new tickets from one client address
 * or for one requester email a 429 with Retry-After: never a 500 for anything the client sent.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { parseIntake } from '../domain/intake/parse-intake';
import { problemForStoreFailure } from '../http-edge/store-failure-problem';
import { serviceUnavailableProblem, tooManyRequestsProblem, unprocessableProblem, validationProblem, type FieldError } from '../http-edge/problem';
import { eventLog } from '../logging/structured-log';
import { appTicketServices, invocationLifecycle, openAppTicket } from '../ticket-service/app-ticket-services';
import type { IntakeLimitBreach } from '../intake/intake-rate-limit';
import { FORM_IDEMPOTENCY_FIELD, readIntakeBody, separateFormKey } from '../intake/intake-form-post';
import { IDEMPOTENCY_KEY_MAX_LENGTH, IdempotencyKeySchema } from '../store/idempotency-record';
import { intakeAnswer } from '../intake/intake-answer';
import { logIntakeOutcome } from '../intake/intake-outcome-log';
import { IDEMPOTENCY_KEY_HEADER, INTAKE_OPERATION } from './intake-operation';

const INSTANCE = INTAKE_OPERATION.path;

/** Says which limit was reached, never how many tickets exist for the address. */
const RATE_LIMITED_DETAIL: Record<IntakeLimitBreach['limitedBy'], string> = {
  'client-address': 'Too many support requests were sent from your network recently. Nothing was recorded; send it again after the Retry-After delay.',
  'requester-email': 'Too many support requests were sent for this email address recently. Nothing was recorded; send it again after the Retry-After delay.',
};

type KeyRead = { readonly key: string | undefined; readonly errors: readonly FieldError[] };

/** The header's key, else the form's hidden one; a bad key is a field error under the name it came by. */
function idempotencyKeyOf(headerKey: string | null, formKey: unknown): KeyRead {
  const rawKey = headerKey ?? formKey;
  if (rawKey === undefined) return { key: undefined, errors: [] };
  const key = IdempotencyKeySchema.safeParse(rawKey);
  if (key.success) return { key: key.data, errors: [] };
  return { key: undefined, errors: [{ field: headerKey === null ? FORM_IDEMPOTENCY_FIELD : IDEMPOTENCY_KEY_HEADER, message: `must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters` }] };
}

function wantsHtml(request: HttpRequest): boolean {
  return (request.headers.get('accept') ?? '').toLowerCase().includes('text/html');
}

export async function handleIntake(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const read = await readIntakeBody(request, INSTANCE);
  if (read.kind === 'rejected') return read.response;
  const posted = read.mediaType === 'form' ? separateFormKey(read.body) : { fields: read.body, formKey: undefined };

  const parsed = parseIntake(posted.fields);
  const key = idempotencyKeyOf(request.headers.get(IDEMPOTENCY_KEY_HEADER), posted.formKey);
  if (!parsed.ok || key.errors.length > 0) return validationProblem([...(parsed.ok ? [] : parsed.errors), ...key.errors], { instance: INSTANCE });

  const services = appTicketServices();
  const opened = await openAppTicket({
    intake: parsed.intake,
    idempotencyKey: key.key,
    headers: request.headers,
    lifecycle: invocationLifecycle(context, 'intake.no-durable-client'),
  });
  logIntakeOutcome(eventLog(context), 'api', opened);

  switch (opened.kind) {
    case 'accepted': {
      const { ticket } = opened;
      const answer = intakeAnswer(ticket, opened.accessToken, services.config.publicBaseUrl);
      const headers = { 'Cache-Control': 'no-store', ...(opened.replayed ? { 'Idempotent-Replayed': 'true' } : {}) };
      if (read.mediaType === 'form' && wantsHtml(request)) {
        return { status: 303, headers: { ...headers, Location: answer.accessLink } };
      }
      return { status: 202, headers: { ...headers, Location: answer.statusUrl }, jsonBody: answer };
    }
    case 'rate-limited':
      return tooManyRequestsProblem(opened.retryAfterSeconds, { instance: INSTANCE, detail: RATE_LIMITED_DETAIL[opened.limitedBy] });
    case 'idempotency-conflict':
      return unprocessableProblem({ instance: INSTANCE, detail: 'This Idempotency-Key was already used for a different request. Use a new key for a new ticket.' });
    case 'unavailable':
      return opened.failure.kind === 'unavailable'
        ? serviceUnavailableProblem(services.config.intake.retryAfterSeconds, { instance: INSTANCE, detail: 'Your ticket was not recorded. Please send it again shortly.' })
        : problemForStoreFailure(opened.failure, { instance: INSTANCE });
    case 'failed':
      throw new Error(`intake failed: ${opened.reason}`);
  }
}
