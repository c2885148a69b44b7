/**
 * The chat service wired to the app instance's ticket services: conversations in the
 * `conversations` container, kept for `BATON_CHAT_RETENTION_HOURS`, the organisation's catalogue,
 * and intake through `openAppTicket`, the one door the form and the API use too (same limits,
 * validation and emails). The conversation store and the counters are per instance.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ChatContext } from '../domain/chat/chat-questions';
import type { LifecycleControl } from '../orchestration/lifecycle-control';
import { CONVERSATIONS_CONTAINER } from '../store/containers';
import { unavailableOrFailed, type UnavailableOrFailed } from '../store/store-failure';
import { appClientAddress, appTicketServices, openAppTicket } from '../ticket-service/app-ticket-services';
import { chatService, type ChatService } from './chat-service';
import { cosmosConversationStore, type ConversationStore } from './conversation-store';

let store: ConversationStore | undefined;
let startLimiter: RateLimiterMemory | undefined;

export function appConversationStore(): ConversationStore {
  const services = appTicketServices();
  store ??= cosmosConversationStore(services.cosmosClient.database(services.config.cosmos.database).container(CONVERSATIONS_CONTAINER), services.config.chat.retentionHours);
  return store;
}

async function chatContext(): Promise<{ readonly kind: 'ready'; readonly context: ChatContext } | UnavailableOrFailed> {
  const load = await appTicketServices().orgConfig();
  switch (load.kind) {
    case 'loaded':
      return { kind: 'ready', context: { productAreas: load.config.productCatalogue } };
    case 'failed':
      return unavailableOrFailed(load.failure, 'organisation configuration');
    case 'missing':
    case 'invalid':
      return { kind: 'failed', reason: `organisation configuration ${load.kind}` };
  }
}

export interface ChatInvocation {
  readonly headers: { get(name: string): string | null };
  readonly lifecycle: LifecycleControl | undefined;
}

export function appChatService(invocation: ChatInvocation): ChatService {
  const services = appTicketServices();
  return chatService({
    store: appConversationStore(),
    now: () => services.clock.now(),
    context: chatContext,
    openTicket: (intake, idempotencyKey) => openAppTicket({ intake, idempotencyKey, headers: invocation.headers, lifecycle: invocation.lifecycle }),
  });
}

/**
 * New conversations per window from one client address: the intake limit's count, so the chat is
 * no way around it (each conversation costs a stored document even before it becomes a ticket).
 */
export async function withinChatStartLimit(headers: { get(name: string): string | null }): Promise<{ readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number }> {
  const limits = appTicketServices().config.intake.limits;
  startLimiter ??= new RateLimiterMemory({ keyPrefix: 'chat-start-address', points: limits.perClientAddress, duration: limits.windowSeconds });
  try {
    await startLimiter.consume(appClientAddress(headers));
    return { ok: true };
  } catch (refusal: unknown) {
    if (refusal instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    throw refusal;
  }
}

/** The requester's access token of a ticket the chat opened (derived: the same every time). */
export async function chatTicketAccessToken(ticketNumber: string): Promise<string | undefined> {
  const token = await appTicketServices().accessToken(ticketNumber);
  return token.ok ? token.token : undefined;
}
