/**
 * Which extension webhooks the host serves under `/runtime/webhooks/{name}/`. In Azure the host
 * gives an extension its webhook URL (`…/runtime/webhooks/{name}?code=<system key>`) and the
 * extension hands it on in its client binding (`baseUrl`, `requiredQueryStringParameters`).
 * Locally an extension listens on its own port and puts that endpoint in the binding instead, so
 * the host reads the binding back: the name and system key it names, and where to forward.
 */
import { z } from 'zod';
import type { BindingMetadata, HostExtension, RegisteredFunction } from './extension-contract';
import type { HostLogger } from './host-log';

export interface ExtensionWebhook {
  /** Lower case, as Azure names a webhook after the extension's configuration section. */
  readonly name: string;
  /** The extension's own endpoint for the same paths, e.g. `http://127.0.0.1:54321/runtime/webhooks/durabletask`. */
  readonly targetBaseUrl: string;
  /** The key the extension's links carry as `code=` (Azure's `{name}_extension` system key). */
  readonly systemKey: string;
}

const WEBHOOK_PATH = /^\/runtime\/webhooks\/([^/]+)\/?$/i;

const WebhookBindingSchema = z.looseObject({
  baseUrl: z.url(),
  requiredQueryStringParameters: z.string(),
});

/** The binding the extension serves, as a function of the app declares it (or as one would). */
function probeBinding(type: string, functions: readonly RegisteredFunction[]): [BindingMetadata, RegisteredFunction] | undefined {
  for (const fn of functions) {
    const declared = Object.values(fn.bindings).find((binding) => binding.type.toLowerCase() === type.toLowerCase());
    if (declared) return [declared, fn];
  }
  const anyFunction = functions[0];
  return anyFunction ? [{ type, direction: 'in' }, anyFunction] : undefined;
}

/** What a client binding says about the extension's webhook; its links may lack a key. */
interface AnnouncedWebhook extends Omit<ExtensionWebhook, 'systemKey'> {
  readonly systemKey: string | null;
}

function announcedWebhook(value: unknown): AnnouncedWebhook | undefined {
  const parsed = WebhookBindingSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const base = new URL(parsed.data.baseUrl);
  const name = WEBHOOK_PATH.exec(base.pathname)?.[1];
  if (name === undefined) return undefined;
  return {
    name: name.toLowerCase(),
    targetBaseUrl: parsed.data.baseUrl.replace(/\/+$/, ''),
    systemKey: new URLSearchParams(parsed.data.requiredQueryStringParameters).get('code'),
  };
}

/** Asked once the extensions have started (their endpoints are known only then). */
export function extensionWebhooks(
  extensions: readonly HostExtension[],
  functions: readonly RegisteredFunction[],
  hostOrigin: string,
  logger: HostLogger,
): Map<string, ExtensionWebhook> {
  const webhooks = new Map<string, ExtensionWebhook>();
  for (const extension of extensions) {
    for (const type of extension.inputBindingTypes) {
      const probe = probeBinding(type, functions);
      const found = probe ? announcedWebhook(extension.inputBindingData(...probe)) : undefined;
      if (!found) continue;
      if (found.systemKey === null) {
        logger.log('warn', `Extension ${extension.name}: its webhook links carry no code=; /runtime/webhooks/${found.name} is not served.`);
      } else if (new URL(found.targetBaseUrl).origin === hostOrigin) {
        // Links already on the host's own port leave nothing to forward to (and forwarding would loop).
        logger.log('warn', `Extension ${extension.name}: its webhook base is the host itself; /runtime/webhooks/${found.name} is not served.`);
      } else {
        webhooks.set(found.name, { ...found, systemKey: found.systemKey });
      }
    }
  }
  return webhooks;
}
