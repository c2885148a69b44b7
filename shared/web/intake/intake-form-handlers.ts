/**
 * The form page and its plain (JavaScript-free) post. The post is read like the API reads it and
 * parsed by the domain's intake schema; invalid input comes back as the same form with every error
 * beside its field and every value kept; a stored ticket redirects (303) to its status page; and
 * when nothing could be stored the form says so plainly and keeps the idempotency key for the retry.
 */
import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { AttachmentPort } from '../../attachments/upload-attachments';
import type { ApplyToTicket } from '../../ticket-service/apply-to-ticket';
import { IntakeChannelSchema, type Intake } from '../../domain/intake/intake';
import { parseIntake } from '../../domain/intake/parse-intake';
import type { ProductArea } from '../../domain/org/product-area';
import type { FieldError } from '../../http-edge/problem';
import type { OrgConfigLoad } from '../../org-config/org-config-source';
import type { OpenTicketResult } from '../../intake/open-ticket';
import { IdempotencyKeySchema } from '../../store/idempotency-record';
import { retryAfterOf } from '../../store/store-failure';
import { readIntakeBody, separateFormKey } from '../../intake/intake-form-post';
import type { IntakeLimitBreach } from '../../intake/intake-rate-limit';
import { htmlPageResponse, seeOther } from '../html-response';
import { DEFAULT_DESK_NAME } from '../page-layout';
import { accessCookie, ticketPagePath } from '../status/access-cookie';
import { intakeFormValues, type IntakeFormValues } from './intake-form-state';
import { INTAKE_FORM_PATH, renderIntakeFormPage, type NotReceived } from './intake-form-page';

export interface IntakeWebPorts {
  readonly orgConfig: () => Promise<OrgConfigLoad>;
  /** Opens the ticket within the intake limits of the client that sent `request`. */
  readonly openTicket: (intake: Intake, idempotencyKey: string | undefined, request: Pick<HttpRequest, 'headers'>) => Promise<OpenTicketResult | IntakeLimitBreach>;
  /** Logs what the requester must not see (a failure's reason) and answers a correlation id. */
  readonly reportFailure: (reason: string) => string;
  /** Where files sent with the form go; absent, the form offers no file field. */
  readonly attachments?: AttachmentPort;
  /** Attaches the files to the ticket just opened (the one way a ticket changes after intake). */
  readonly applyToTicket?: ApplyToTicket;
  /** The app's clock, for when the files join the ticket. */
  readonly now?: () => string;
}

/** Query string that tells the status page it was reached straight from the form. */
export const RECEIVED_FLAG = 'received';

const TIME_ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

interface FormState {
  readonly values: IntakeFormValues;
  readonly errors: readonly FieldError[];
  readonly idempotencyKey: string;
  readonly notReceived?: NotReceived;
}

interface Desk {
  readonly deskName: string;
  readonly productAreas: readonly ProductArea[];
  readonly unavailable?: NotReceived;
}

async function deskOf(ports: IntakeWebPorts): Promise<Desk> {
  const load = await ports.orgConfig();
  if (load.kind === 'loaded') return { deskName: load.config.supportDesk.name, productAreas: load.config.productCatalogue };
  if (load.kind === 'failed' && load.failure.kind === 'unavailable') {
    const reason = 'The support desk cannot take requests right now: it is temporarily unavailable.';
    return { deskName: DEFAULT_DESK_NAME, productAreas: [], unavailable: { reason, retryAfterSeconds: load.failure.retryAfterSeconds } };
  }
  // A missing or broken configuration is ours to fix: logged, and quoted to the requester.
  const correlation = ports.reportFailure(`organisation configuration: ${load.kind === 'failed' ? load.failure.kind : load.kind}`);
  const reason = `The support desk cannot take requests right now (quote ${correlation} if you contact us).`;
  return { deskName: DEFAULT_DESK_NAME, productAreas: [], unavailable: { reason } };
}

async function formResponse(ports: IntakeWebPorts, state: FormState, status: number, headers: Record<string, string> = {}): Promise<HttpResponseInit> {
  const desk = await deskOf(ports);
  const notReceived = state.notReceived ?? desk.unavailable;
  const page = renderIntakeFormPage({
    deskName: desk.deskName,
    productAreas: desk.productAreas,
    timeZones: TIME_ZONES,
    values: state.values,
    errors: state.errors,
    idempotencyKey: state.idempotencyKey,
    ...(notReceived === undefined ? {} : { notReceived }),
    ...(ports.attachments?.store === undefined ? {} : { upload: { limits: ports.attachments.limits } }),
  });
  // A form that cannot be sent must not answer 200: monitors and the browser's retry see why.
  if (status < 400 && desk.unavailable !== undefined) {
    const wait = desk.unavailable.retryAfterSeconds;
    return wait === undefined
      ? htmlPageResponse(page, { status: 500, headers })
      : htmlPageResponse(page, { status: 503, headers: { ...headers, 'Retry-After': String(wait) } });
  }
  return htmlPageResponse(page, { status, headers });
}

/** GET /: an empty form with a fresh idempotency key for this fill. */
export function intakeFormPage(ports: IntakeWebPorts): Promise<HttpResponseInit> {
  return formResponse(ports, { values: {}, errors: [], idempotencyKey: randomUUID() }, 200);
}

