/**
 * How action inputs arrive from durable-functions: activity and continue-as-new inputs are
 * already JSON text when they are strings (the library encodes them), the others are plain values.
 */
/** Activity and continue-as-new inputs: strings are JSON text already. */
export function encodedInputText(input: unknown): string | undefined {
  if (input === undefined) return undefined;
  return typeof input === 'string' ? input : JSON.stringify(input);
}

/** Sub-orchestration and entity inputs arrive as plain values. */
export function plainInputText(input: unknown): string | undefined {
  return input === undefined ? undefined : JSON.stringify(input);
}

