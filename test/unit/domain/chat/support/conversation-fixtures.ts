import type { ChatContext } from '../../../../../shared/domain/chat/chat-questions';
import type { ChatInput } from '../../../../../shared/domain/chat/chat-input';
import { receiveMessage, startConversation, type Conversation } from '../../../../../shared/domain/chat/conversation';
import { sampleOrgConfig } from '../../../../../shared/domain/org/sample/sample-org';

/** The sample organisation's catalogue, as the chat offers it. */
export const context: ChatContext = { productAreas: sampleOrgConfig.productCatalogue };
export const at = (minute: number): string => new Date(Date.UTC(2026, 11, 7, 9, minute)).toISOString();

/** A conversation after the given inputs, each sent once with its own id. */
export function after(inputs: readonly (ChatInput | string)[], from: Conversation = startConversation(at(0), context, 'Europe/Lisbon')): Conversation {
  return inputs.reduce((conversation, input, index) => {
    const message = { clientMessageId: `m${String(conversation.messages.length)}-${String(index)}`, input: typeof input === 'string' ? { kind: 'text' as const, text: input } : input };
    const receipt = receiveMessage(conversation, message, context, at(index + 1));
    if (receipt.kind !== 'recorded') throw new Error(`"${JSON.stringify(input)}" was ${receipt.kind}`);
    return receipt.conversation;
  }, from);
}

export const ANSWERS_UP_TO_SEVERITY = [
  'Ana Silva',
  'ana.silva@contoso.com',
  'Contoso Ltd',
  'contoso.onmicrosoft.com',
  'Microsoft Entra ID',
  'Finance cannot sign in to Outlook',
  'Since Monday every member of the finance group gets AADSTS53003 when signing in from managed laptops.',
  'Monday 09:00',
  'Thirty people cannot send email during the month-end close.',
];

export function lastBatonText(conversation: Conversation): string {
  const last = conversation.messages[conversation.messages.length - 1];
  return last?.from === 'baton' ? last.text : '';
}
