/**
 * The API's doors to attachments: the requester (by the ticket's access token) and staff (by their
 * JWT) upload files as multipart/form-data and download them. A download looks the id up in this
 * ticket's record, as this reader may see it: an id of another ticket, an internal file asked for
 * by the requester and an unknown id all get the same 404.
 */
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { attachmentFor, type AttachmentViewer } from '../domain/attachments/attachment-access';
import type { Attachment } from '../domain/attachments/attachment';
import type { Actor } from '../domain/ticket/actor';
import type { Ticket } from '../domain/ticket/ticket';
import { downloadAnswer } from '../attachments/download-answer';
import { uploadAttachments, type AttachmentPort, type UploadOutcome } from '../attachments/upload-attachments';
import { MULTIPART_MEDIA_TYPE } from '../http-edge/multipart-body';
import { malformedBodyProblem, notFoundProblem, problemResponse, problemType, unsupportedMediaTypeProblem, validationProblem } from '../http-edge/problem';
import { problemForStoreFailure } from '../http-edge/store-failure-problem';
import { customerAttachment } from './attachment-views';
import { rejectionProblem } from './rejection-problem';
import { requesterTarget, requesterTicket } from './requester-handlers';
import { requesterActor } from './requester-actions';
import { requestPath, viewResponse } from './request-parts';
import { staffActor } from './staff-actor';
import { staffOnTicket, type StaffHandlerDependencies } from './staff-handlers';
import type { TicketApiPort } from './ticket-api-port';
import { orgConfigOutcome, readTicketOutcome, ticketNotFound, TicketServiceFault } from './ticket-outcomes';

export const ATTACHMENT_REFUSED_PROBLEM = problemType('attachment/refused');
export const ATTACHMENTS_UNAVAILABLE_PROBLEM = problemType('attachment/not-configured');

export interface AttachmentHandlerDependencies {
  readonly port: (context: InvocationContext) => TicketApiPort;
  readonly attachments: () => AttachmentPort;
}

/** The same answer for "no such file", "another ticket's file" and "not yours to see". */
export function attachmentNotFound(instance: string): HttpResponseInit {
  return notFoundProblem({ instance, detail: 'No file with this id is available to you on this ticket.' });
}

function attachmentIdOf(request: Pick<HttpRequest, 'params'>): string {
  return request.params.attachmentId ?? '';
}

/** Every refused file named with its reason, as field errors of the `file` field; the rest were attached. */
function refusedProblem(outcome: Extract<UploadOutcome, { kind: 'done' }>, instance: string, attached: readonly unknown[]): HttpResponseInit {
  const problem = {
    type: ATTACHMENT_REFUSED_PROBLEM,
    title: 'Some files were not attached',
    status: 422,
    detail: `${String(outcome.refused.length)} file(s) refused; ${String(attached.length)} attached.`,
    instance,
    errors: outcome.refused.map((file) => ({ field: 'file', message: `${file.name} ${file.reason}` })),
  };
  const response = problemResponse(problem);
  return { ...response, jsonBody: { ...problem, attached } };
}

/** The answers an upload shares between doors; `done` is the caller's to shape. */
export function uploadProblem(outcome: Exclude<UploadOutcome, { kind: 'done' }>, instance: string): HttpResponseInit {
  switch (outcome.kind) {
    case 'not-multipart':
      return unsupportedMediaTypeProblem([MULTIPART_MEDIA_TYPE], { instance });
    case 'unreadable':
      return malformedBodyProblem(outcome.reason, { instance });
    case 'invalid-visibility':
      return validationProblem([{ field: 'visibility', message: 'must be requester or internal (internal for staff only)' }], { instance });
    case 'not-configured':
      return problemResponse({ type: ATTACHMENTS_UNAVAILABLE_PROBLEM, title: 'Files cannot be attached here', status: 503, detail: 'This environment keeps no attachments.', instance }, { 'Retry-After': '3600' });
    case 'rejected':
      return rejectionProblem(outcome.rejection, instance);
    case 'not-found':
      return ticketNotFound(instance);
    case 'unavailable':
      return problemForStoreFailure(outcome.failure, { instance });
    case 'failed':
      throw new TicketServiceFault(outcome.reason);
  }
}

