/**
 * The catalogue of Baton's HTTP API: every operation with its route, credential, parameters, body
 * and answers, as zod schemas. The functions take their routes from here and the OpenAPI document
 * is generated from it, so the published contract and the registered routes cannot drift apart.
 */
import { z } from 'zod';
import { TicketNumberSchema } from '../domain/ticket/ticket-number';
import { ATTACHMENT_OPERATIONS } from './attachment-operations';
import { CUSTOMER_CONTACT_OPERATION } from './customer-contact-operation';
import { CustomerTicketViewSchema } from './customer-ticket-view';
import { CHAT_OPERATIONS } from './chat-operations';
import { IDEMPOTENCY_KEY_HEADER, INTAKE_OPERATION } from './intake-operation';
import { IdempotencyKeySchema } from '../store/idempotency-record';
import { QueueQuerySchema, QueueViewSchema } from './queue-view';
import { REQUESTER_ACTIONS } from './requester-actions';
import { StaffCommandBodySchema } from './staff-command-body';
import { StaffTicketViewSchema } from './staff-ticket-view';
import { VENDOR_CALLBACK_OPERATION } from './vendor-callback-operation';
import type { ApiOperation } from './api-operation';

export const TicketPathSchema = z.object({
  ticketNumber: TicketNumberSchema.meta({ description: 'The ticket number, e.g. BTN-261123-7K2QD.' }),
});

const REQUESTER_PROBLEMS = [401, 404, 503] as const;
const STAFF_PROBLEMS = [401, 403, 503] as const;
const BODY_PROBLEMS = [400, 413, 415] as const;
const DECISION_PROBLEMS = [403, 409, 422] as const;

export const OPENAPI_PATH = '/api/openapi.json';

const requesterActionOperations: ApiOperation[] = REQUESTER_ACTIONS.map((action) => ({
  operationId: action.name,
  method: 'POST',
  path: `/api/tickets/{ticketNumber}/${action.pathSuffix}`,
  summary: action.summary,
  tag: 'requester',
  credential: 'requester',
  pathParameters: TicketPathSchema,
  body: { schema: action.body, required: !action.allowEmptyBody, formToo: true },
  success: { status: 200, description: 'The ticket after the action, as the requester sees it.', schema: CustomerTicketViewSchema },
  problems: [...REQUESTER_PROBLEMS, ...BODY_PROBLEMS, ...DECISION_PROBLEMS],
}));

export const API_OPERATIONS: readonly ApiOperation[] = [
  INTAKE_OPERATION,
  ...CHAT_OPERATIONS,
  {
    operationId: 'requesterTicket',
    method: 'GET',
    path: '/api/tickets/{ticketNumber}',
    summary: 'Your ticket: status, SLA clocks, anything awaiting your answer, and its timeline.',
    tag: 'requester',
    credential: 'requester',
    pathParameters: TicketPathSchema,
    success: { status: 200, description: 'The ticket as the requester sees it.', schema: CustomerTicketViewSchema },
    problems: REQUESTER_PROBLEMS,
  },
  ...requesterActionOperations,
  {
    operationId: 'staffQueue',
    method: 'GET',
    path: '/api/queue',
    summary: 'Tickets by SLA urgency, the nearest deadline first.',
    tag: 'staff',
    credential: 'staff',
    query: QueueQuerySchema,
    success: { status: 200, description: 'The queue, most urgent first.', schema: QueueViewSchema },
    problems: [400, ...STAFF_PROBLEMS],
  },
  {
    operationId: 'staffTicket',
    method: 'GET',
    path: '/api/staff/tickets/{ticketNumber}',
    summary: 'A ticket in full: internal notes, triage, handoffs, the vendor case, and each SLA clock explained.',
    tag: 'staff',
    credential: 'staff',
    pathParameters: TicketPathSchema,
    success: { status: 200, description: 'The ticket as staff see it.', schema: StaffTicketViewSchema },
    problems: [...STAFF_PROBLEMS, 404],
  },
  {
    operationId: 'staffCommand',
    method: 'POST',
    path: '/api/staff/tickets/{ticketNumber}/commands',
    summary:
      'Issue a command on the ticket as yourself (acknowledge, respond, request info, note, change severity, escalate, propose resolution, handoff note…). Send an Idempotency-Key header to make retries safe.',
    tag: 'staff',
    credential: 'staff',
    pathParameters: TicketPathSchema,
    headers: z.object({
      [IDEMPOTENCY_KEY_HEADER]: IdempotencyKeySchema.optional().meta({
        description:
          'Any unique string per command, yours alone: sent again with the same body, the command is answered as the first time (Idempotent-Replayed: true) and recorded once; with another body, 422. Remembered for the ticket\'s last 50 recorded commands; a command refused, or that recorded nothing, is decided again.',
      }),
    }),
    body: { schema: StaffCommandBodySchema, required: true, formToo: false },
    success: { status: 200, description: 'The ticket after the command, as staff see it.', schema: StaffTicketViewSchema },
    problems: [...STAFF_PROBLEMS, 404, ...BODY_PROBLEMS, ...DECISION_PROBLEMS],
  },
  ...ATTACHMENT_OPERATIONS,
  CUSTOMER_CONTACT_OPERATION,
  VENDOR_CALLBACK_OPERATION,
  {
    operationId: 'openApiDocument',
    method: 'GET',
    path: OPENAPI_PATH,
    summary: 'This API described in OpenAPI 3.1.',
    tag: 'meta',
    credential: 'none',
    success: { status: 200, description: 'The OpenAPI document.', schema: z.looseObject({ openapi: z.string() }) },
    problems: [],
  },
];

/** The route an Azure Function registers for an operation (the host's route prefix is empty). */
export function functionRoute(path: string): string {
  return path.replace(/^\//, '');
}

export function apiOperation(operationId: string): ApiOperation {
  const operation = API_OPERATIONS.find((candidate) => candidate.operationId === operationId);
  if (operation === undefined) throw new Error(`no API operation "${operationId}"`);
  return operation;
}
