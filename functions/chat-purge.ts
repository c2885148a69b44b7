/**
 * Every five minutes: deletes the chat conversations whose keeping time is over (the last write
 * plus BATON_CHAT_RETENTION_HOURS). In Azure, Cosmos DB's TTL deletes them too; this does it where
 * there is no TTL (the offline stand-in), reading only the due ones through the `purgeAt` index.
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import { appConversationStore } from '../shared/chat/app-chat-service';
import { eventLog } from '../shared/logging/structured-log';
import { appTicketServices } from '../shared/ticket-service/app-ticket-services';

/** A round's bound: a backlog is worked off over the next rounds instead of in one long run. */
const PURGE_BATCH = 500;

app.timer('chatPurge', {
  schedule: '0 */5 * * * *',
  handler: async (_timer: Timer, context: InvocationContext) => {
    const log = eventLog(context);
    const services = appTicketServices();
    const setup = await services.ensureStore();
    if (setup.kind !== 'ready') {
      log.warn('chat.purge.store-unavailable', { reason: setup.failure.kind });
      return;
    }
    const purged = await appConversationStore().purgeDue(services.clock.now(), PURGE_BATCH);
    if (purged.kind === 'failed') log.warn('chat.purge.store-unavailable', { reason: purged.failure.kind });
    else if (purged.count > 0) log.info('chat.purge.purged', { conversations: purged.count });
  },
});
