/**
 * The domain's own schema of each command, picked out of `CommandSchema` by type, so the API's
 * request bodies are the domain's command fields (minus the actor, which always comes from the
 * caller's credential) rather than a second copy that could drift.
 */
import type { z } from 'zod';
import { CommandSchema, type CommandType } from '../domain/commands/commands';

type CommandOption = (typeof CommandSchema.options)[number];
export type CommandOptionOf<Type extends CommandType> = Extract<CommandOption, { shape: { type: z.ZodLiteral<Type> } }>;

/** Call `.omit({ actor: true })` on the result where the type is concrete. */
export function commandSchemaOf<Type extends CommandType>(type: Type): CommandOptionOf<Type> {
  const option = CommandSchema.options.find((candidate): candidate is CommandOptionOf<Type> => candidate.shape.type.value === type);
  if (option === undefined) throw new Error(`the domain has no "${type}" command`);
  return option;
}
