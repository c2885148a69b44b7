/**
 * Vocabulary shared by every part of the ticket domain. Kept tiny and dependency-free so the
 * schemas that build on it (intake, ticket, timeline, SLA, roster) agree on the same words.
 */
import { z } from 'zod';

/** A: business stopped; B: degraded with a painful workaround; C: minimal impact. */
export const SeveritySchema = z.enum(['A', 'B', 'C']);
export type Severity = z.infer<typeof SeveritySchema>;

export const ScopeSchema = z.enum(['cloud', 'on-premises']);
export type Scope = z.infer<typeof ScopeSchema>;

/** Follow-the-sun regions, in handoff order. */
export const RegionSchema = z.enum(['AMER', 'EMEA', 'APAC']);
export type Region = z.infer<typeof RegionSchema>;

/** Who can act on a ticket. `system` is Baton itself (timers, validation); `vendor` the upstream L3. */
export const ActorRoleSchema = z.enum(['requester', 'engineer', 'team-lead', 'tam', 'admin', 'system', 'vendor']);
export type ActorRole = z.infer<typeof ActorRoleSchema>;

/** The people who work the desk: every actor but the requester and the machines. */
export const StaffRoleSchema = ActorRoleSchema.exclude(['requester', 'system', 'vendor']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** An instant on the wire and in storage: ISO-8601 UTC with milliseconds, e.g. 2026-11-23T09:00:00.000Z. */
export const InstantSchema = z.iso.datetime({ offset: false });
export type Instant = z.infer<typeof InstantSchema>;

/** An IANA time zone name that the runtime's Intl database knows. */
export const TimeZoneSchema = z.string().refine(isKnownTimeZone, { message: 'must be an IANA time zone such as Europe/Paris' });

/**
 * Answers remembered per name: building an `Intl.DateTimeFormat` for every time-zone field of
 * every document read cost 5–9 % of the host's CPU, while the names in use are a handful. Bounded,
 * so a flood of made-up names in requests cannot grow it without end.
 */
const timeZoneVerdicts = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 1024;

function isKnownTimeZone(zone: string): boolean {
  const remembered = timeZoneVerdicts.get(zone);
  if (remembered !== undefined) return remembered;
  const known = zone.length > 0 && runtimeKnowsTimeZone(zone);
  if (timeZoneVerdicts.size >= MAX_REMEMBERED_ZONES) timeZoneVerdicts.clear();
  timeZoneVerdicts.set(zone, known);
  return known;
}

function runtimeKnowsTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Catalogue identifiers (product areas, queues, contracts…): lower-case slugs. */
export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as entra-id');
