/**
 * The chat API's handlers: problem+json for every refusal, with field errors for a bad body, a
 * 404 for an unknown (or purged) conversation, a 503 with Retry-After while the store is down
 * (nothing was stored: the client keeps the message and sends it again with the same id), never a
 * 500 for anything the client sent.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { appChatService, chatTicketAccessToken, withinChatStartLimit } from '../chat/app-chat-service';
import type { ChatService } from '../chat/chat-service';
import { conversationView } from '../chat/chat-view';
import type { ChatContext } from '../domain/chat/chat-questions';
import type { Conversation, IncomingMessage } from '../domain/chat/conversation';
import { readRequestBody } from '../http-edge/request-body';
import {
  conflictProblem,
  notFoundProblem,
  serviceUnavailableProblem,
  tooManyRequestsProblem,
  unprocessableProblem,
  unsupportedMediaTypeProblem,
  validationProblem,
} from '../http-edge/problem';
import { problemForStoreFailure } from '../http-edge/store-failure-problem';
import { fieldErrorsFromZod } from '../http-edge/field-errors';
import { eventLog } from '../logging/structured-log';
import { appTicketServices, invocationLifecycle } from '../ticket-service/app-ticket-services';
import type { StoreFailure } from '../store/store-failure';
import { ChatMessageBodySchema, ChatPathSchema, ChatStartBodySchema, type ChatMessageBody } from './chat-operations';

const CONVERSATIONS_PATH = '/api/chat/conversations';
// A problem's `instance` names the route, never the conversation id: the id is the key to it, and problems get logged and shown.
const NOT_FOUND_DETAIL = 'There is no conversation with this id: it may have been kept past its time and deleted. Start a new one, or use the form.';

type Failure = { readonly kind: 'unavailable'; readonly failure: StoreFailure } | { readonly kind: 'failed'; readonly reason: string };

function failureResponse(failure: Failure, instance: string, nothingStored: string): HttpResponseInit {
  if (failure.kind === 'failed') throw new Error(`chat failed: ${failure.reason}`);
  if (failure.failure.kind === 'unavailable') {
    return serviceUnavailableProblem(appTicketServices().config.intake.retryAfterSeconds, { instance, detail: nothingStored });
  }
  return problemForStoreFailure(failure.failure, { instance });
}

async function view(resumeToken: string, conversation: Conversation, context: ChatContext) {
  const accessToken = conversation.step.kind === 'opened' ? await chatTicketAccessToken(conversation.step.ticketNumber) : undefined;
  return conversationView(resumeToken, conversation, context, { publicBaseUrl: appTicketServices().config.publicBaseUrl, ...(accessToken === undefined ? {} : { accessToken }) });
}

function ok(body: unknown): HttpResponseInit {
  return { status: 200, headers: { 'Cache-Control': 'no-store' }, jsonBody: body };
}

async function jsonBody(request: HttpRequest, instance: string, allowEmpty: boolean): Promise<{ readonly kind: 'read'; readonly body: unknown } | { readonly kind: 'rejected'; readonly response: HttpResponseInit }> {
  const read = await readRequestBody(request, { instance, allowEmpty });
  if (read.kind === 'rejected') return read;
  if (read.mediaType === 'form') return { kind: 'rejected', response: unsupportedMediaTypeProblem(['application/json'], { instance }) };
  return { kind: 'read', body: read.body };
}

function service(request: HttpRequest, context: InvocationContext): ChatService {
  return appChatService({ headers: request.headers, lifecycle: invocationLifecycle(context, 'chat.no-durable-client') });
}

export async function handleChatStart(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const instance = CONVERSATIONS_PATH;
  const read = await jsonBody(request, instance, true);
  if (read.kind === 'rejected') return read.response;
  const body = ChatStartBodySchema.safeParse(read.body);
  if (!body.success) return validationProblem(fieldErrorsFromZod(body.error), { instance });
  const limit = await withinChatStartLimit(request.headers);
  if (!limit.ok) return tooManyRequestsProblem(limit.retryAfterSeconds, { instance, detail: 'Too many conversations were started from your network recently. Please use the form, or try again after the Retry-After delay.' });
  const started = await service(request, context).start(body.data.timeZone);
  if (started.kind !== 'started') {
    eventLog(context).warn('chat.start-failed', { reason: started.kind === 'failed' ? started.reason : started.failure.kind });
    return failureResponse(started, instance, 'The chat could not start: the support desk is temporarily unavailable. Please try again shortly.');
  }
  return ok(await view(started.resumeToken, started.conversation, started.context));
}

function resumeTokenOf(request: HttpRequest): string | undefined {
  const path = ChatPathSchema.safeParse({ conversationId: request.params.conversationId });
  return path.success ? path.data.conversationId : undefined;
}

export async function handleChatConversation(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const instance = `${CONVERSATIONS_PATH}/…`;
  const resumeToken = resumeTokenOf(request);
  if (resumeToken === undefined) return notFoundProblem({ instance, detail: NOT_FOUND_DETAIL });
  const read = await service(request, context).read(resumeToken);
  if (read.kind === 'not-found') return notFoundProblem({ instance, detail: NOT_FOUND_DETAIL });
  if (read.kind !== 'found') return failureResponse(read, instance, 'The conversation could not be read: the support desk is temporarily unavailable. Everything you sent is kept.');
  return ok(await view(resumeToken, read.conversation, read.context));
}

function incoming(body: ChatMessageBody): IncomingMessage {
  const { clientMessageId } = body;
  if (body.action === 'change' && body.question !== undefined) return { clientMessageId, input: { kind: 'change', question: body.question } };
  if (body.action === 'back' || body.action === 'confirm') return { clientMessageId, input: { kind: body.action } };
  return { clientMessageId, input: { kind: 'text', text: body.text ?? '' } };
}

export async function handleChatMessage(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const instance = `${CONVERSATIONS_PATH}/…/messages`;
  const resumeToken = resumeTokenOf(request);
  if (resumeToken === undefined) return notFoundProblem({ instance, detail: NOT_FOUND_DETAIL });
  const read = await jsonBody(request, instance, false);
  if (read.kind === 'rejected') return read.response;
  const body = ChatMessageBodySchema.safeParse(read.body);
  if (!body.success) return validationProblem(fieldErrorsFromZod(body.error), { instance });
  const message = incoming(body.data);
  const log = eventLog(context);
  const reply = await service(request, context).receive(resumeToken, message);
  switch (reply.kind) {
    case 'answered':
      if (reply.conversation.step.kind === 'opened' && !reply.repeated) log.info('chat.ticket-opened', { ticketNumber: reply.conversation.step.ticketNumber });
      return ok({ clientMessageId: message.clientMessageId, outcome: reply.outcome, repeated: reply.repeated, conversation: await view(resumeToken, reply.conversation, reply.context) });
    case 'not-found':
      return notFoundProblem({ instance, detail: NOT_FOUND_DETAIL });
    case 'id-reused':
      return unprocessableProblem({ instance, detail: 'This clientMessageId was already used for a different message. Use a new id for a new message.' });
    case 'too-long':
      return conflictProblem({ instance, detail: 'This conversation has reached its length limit. Please use the form to send your request.' });
    case 'closed':
      return conflictProblem({
        instance,
        detail:
          reply.conversation.step.kind === 'opened'
            ? `This conversation was confirmed and is ticket ${reply.conversation.step.ticketNumber}; reply on the ticket instead.`
            : 'This conversation was confirmed; its ticket is being opened.',
      });
    case 'rate-limited':
      log.warn('chat.rate-limited', { limitedBy: reply.limitedBy });
      return tooManyRequestsProblem(reply.retryAfterSeconds, { instance, detail: 'Too many support requests were sent recently. Your conversation is kept; confirm it again after the Retry-After delay.' });
    case 'unavailable':
    case 'failed':
      log.warn('chat.message-not-stored', { reason: reply.kind === 'failed' ? reply.reason : reply.failure.kind });
      return failureResponse(reply, instance, 'Your message was NOT stored: the support desk is temporarily unavailable. Send it again shortly (with the same clientMessageId); it will be taken once.');
  }
}
