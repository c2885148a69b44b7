/**
 * Notification data is plain JSON, so a queued notification survives storage unchanged: absent
 * values are dropped rather than carried as `undefined`.
 */
import { z } from 'zod';

const JsonSchema = z.json();
export type JsonValue = z.infer<typeof JsonSchema>;
export type NotificationData = Record<string, JsonValue>;

export function toJson(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => toJson(item));
  }
  if (typeof value === 'object') {
    return toJsonObject(value);
  }
  return null;
}

export function toJsonObject(value: object): NotificationData {
  const data: NotificationData = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) {
      data[key] = toJson(field);
    }
  }
  return data;
}