/** The form's hidden key when it is one Baton accepts; otherwise the form gets a fresh one. */
function keyFrom(formKey: unknown): string | undefined {
  const parsed = IdempotencyKeySchema.safeParse(formKey);
  return parsed.success ? parsed.data : undefined;
}

/** The intake fields alone, and always a web-form submission: this page offers no other channel. */
function webFormFields(fields: unknown): Record<string, unknown> {
  return { ...(typeof fields === 'object' && fields !== null ? (fields as Record<string, unknown>) : {}), channel: IntakeChannelSchema.enum['web-form'] };
}

const RATE_LIMITED_REASON: Record<IntakeLimitBreach['limitedBy'], string> = {
  'client-address': 'Many support requests were sent from your network in a short time, so this one was not stored yet.',
  'requester-email': 'Several support requests were sent for this email address in a short time, so this one was not stored yet. If an earlier one is about the same problem, reply to its email instead.',
};

/** Says why a posted form could not be read, so the requester knows whether sending it again can help. */
export function unreadableFormReason(status: number | undefined): string {
  switch (status) {
    case 413:
      return 'The form is too large to be read: shorten the longest fields and send it again.';
    case 415:
      return 'The request was not sent as a form, so it could not be read.';
    default:
      return 'The form could not be read.';
  }
}

/** A form post read into fields: the ticket it opened, or the answer that says why not. */
export type FormIntake =
  | { readonly kind: 'opened'; readonly result: Extract<OpenTicketResult, { kind: 'accepted' }> }
  | { readonly kind: 'answer'; readonly response: HttpResponseInit };

/** The answer to a form that opened its ticket: off to the ticket's page, with its access cookie. */
export function receivedRedirect(result: Extract<OpenTicketResult, { kind: 'accepted' }>, request: Pick<HttpRequest, 'url'>): HttpResponseInit {
  const path = ticketPagePath(result.ticket.ticketNumber);
  return seeOther(`${path}?${RECEIVED_FLAG}=1`, [accessCookie(result.ticket.ticketNumber, result.accessToken, request.url)]);
}

/** POST /: the form without JavaScript. */
export async function intakeFormPost(request: HttpRequest, ports: IntakeWebPorts): Promise<HttpResponseInit> {
  const read = await readIntakeBody(request, INTAKE_FORM_PATH);
  if (read.kind === 'rejected') return unreadableForm(ports, read.response.status);
  const opened = await openFromForm(read.body, request, ports);
  return opened.kind === 'opened' ? receivedRedirect(opened.result, request) : opened.response;
}

export function unreadableForm(ports: IntakeWebPorts, status: number | undefined): Promise<HttpResponseInit> {
  return formResponse(ports, { values: {}, errors: [], idempotencyKey: randomUUID(), notReceived: { reason: unreadableFormReason(status) } }, status ?? 400);
}

/** Parses the posted fields and opens the ticket; anything but a stored ticket answers with the form, every value kept. */
export async function openFromForm(body: unknown, request: Pick<HttpRequest, 'headers'>, ports: IntakeWebPorts): Promise<FormIntake> {
  const answer = async (response: Promise<HttpResponseInit>): Promise<FormIntake> => ({ kind: 'answer', response: await response });
  const values = intakeFormValues(body);
  const posted = separateFormKey(body);
  const key = keyFrom(posted.formKey) ?? randomUUID();
  const parsed = parseIntake(webFormFields(posted.fields));
  if (!parsed.ok) {
    // Nothing was stored, so the same key stays valid for the corrected form.
    return answer(formResponse(ports, { values, errors: parsed.errors, idempotencyKey: key }, 400));
  }
  const result = await ports.openTicket(parsed.intake, key, request);
  return result.kind === 'accepted' ? { kind: 'opened', result } : answer(notOpened(ports, result, values, key));
}

function notOpened(ports: IntakeWebPorts, result: Exclude<OpenTicketResult | IntakeLimitBreach, { kind: 'accepted' }>, values: IntakeFormValues, key: string): Promise<HttpResponseInit> {
  switch (result.kind) {
    case 'unavailable': {
      const wait = retryAfterOf(result.failure);
      return formResponse(
        ports,
        { values, errors: [], idempotencyKey: key, notReceived: { reason: 'The support desk is temporarily unavailable and did not store it.', retryAfterSeconds: wait } },
        503,
        { 'Retry-After': String(wait) },
      );
    }
    case 'rate-limited':
      // Nothing was stored: the requester keeps what they typed and the key, to send it later.
      return formResponse(
        ports,
        { values, errors: [], idempotencyKey: key, notReceived: { reason: RATE_LIMITED_REASON[result.limitedBy], retryAfterSeconds: result.retryAfterSeconds } },
        429,
        { 'Retry-After': String(result.retryAfterSeconds) },
      );
    case 'idempotency-conflict':
      // The key went with different content (an earlier try did arrive); this one gets a key of its own.
      return formResponse(
        ports,
        {
          values,
          errors: [],
          idempotencyKey: randomUUID(),
          notReceived: { reason: 'This form was already sent once with different content, so this version was not stored. Check your email for the first one, or send this version as a new request.' },
        },
        422,
      );
    case 'failed': {
      const correlation = ports.reportFailure(result.reason);
      return formResponse(
        ports,
        { values, errors: [], idempotencyKey: key, notReceived: { reason: `Something went wrong on our side (quote ${correlation} if you contact us).` } },
        500,
      );
    }
  }
}
