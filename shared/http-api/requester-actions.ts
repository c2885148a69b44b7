/**
 * What a requester can do to their ticket over HTTP, each as a route suffix, the body it takes
 * (the domain command's own fields) and the command it becomes. The actor is always the ticket's
 * requester, named from the ticket itself: the access token proved who is asking.
 */
import { z } from 'zod';
import type { Command } from '../domain/commands/commands';
import type { Ticket } from '../domain/ticket/ticket';
import type { Actor } from '../domain/ticket/actor';
import { commandSchemaOf } from './command-payloads';

/** A body that passed its action's schema, ready to become a command once the actor is known. */
export type ParsedActionBody = { readonly ok: true; toCommand(actor: Actor): Command } | { readonly ok: false; readonly error: z.ZodError };

interface RequesterActionDefinition<Body extends z.ZodType> {
  /** The Functions name and OpenAPI operation id. */
  readonly name: string;
  /** After `api/tickets/{ticketNumber}/`. */
  readonly pathSuffix: string;
  readonly summary: string;
  readonly body: Body;
  /** Actions without fields accept an empty body (a bare form button). */
  readonly allowEmptyBody: boolean;
  command(fields: z.output<Body>, actor: Actor): Command;
}

export interface RequesterAction {
  readonly name: string;
  readonly pathSuffix: string;
  readonly summary: string;
  readonly body: z.ZodType;
  readonly allowEmptyBody: boolean;
  parseBody(raw: unknown): ParsedActionBody;
}

/** Keeps each action's body type private to it: the table holds actions of different bodies. */
function action<Body extends z.ZodType>(definition: RequesterActionDefinition<Body>): RequesterAction {
  const { command, ...described } = definition;
  return {
    ...described,
    parseBody: (raw) => {
      const parsed = definition.body.safeParse(raw);
      return parsed.success ? { ok: true, toCommand: (actor) => command(parsed.data, actor) } : { ok: false, error: parsed.error };
    },
  };
}

const noFields = z.strictObject({});

export const REQUESTER_ACTIONS: readonly RequesterAction[] = [
  action({
    name: 'requesterReply',
    pathSuffix: 'replies',
    summary: 'Reply to support (answers a question and restarts the SLA clocks it paused).',
    body: commandSchemaOf('customer-reply').omit({ actor: true, type: true }).strict(),
    allowEmptyBody: false,
    command: (fields, actor) => ({ type: 'customer-reply', actor, message: fields.message }),
  }),
  action({
    name: 'requesterConfirmResolution',
    pathSuffix: 'resolution/confirm',
    summary: 'Confirm the proposed resolution; the ticket closes.',
    body: noFields,
    allowEmptyBody: true,
    command: (_fields, actor) => ({ type: 'confirm-resolution', actor }),
  }),
  action({
    name: 'requesterRejectResolution',
    pathSuffix: 'resolution/reject',
    summary: 'Reject the proposed resolution, saying why; work resumes.',
    body: commandSchemaOf('reject-resolution').omit({ actor: true, type: true }).strict(),
    allowEmptyBody: false,
    command: (fields, actor) => ({ type: 'reject-resolution', actor, reason: fields.reason }),
  }),
  action({
    name: 'requesterConsentToDowngrade',
    pathSuffix: 'severity-downgrade/consent',
    summary: 'Agree to the proposed lower severity; it takes effect now.',
    body: noFields,
    allowEmptyBody: true,
    command: (_fields, actor) => ({ type: 'consent-to-downgrade', actor }),
  }),
  action({
    name: 'requesterRefuseDowngrade',
    pathSuffix: 'severity-downgrade/refuse',
    summary: 'Refuse the proposed lower severity; the ticket keeps its severity.',
    body: noFields,
    allowEmptyBody: true,
    command: (_fields, actor) => ({ type: 'refuse-downgrade', actor }),
  }),
  action({
    name: 'requesterSelfClose',
    pathSuffix: 'self-close',
    summary: 'Close the ticket with your own solution.',
    body: commandSchemaOf('self-close').omit({ actor: true, type: true }).strict(),
    allowEmptyBody: false,
    command: (fields, actor) => ({ type: 'self-close', actor, solution: fields.solution }),
  }),
  action({
    name: 'requesterReopen',
    pathSuffix: 'reopen',
    summary: 'Reopen a closed ticket within the reopen window, saying why.',
    body: commandSchemaOf('reopen').omit({ actor: true, type: true }).strict(),
    allowEmptyBody: false,
    command: (fields, actor) => ({ type: 'reopen', actor, reason: fields.reason }),
  }),
];

/** The requester as the ticket knows them: the token proved it, the ticket names them. */
export function requesterActor(ticket: Ticket): Actor {
  return { role: 'requester', id: ticket.requesterEmail, name: ticket.requester.name };
}
