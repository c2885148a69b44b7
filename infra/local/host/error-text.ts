/**
 * Text for an error in the host log. App code may run in another realm than the host (inside a
 * test runner), where `instanceof Error` fails, so the check is by shape.
 */
export function errorText(error: unknown, withStack = true): string {
  if (typeof error === 'object' && error !== null) {
    const { stack, message } = error as { stack?: unknown; message?: unknown };
    if (withStack && typeof stack === 'string') return stack;
    if (typeof message === 'string') return message;
  }
  return String(error);
}
