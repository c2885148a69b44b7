/** Reading errors of any origin, and adding to the one a browser test fails with what it knows. */
import { types } from 'node:util';

/**
 * Whether `value` is an error from any realm: jest runs tests in a realm of their own, so errors
 * Node itself throws (fetch's, for one) fail `instanceof Error` there.
 */
export function isError(value: unknown): value is Error {
  return types.isNativeError(value) || value instanceof Error;
}

export function messageOf(value: unknown): string {
  return isError(value) ? value.message : String(value);
}

/**
 * Adds words to an error a test is about to fail with, keeping its type, its stack frames and, for
 * an assertion, jest's diff. jest prints `error.stack`, not `error.message`, so the stack is
 * rebuilt from the new message and the old frames (as Playwright does with its own errors).
 */
export function withNotes(error: unknown, notes: { readonly before?: string; readonly after?: string }): Error {
  const before = notes.before ?? '';
  const after = notes.after ?? '';
  if (!isError(error)) return new Error(`${before}${String(error)}${after}`);
  const frames = (error.stack ?? '').split('\n').filter((line) => line.startsWith('    at '));
  const message = `${before}${error.message}${after}`;
  try {
    error.message = message;
    error.stack = [`${error.name}: ${message}`, ...frames].join('\n');
    return error;
  } catch {
    // Some errors (a DOMException) keep a read-only message: wrap those instead.
    return new Error(message, { cause: error });
  }
}
