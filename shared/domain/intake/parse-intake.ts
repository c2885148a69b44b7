/**
 * The intake boundary: turn a raw request body into an Intake or into every field error at once,
 * each with a dotted path and a sentence the requester can act on (the HTTP edge answers 400).
 */
import { z } from 'zod';
import { Intake, IntakeSchema } from './intake';

export interface IntakeFieldError {
  /** Dotted path such as `requester.email`; '' when the body as a whole is wrong. */
  field: string;
  message: string;
}

export type IntakeParseResult = { ok: true; intake: Intake } | { ok: false; errors: IntakeFieldError[] };

export function parseIntake(raw: unknown): IntakeParseResult {
  const parsed = IntakeSchema.safeParse(raw);
  if (parsed.success) {
    return { ok: true, intake: parsed.data };
  }
  return { ok: false, errors: fieldErrorsOf(parsed.error, raw) };
}

/** Shared with the lifecycle's mandatory-information check, which re-reads stored tickets. */
export function fieldErrorsOf(error: z.ZodError, raw: unknown): IntakeFieldError[] {
  return error.issues.flatMap((issue) => fieldErrorsOfIssue(issue, raw));
}

function fieldErrorsOfIssue(issue: z.core.$ZodIssue, raw: unknown): IntakeFieldError[] {
  const field = dotted(issue.path);
  if (issue.code !== 'unrecognized_keys' && issue.path.length > 0 && valueAt(raw, issue.path) === undefined) {
    return [{ field, message: 'is required' }];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      // One error per unknown key, so each can be pointed at on the form.
      return issue.keys.map((key) => ({ field: dotted([...issue.path, key]), message: 'is not a field of this form' }));
    case 'invalid_type':
      return [{ field, message: expectedTypeMessage(issue.expected) }];
    case 'too_small':
      return [{ field, message: issue.origin === 'string' ? `must be at least ${String(issue.minimum)} characters` : `must be at least ${String(issue.minimum)}` }];
    case 'too_big':
      return [{ field, message: issue.origin === 'string' ? `must be at most ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}` }];
    case 'invalid_value':
      return [{ field, message: `must be one of ${issue.values.map(String).join(', ')}` }];
    case 'invalid_union':
      return [{ field: field || 'channel', message: 'must be web-form or chat' }];
    default:
      return [{ field, message: issue.message }];
  }
}

function expectedTypeMessage(expected: string): string {
  switch (expected) {
    case 'object':
      return 'must be an object with the fields of the support form';
    case 'boolean':
      return 'must be true or false';
    case 'array':
      return 'must be a list';
    case 'number':
      return 'must be a number';
    default:
      return 'must be text';
  }
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/** Reads the raw body along a path, to tell a missing field from a wrongly typed one. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}
