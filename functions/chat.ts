/** The guided chat's API: start, resume and message a conversation (see shared/http-api/chat-handlers). */
import { registerApiFunction } from '../shared/http-api/api-function';
import { handleChatConversation, handleChatMessage, handleChatStart } from '../shared/http-api/chat-handlers';

registerApiFunction('chatStart', handleChatStart);
registerApiFunction('chatConversation', handleChatConversation);
// Confirming opens the ticket, which starts its lifecycle.
registerApiFunction('chatMessage', handleChatMessage, { durableClient: true });
