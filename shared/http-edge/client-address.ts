/**
 * The client's network address as the platform reports it. Azure's front ends (App Service, and
 * the Functions hosting plans built on it) append the address of the peer they accepted the
 * connection from to `X-Forwarded-For`, as `ip:port`; whatever stands to its left was written by
 * the client itself and proves nothing. So the address is the entry `trustedHops` from the right:
 * 1 behind Azure's own front end, one more for each proxy of ours in front of it (Front Door...).
 */

/** Every request without a usable header shares this one bucket, so leaving the header out gains nothing. */
export const UNKNOWN_CLIENT_ADDRESS = 'unknown';

/** `203.0.113.7:50123` → `203.0.113.7`, `[2001:db8::1]:443` → `2001:db8::1`; a bare IPv6 address stays whole. */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed?.[1] !== undefined) return bracketed[1];
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return ipv4WithPort?.[1] ?? entry;
}

export function clientAddressOf(headers: { get(name: string): string | null }, trustedHops: number): string {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded === null) return UNKNOWN_CLIENT_ADDRESS;
  const entries = forwarded
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const entry = entries[entries.length - trustedHops];
  return entry === undefined ? UNKNOWN_CLIENT_ADDRESS : withoutPort(entry).toLowerCase();
}
