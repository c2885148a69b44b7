/**
 * A ticket sent as a web form post, read alike by the API's intake and by the form page: the
 * form's boolean fields are checkboxes (a browser leaves an unticked box out of the post), and the
 * hidden idempotency key is not a ticket field, so it is taken out before the strict intake
 * schema sees the body.
 */
import { z } from 'zod';
import { WebFormRequesterSchema } from '../domain/intake/intake';
import { readRequestBody, type BodyRead, type BodySource } from '../http-edge/request-body';

/** The form's hidden field; API clients send the `Idempotency-Key` header instead. */
export const FORM_IDEMPOTENCY_FIELD = 'idempotencyKey';

/** Every boolean of the form's schema, by its dotted path. */
export const INTAKE_CHECKBOX_FIELDS: readonly string[] = Object.entries(WebFormRequesterSchema.shape)
  .filter(([, schema]) => schema instanceof z.ZodBoolean)
  .map(([field]) => `requester.${field}`);

/** The body of an intake request, JSON or form, with the form's checkboxes read as booleans. */
export function readIntakeBody(source: BodySource, instance: string): Promise<BodyRead> {
  return readRequestBody(source, { checkboxFields: INTAKE_CHECKBOX_FIELDS, instance });
}

export interface IntakePost {
  /** What the intake schema parses. */
  readonly fields: unknown;
  /** The hidden key as posted (unchecked); `undefined` when the form sent none. */
  readonly formKey: unknown;
}

export function separateFormKey(body: unknown): IntakePost {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Object.hasOwn(body, FORM_IDEMPOTENCY_FIELD)) return { fields: body, formKey: undefined };
  const { [FORM_IDEMPOTENCY_FIELD]: formKey, ...fields } = body as Record<string, unknown>;
  return { fields, formKey };
}
