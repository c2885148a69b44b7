/**
 * Where Teams cards go: one incoming workflow webhook URL per queue or per region, from the
 * `BATON_TEAMS_WEBHOOKS` setting (JSON; a Key Vault reference in Azure, since whoever holds a URL
 * can post to the channel). A ticket's card goes to its queue's channel when that queue has one,
 * otherwise to its engineer's region's channel, otherwise nowhere.
 */
import { z } from 'zod';
import { RegionSchema, SlugSchema } from '../domain/primitives';
import type { TeamsAlert } from '../domain/notifications/teams-alerts';

const WebhookUrlSchema = z.url({ protocol: /^https?$/, error: 'must be the http(s) URL of a Teams workflow webhook' });

export const TeamsWebhooksSchema = z.object({
  queues: z.record(SlugSchema, WebhookUrlSchema).default({}),
  regions: z.partialRecord(RegionSchema, WebhookUrlSchema).default({}),
});
export type TeamsWebhooks = z.infer<typeof TeamsWebhooksSchema>;

export const NO_TEAMS_WEBHOOKS: TeamsWebhooks = { queues: {}, regions: {} };

/** The route a card takes (`queue:<id>` or `region:<region>`): a name for the URL, kept in the outbox instead of it. */
export function teamsRouteFor(alert: Pick<TeamsAlert, 'queueId' | 'region'>, webhooks: TeamsWebhooks): string | undefined {
  if (alert.queueId !== undefined && webhooks.queues[alert.queueId] !== undefined) return `queue:${alert.queueId}`;
  if (alert.region !== undefined && webhooks.regions[alert.region] !== undefined) return `region:${alert.region}`;
  return undefined;
}

export function webhookUrlOf(route: string, webhooks: TeamsWebhooks): string | undefined {
  const [kind, name] = route.split(':', 2);
  if (name === undefined) return undefined;
  if (kind === 'queue') return webhooks.queues[name];
  const region = RegionSchema.safeParse(name);
  return kind === 'region' && region.success ? webhooks.regions[region.data] : undefined;
}