async function upload(
  dependencies: AttachmentHandlerDependencies,
  context: InvocationContext,
  request: HttpRequest,
  call: { readonly ticket: Ticket; readonly actor: Actor; readonly mayMarkInternal: boolean; readonly instance: string },
  view: (attachment: Attachment) => unknown,
): Promise<HttpResponseInit> {
  const port = dependencies.port(context);
  const outcome = await uploadAttachments((n, decide, now, options) => port.applyToTicket(n, decide, now, options), dependencies.attachments(), {
    ticket: call.ticket,
    actor: call.actor,
    source: request,
    mayMarkInternal: call.mayMarkInternal,
    now: port.now(),
  });
  if (outcome.kind !== 'done') return uploadProblem(outcome, call.instance);
  const attached = outcome.attached.map(view);
  if (outcome.refused.length > 0) return refusedProblem(outcome, call.instance, attached);
  if (attached.length === 0) return validationProblem([{ field: 'file', message: 'no file was sent' }], { instance: call.instance });
  return viewResponse({ attached });
}

async function download(dependencies: AttachmentHandlerDependencies, ticket: Ticket, viewer: AttachmentViewer, request: HttpRequest, instance: string): Promise<HttpResponseInit> {
  const attachment = attachmentFor(ticket, attachmentIdOf(request), viewer);
  const store = dependencies.attachments().store;
  if (attachment === undefined || store === undefined) return attachmentNotFound(instance);
  const answer = await downloadAnswer(store, ticket.ticketNumber, attachment);
  if (answer.ok) return answer.response;
  // The record names a file the store no longer has: the same 404 as any file not here.
  return answer.failure.kind === 'not-found' ? attachmentNotFound(instance) : problemForStoreFailure(answer.failure, { instance });
}

export function requesterAttachmentUploadHandler(dependencies: AttachmentHandlerDependencies): HttpHandler {
  return async (request, context) => {
    const instance = requestPath(request);
    const target = requesterTarget(request, instance);
    if (!target.ok) return target.response;
    const ticket = await requesterTicket(dependencies.port(context), target.value, instance);
    if (!ticket.ok) return ticket.response;
    return upload(dependencies, context, request, { ticket: ticket.value, actor: requesterActor(ticket.value), mayMarkInternal: false, instance }, customerAttachment);
  };
}

export function requesterAttachmentDownloadHandler(dependencies: AttachmentHandlerDependencies): HttpHandler {
  return async (request, context) => {
    const instance = requestPath(request);
    const target = requesterTarget(request, instance);
    if (!target.ok) return target.response;
    const ticket = await requesterTicket(dependencies.port(context), target.value, instance);
    if (!ticket.ok) return ticket.response;
    return download(dependencies, ticket.value, 'requester', request, instance);
  };
}

type StaffAttachmentDependencies = AttachmentHandlerDependencies & Pick<StaffHandlerDependencies, 'tokenPolicy'>;

export function staffAttachmentUploadHandler(dependencies: StaffAttachmentDependencies): HttpHandler {
  return async (request, context) => {
    const call = await staffOnTicket(request, dependencies);
    if (!call.ok) return call.response;
    const port = dependencies.port(context);
    const ticket = readTicketOutcome(await port.readTicket(call.ticketNumber), call.instance);
    if (!ticket.ok) return ticket.response;
    const org = orgConfigOutcome(await port.orgConfig(), call.instance);
    if (!org.ok) return org.response;
    const actor = staffActor(call.principal, 'attach-file', org.value.roster.engineers);
    return upload(dependencies, context, request, { ticket: ticket.value, actor, mayMarkInternal: true, instance: call.instance }, (attachment) => attachment);
  };
}

export function staffAttachmentDownloadHandler(dependencies: StaffAttachmentDependencies): HttpHandler {
  return async (request, context) => {
    const call = await staffOnTicket(request, dependencies);
    if (!call.ok) return call.response;
    const ticket = readTicketOutcome(await dependencies.port(context).readTicket(call.ticketNumber), call.instance);
    if (!ticket.ok) return ticket.response;
    return download(dependencies, ticket.value, 'staff', request, call.instance);
  };
}
