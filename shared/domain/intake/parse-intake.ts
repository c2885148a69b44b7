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
  const parsed = IntakeSchema.safeParse(raw, { reportInput: true });
  if (parsed.success) {
    return { ok: true, intake: parsed.data };
  }
  return { ok: false, errors: fieldErrorsOf(parsed.error) };
}

/**
 * Every field error of a zod error over an intake-shaped body. To tell a missing field from a
 * wrong one it reads `raw` along the issue's path when given, else the issue's reported input (so
 * parse with `reportInput` when passing no body).
 */
export function fieldErrorsOf(error: z.ZodError, raw?: unknown): IntakeFieldError[] {
  return error.issues.flatMap((issue) => fieldErrorsOfIssue(issue, raw === undefined ? issue.input : valueAt(raw, issue.path)));
}

function fieldErrorsOfIssue(issue: z.core.$ZodIssue, value: unknown): IntakeFieldError[] {
  // One error per unknown key, so each can be pointed at on the form. First, since such an issue
  // points at the object holding the keys, whatever the body reads there.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ field: dotted([...issue.path, key]), message: 'is not a field of this form' }));
  }
  const field = dotted(issue.path);
  if (issue.path.length > 0 && value === undefined) {
    return [{ field, message: 'is required' }];
  }
  switch (issue.code) {
    case 'invalid_type':
      return [{ field, message: expectedTypeMessage(issue.expected) }];
    // Every bounded intake field is text, so bounds are in characters.
    case 'too_small':
      return [{ field, message: `must be at least ${String(issue.minimum)} characters` }];
    case 'too_big':
      return [{ field, message: `must be at most ${String(issue.maximum)} characters` }];
    case 'invalid_value':
      return [{ field, message: `must be one of ${issue.values.map(String).join(', ')}` }];
    // The intake's only union is the channel's, and zod points its issue at the `channel` key.
    case 'invalid_union':
      return [{ field, message: 'must be web-form or chat' }];
    default:
      return [{ field, message: issue.message }];
  }
}

function expectedTypeMessage(expected: string): string {
  if (expected === 'object') {
    return 'must be an object with the fields of the support form';
  }
  return expected === 'boolean' ? 'must be true or false' : 'must be text';
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/** Reads a body along a path; undefined as soon as a step is missing. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    const step: unknown = Object.getOwnPropertyDescriptor(current, segment)?.value;
    current = step;
  }
  return current;
}
