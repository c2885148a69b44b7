/**
 * `/runtime/webhooks/{extensionName}/{*extra}` on the host's own port, as Azure's host serves it
 * for GET, PUT, POST, DELETE and OPTIONS: the caller presents the extension's system key or the
 * master key (`code=` or `x-functions-key`), and the request goes to the extension that owns the
 * name. Like Azure's controller routes it is matched before the app's, so even a catch-all
 * function route at an empty prefix never sees these requests; any other path stays the app's.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActivityTracker } from '../activity-tracker';
import type { HostLogger } from '../host-log';
import type { ExtensionWebhook } from '../webhook-targets';
import { errorText } from '../error-text';
import { isSystemKeyAccepted, presentedKey, type KeyRing } from './function-keys';
import { endToEndHeaders, forwardRequest } from './forward-request';
import { headersAsSent } from './request-admission';

const WEBHOOK_ROUTE_PREFIX = '/runtime/webhooks';
const WEBHOOK_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS'];

/** The extension's name and the rest of the target as sent (still percent-encoded), query included. */
const WEBHOOK_TARGET = /^\/runtime\/webhooks\/([^/?]+)(.*)$/i;

export interface ExtensionWebhookOptions {
  readonly keys: KeyRing;
  /** Known once the extensions have started; requests wait for `ready` first. */
  readonly webhooks: () => ReadonlyMap<string, ExtensionWebhook>;
  readonly ready: Promise<void>;
  readonly activity: ActivityTracker;
  readonly logger: HostLogger;
}

export function registerExtensionWebhooks(server: FastifyInstance, options: ExtensionWebhookOptions): void {
  for (const url of [`${WEBHOOK_ROUTE_PREFIX}/:extensionName`, `${WEBHOOK_ROUTE_PREFIX}/:extensionName/*`]) {
    server.route({
      method: WEBHOOK_METHODS,
      url,
      handler: (request, reply) => options.activity.track(() => serveWebhook(request, reply, options)),
    });
  }
}

function decodedName(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return undefined;
  }
}

async function serveWebhook(request: FastifyRequest, reply: FastifyReply, options: ExtensionWebhookOptions): Promise<FastifyReply> {
  await options.ready;
  const target = WEBHOOK_TARGET.exec(request.raw.url ?? '');
  const name = decodedName(target?.[1]);
  const webhook = name === undefined ? undefined : options.webhooks().get(name);
  const key = presentedKey(request.headers['x-functions-key'], new URL(request.url, 'http://local'));
  // As in Azure, the key is checked first: only the master key learns that a name is unknown.
  if (!isSystemKeyAccepted(options.keys, webhook?.systemKey, key)) return reply.code(401).send();
  if (!webhook || target === null) return reply.code(404).send();
  try {
    const answer = await forwardRequest({
      method: request.method,
      url: new URL(`${webhook.targetBaseUrl}${target[2] ?? ''}`),
      headers: headersAsSent(request),
      body: Buffer.isBuffer(request.body) ? request.body : undefined,
    });
    return reply.code(answer.status).headers(endToEndHeaders(answer.headers)).send(answer.body);
  } catch (error) {
    options.logger.log('error', `The ${webhook.name} webhook did not answer: ${errorText(error)}`);
    return reply.code(502).send();
  }
}
