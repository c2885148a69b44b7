/**
 * Zod schemas for single app-setting values (all arrive as strings). Each failure message reads
 * after the setting's name, e.g. "BATON_COSMOS_ENDPOINT: must be an absolute URL".
 */
import { z } from 'zod';
import { NO_TEAMS_WEBHOOKS, TeamsWebhooksSchema, type TeamsWebhooks } from '../teams/teams-webhooks';
import { isUnresolvedKeyVaultReference } from './key-vault-references';

const REQUIRED = 'is required';

function requiredText(whatItMustBe: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? REQUIRED : `must be ${whatItMustBe}`) }).trim();
}

export function text() {
  return requiredText('text').min(1, { error: REQUIRED });
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost') || hostname.startsWith('127.');
}

export interface UrlRule {
  /** Azure endpoints are reached over TLS only. */
  readonly httpsOnly: boolean;
  /** Loopback addresses belong to the offline stack (its stand-ins and dev issuer). */
  readonly allowLoopback: boolean;
}

export function url(rule: UrlRule) {
  return text().superRefine((value, context) => {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'must be an absolute URL' });
      return;
    }
    const allowed = rule.httpsOnly ? ['https:'] : ['https:', 'http:'];
    if (!allowed.includes(parsed.protocol)) {
      context.addIssue({
        code: 'custom',
        message: rule.httpsOnly ? 'must be an https URL in Azure' : 'must be an http(s) URL',
      });
    }
    if (!rule.allowLoopback && isLoopback(parsed.hostname)) {
      context.addIssue({ code: 'custom', message: 'must not point at this machine in Azure (loopback is the offline stack)' });
    }
  });
}

/** A base URL others append paths to; a trailing slash would double up. */
export function baseUrl(rule: UrlRule) {
  return url(rule).transform((value) => value.replace(/\/+$/, ''));
}

export function wholeNumber(options: { readonly min: number; readonly max: number; readonly fallback: number }) {
  const range = `a whole number from ${options.min} to ${options.max}`;
  return z.coerce
    .number({ error: `must be ${range}` })
    .int({ error: `must be ${range}` })
    .min(options.min, { error: `must be ${range}` })
    .max(options.max, { error: `must be ${range}` })
    .default(options.fallback);
}

export function fraction(fallback: number) {
  const rule = 'must be a number between 0 and 1 (exclusive), e.g. 0.75';
  return z.coerce.number({ error: rule }).gt(0, { error: rule }).lt(1, { error: rule }).default(fallback);
}

/**
 * `{"queues": {"<queue id>": "<url>"}, "regions": {"EMEA": "<url>"}}`: the Teams workflow webhooks.
 * Absent or empty, no card is queued. Each URL follows the environment's rule (https in Azure).
 */
export function teamsWebhooks(rule: UrlRule) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, context): TeamsWebhooks => {
      // An unresolved Key Vault reference: no cards, and the operations snapshot names the setting until it resolves.
      if (value === undefined || value === '' || isUnresolvedKeyVaultReference(value)) return NO_TEAMS_WEBHOOKS;
      let json: unknown;
      try {
        json = JSON.parse(value);
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON: {"queues": {"<queue id>": "<webhook url>"}, "regions": {"<region>": "<webhook url>"}}' });
        return z.NEVER;
      }
      const parsed = TeamsWebhooksSchema.safeParse(json);
      if (!parsed.success) {
        context.addIssue({ code: 'custom', message: z.prettifyError(parsed.error).replace(/\n/g, '; ') });
        return z.NEVER;
      }
      for (const address of [...Object.values(parsed.data.queues), ...Object.values(parsed.data.regions)]) {
        const checked = url(rule).safeParse(address);
        if (!checked.success) context.addIssue({ code: 'custom', message: `${address}: ${checked.error.issues[0]?.message ?? 'is not allowed here'}` });
      }
      return parsed.data;
    });
}

export function flag(fallback: boolean) {
  return z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true');
}

export function emailAddress() {
  return text().pipe(z.email({ error: 'must be an email address' }));
}

export function clientId() {
  return text().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    error: 'must be the client id (a GUID) of the app’s user-assigned managed identity',
  });
}

/** The Durable Azure Storage provider derives queue and table names from the hub name. */
export function taskHubName() {
  return text().regex(/^[A-Za-z][A-Za-z0-9]{2,44}$/, {
    error: 'must be 3–45 letters or digits, starting with a letter',
  });
}

/** Managed identities ask for app-only tokens, which take the resource's `/.default` scope. */
export function tokenScope() {
  return text().regex(/^\S+\/\.default$/, { error: 'must be a resource scope ending in /.default, e.g. api://vendor-app/.default' });
}

/** A setting the environment must not have; `reason` says what to use instead. */
export function refused(reason: string) {
  return z.undefined({ error: `is not allowed when BATON_ENVIRONMENT=azure: ${reason}` }).optional();
}

/** A blob container's name as Azure Storage allows it: 3–63 lower-case letters, digits and single hyphens. */
export function containerName(fallback: string) {
  return text()
    .regex(/^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be 3–63 lower-case letters, digits and single hyphens' })
    .default(fallback);
}
