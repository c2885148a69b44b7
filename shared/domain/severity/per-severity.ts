/**
 * Values kept per severity, keyed by the severity vocabulary itself, so a severity added to
 * `SeveritySchema` is a missing key everywhere one is needed (a type error, and a schema that
 * refuses a configuration without it) rather than a map that silently lacks it.
 */
import { z } from 'zod';
import { SeveritySchema, type Severity } from '../primitives';

/** An object schema with one required `value` per severity: `{ A, B, C }` today. */
export function perSeveritySchema<T extends z.ZodType>(value: T): z.ZodObject<Record<Severity, T>> {
  const shape = Object.fromEntries(SeveritySchema.options.map((severity) => [severity, value]));
  return z.object(shape as Record<Severity, T>);
}

/** A value for every severity, computed from it. */
export function bySeverity<T>(valueFor: (severity: Severity) => T): Record<Severity, T> {
  return Object.fromEntries(SeveritySchema.options.map((severity) => [severity, valueFor(severity)])) as Record<Severity, T>;
}
