/**
 * Posts a card from the outbox to its channel's workflow webhook. The webhook answers 202 once it
 * has taken the message; a refusal of the request itself (a deleted workflow, a malformed card)
 * cannot pass by retrying, while throttling, server errors and timeouts can.
 */
import type { TeamsOutboxMessage } from '../email/outbox-message';
import type { SendOutcome } from '../email/send-outcome';
import { webhookUrlOf, type TeamsWebhooks } from './teams-webhooks';

export type TeamsPoster = (message: TeamsOutboxMessage, timeoutMs: number) => Promise<SendOutcome>;

/** Sent along so a receiver (the local stand-in, a proxy's log) can tell a repeated post from a new card. */
export const BATON_MESSAGE_ID_HEADER = 'x-baton-message-id';

const PERMANENT_STATUS_CODES = new Set([400, 401, 403, 404, 410, 413]);

export function teamsPoster(webhooks: TeamsWebhooks, post: typeof fetch = fetch): TeamsPoster {
  return async (message, timeoutMs) => {
    const url = webhookUrlOf(message.route, webhooks);
    if (url === undefined) return { kind: 'failed', permanent: true, error: `no Teams webhook is configured for ${message.route}` };
    try {
      const response = await post(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [BATON_MESSAGE_ID_HEADER]: message.id },
        body: JSON.stringify(message.payload),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The answer's body says nothing we need; reading it frees the connection.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { kind: 'sent' };
      return { kind: 'failed', permanent: PERMANENT_STATUS_CODES.has(response.status), error: `Teams webhook answered HTTP ${String(response.status)}` };
    } catch (error: unknown) {
      return { kind: 'failed', permanent: false, error: `Teams webhook unreachable: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}
