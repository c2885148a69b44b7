/**
 * What the intake form shows when it is rendered again: the values the requester typed (read back
 * from their post, so nothing they wrote is lost) and the server's field errors, each attached to
 * its field, with errors no field owns kept for the summary.
 */
import type { FieldError } from '../../http-edge/problem';
import { INTAKE_FIELDS, findIntakeField, type IntakeField, type IntakeFieldPath } from './intake-form-fields';

export type IntakeFormValues = Readonly<Partial<Record<IntakeFieldPath, string | boolean>>>;

function valueAt(body: unknown, path: string): unknown {
  let current: unknown = body;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
  }
  return current;
}

/** A repeated field arrives as a list: the last value is the one the requester saw. */
function displayable(value: unknown): string | boolean | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return displayable(value[value.length - 1]);
  return undefined;
}

/** The form's values from a posted body (as `readRequestBody` nests it). */
export function intakeFormValues(body: unknown): IntakeFormValues {
  const values: Partial<Record<IntakeFieldPath, string | boolean>> = {};
  for (const field of INTAKE_FIELDS) {
    const value = displayable(valueAt(body, field.path));
    if (value !== undefined) values[field.path] = value;
  }
  return values;
}

export interface FieldMessage {
  readonly field: IntakeField | undefined;
  /** The whole sentence, e.g. "Email address must be an email address". */
  readonly sentence: string;
}

/** Domain messages are predicates ("is required"); the label makes them sentences. */
export function fieldMessage(error: FieldError): FieldMessage {
  const field = findIntakeField(error.field);
  if (field !== undefined) return { field, sentence: `${field.label} ${error.message}` };
  return { field: undefined, sentence: error.field === '' ? error.message : `${error.field} ${error.message}` };
}

export function messagesFor(path: IntakeFieldPath, errors: readonly FieldError[]): string[] {
  return errors.filter((error) => error.field === path).map((error) => fieldMessage(error).sentence);
}
