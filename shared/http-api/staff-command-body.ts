/**
 * The body of `POST /api/staff/tickets/{ticketNumber}/commands`: a domain command without its
 * actor (the token supplies it). Engineers are named by roster id, and a handoff note is the
 * internal note with a next step that the shift-end brief is built from.
 */
import { z } from 'zod';
import { HandoffNoteSchema } from '../domain/handoff/handoff-brief';
import { COMMAND_TYPES, type Command, type CommandType } from '../domain/commands/commands';
import { SlugSchema } from '../domain/primitives';
import type { Engineer } from '../domain/roster/roster';
import type { Actor } from '../domain/ticket/actor';
import type { EngineerRef } from '../domain/ticket/engineer-ref';
import { ReasonSchema } from '../domain/timeline/event-base';
import type { FieldError } from '../http-edge/problem';
import { commandSchemaOf } from './command-payloads';

export const StaffCommandBodySchema = z
  .discriminatedUnion('type', [
    commandSchemaOf('acknowledge').omit({ actor: true }).strict(),
    commandSchemaOf('respond').omit({ actor: true }).strict(),
    commandSchemaOf('request-info').omit({ actor: true }).strict(),
    commandSchemaOf('internal-note').omit({ actor: true }).strict(),
    HandoffNoteSchema.extend({ type: z.literal('handoff-note') }).strict(),
    commandSchemaOf('change-severity').omit({ actor: true }).strict(),
    z.strictObject({ type: z.literal('escalate-internally'), toEngineerId: SlugSchema, reason: ReasonSchema }),
    z.strictObject({ type: z.literal('assign'), engineerId: SlugSchema }),
    commandSchemaOf('escalate-to-vendor').omit({ actor: true }).strict(),
    commandSchemaOf('record-vendor-case').omit({ actor: true }).strict(),
    commandSchemaOf('vendor-update').omit({ actor: true }).strict(),
    commandSchemaOf('follow-up-vendor').omit({ actor: true }).strict(),
    commandSchemaOf('propose-resolution').omit({ actor: true }).strict(),
    commandSchemaOf('close-not-entitled').omit({ actor: true }).strict(),
    commandSchemaOf('acknowledge-handoff').omit({ actor: true }).strict(),
  ])
  .meta({ id: 'StaffCommand', description: 'A command on the ticket; the actor is the caller.' });
export type StaffCommandBody = z.infer<typeof StaffCommandBodySchema>;
export type StaffCommandName = StaffCommandBody['type'];

export const STAFF_COMMAND_NAMES: readonly StaffCommandName[] = StaffCommandBodySchema.options.map((option) => option.shape.type.value);

/** The domain command a staff command name stands for (a handoff note is an internal note). */
export function domainCommandType(name: StaffCommandName): CommandType {
  return name === 'handoff-note' ? 'internal-note' : name;
}

/** Commands of Baton itself or of the requester: a staff caller naming one is refused by role. */
export function nonStaffCommandType(raw: unknown): CommandType | undefined {
  if (typeof raw !== 'object' || raw === null || !('type' in raw)) return undefined;
  const type = raw.type;
  const known = COMMAND_TYPES.find((candidate) => candidate === type);
  return known !== undefined && !STAFF_COMMAND_NAMES.some((name) => name === known) ? known : undefined;
}

export type StaffCommandBuild = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly errors: FieldError[] };

function engineerRef(engineer: Engineer): EngineerRef {
  return { engineerId: engineer.id, name: engineer.name, email: engineer.email, region: engineer.region };
}

export function staffCommand(body: StaffCommandBody, actor: Actor, engineers: readonly Engineer[]): StaffCommandBuild {
  const onRoster = (id: string): Engineer | undefined => engineers.find((engineer) => engineer.id === id);
  switch (body.type) {
    case 'handoff-note':
      return { ok: true, command: { type: 'internal-note', actor, note: body.summary, nextStep: body.nextStep, tried: body.tried } };
    case 'assign': {
      const engineer = onRoster(body.engineerId);
      if (engineer === undefined) return { ok: false, errors: [{ field: 'engineerId', message: 'is not an engineer on the roster' }] };
      return { ok: true, command: { type: 'assign', actor, engineer: engineerRef(engineer) } };
    }
    case 'escalate-internally': {
      const engineer = onRoster(body.toEngineerId);
      if (engineer === undefined) return { ok: false, errors: [{ field: 'toEngineerId', message: 'is not an engineer on the roster' }] };
      return { ok: true, command: { type: 'escalate-internally', actor, reason: body.reason, to: engineerRef(engineer) } };
    }
    default:
      return { ok: true, command: { ...body, actor } };
  }
}
