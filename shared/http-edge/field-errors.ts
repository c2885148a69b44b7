/**
 * Turns a zod validation failure into the `errors` list of a validation problem, one entry per
 * offending field, so a form can show every message next to its input at once.
 */
import type { z } from 'zod';
import type { FieldError } from './problem';

/** `requester.email`, `attachments[2].name`; the empty string stands for the body as a whole. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else {
      const name = String(segment);
      text += text === '' ? name : `.${name}`;
    }
  }
  return text;
}

export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    // An unknown key is reported on the object that holds it; the client wants the key itself.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ field: fieldPath([...issue.path, key]), message: 'is not an accepted field' });
      }
      continue;
    }
    errors.push({ field: fieldPath(issue.path), message: issue.message });
  }
  return errors;
}
