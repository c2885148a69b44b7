/**
 * Function keys for `authLevel` `function` and `admin`, read from app settings:
 *
 * - `LocalHost__MasterKey`: the master key (admin functions, admin endpoints, any function);
 * - `LocalHost__HostKeys`: host keys, comma-separated (any function-level function);
 * - `LocalHost__FunctionKeys__<functionName>`: keys of one function, comma-separated.
 *
 * A caller presents a key in the `x-functions-key` header or the `code` query parameter. Keys are
 * enforced as soon as one is configured; with none configured every level is open, as with
 * Core Tools.
 */
import { timingSafeEqual } from 'node:crypto';

export const MASTER_KEY_SETTING = 'LocalHost__MasterKey';
export const HOST_KEYS_SETTING = 'LocalHost__HostKeys';
export const FUNCTION_KEYS_SETTING_PREFIX = 'LocalHost__FunctionKeys__';

export type AuthLevel = 'anonymous' | 'function' | 'admin';

export interface KeyRing {
  readonly masterKey: string | undefined;
  readonly hostKeys: readonly string[];
  /** Lower-cased function name → its keys. */
  readonly functionKeys: ReadonlyMap<string, readonly string[]>;
  readonly enforced: boolean;
}

function keyList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
}

export function keyRingFromSettings(settings: Readonly<Record<string, string | undefined>>): KeyRing {
  const masterKey = settings[MASTER_KEY_SETTING]?.trim() || undefined;
  const hostKeys = keyList(settings[HOST_KEYS_SETTING]);
  const functionKeys = new Map<string, string[]>();
  for (const [name, value] of Object.entries(settings)) {
    if (!name.startsWith(FUNCTION_KEYS_SETTING_PREFIX)) continue;
    const keys = keyList(value);
    if (keys.length > 0) functionKeys.set(name.slice(FUNCTION_KEYS_SETTING_PREFIX.length).toLowerCase(), keys);
  }
  return { masterKey, hostKeys, functionKeys, enforced: Boolean(masterKey) || hostKeys.length > 0 || functionKeys.size > 0 };
}

export function toAuthLevel(value: unknown): AuthLevel {
  const level = typeof value === 'string' ? value.toLowerCase() : 'function';
  // The Functions default when a trigger names no level is `function`.
  if (level === 'anonymous' || level === 'admin') return level;
  return 'function';
}

function sameKey(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The key a request carries: the `x-functions-key` header first, then the `code` query value. */
export function presentedKey(header: string | string[] | undefined, url: URL): string | undefined {
  const fromHeader = Array.isArray(header) ? header[0] : header;
  return fromHeader ?? url.searchParams.get('code') ?? undefined;
}

export function isMasterKey(ring: KeyRing, key: string | undefined): boolean {
  return key !== undefined && ring.masterKey !== undefined && sameKey(key, ring.masterKey);
}

/** Whether a request presenting `key` may call a function of `level`. */
export function isAuthorised(ring: KeyRing, level: AuthLevel, functionName: string, key: string | undefined): boolean {
  if (level === 'anonymous' || !ring.enforced) return true;
  if (key === undefined) return false;
  if (isMasterKey(ring, key)) return true;
  if (level === 'admin') return false;
  const own = ring.functionKeys.get(functionName.toLowerCase()) ?? [];
  return [...ring.hostKeys, ...own].some((expected) => sameKey(key, expected));
}

/**
 * Whether a request may call an extension's webhook: its system key or the master key, always
 * required (Azure checks it whatever the other keys; the links the extension hands out carry it).
 */
export function isSystemKeyAccepted(ring: KeyRing, systemKey: string | undefined, key: string | undefined): boolean {
  if (key === undefined) return false;
  return isMasterKey(ring, key) || (systemKey !== undefined && sameKey(key, systemKey));
}
