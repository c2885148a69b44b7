/**
 * Which command forms the console offers a person on a ticket, and which choices of a select the
 * domain would take: found by asking `decide` itself with a sample of each command, built exactly
 * as the staff command path builds it (the same body schema, actor and roster), rather than
 * re-stating the role matrix and its rules here. The server still decides every post.
 */
import type { StaffPrincipal } from '../../../auth/staff-token';
import { decide } from '../../../domain/commands/decide';
import type { OrgConfig } from '../../../domain/org/org-config';
import { SeveritySchema, type Instant } from '../../../domain/primitives';
import type { Ticket } from '../../../domain/ticket/ticket';
import { staffActor } from '../../../http-api/staff-actor';
import { domainCommandType, staffCommand, StaffCommandBodySchema, STAFF_COMMAND_NAMES, type StaffCommandName } from '../../../http-api/staff-command-body';

export interface OfferedCommand {
  readonly name: StaffCommandName;
  /** For the form's select that the domain's rules narrow (new severity, assignee): the values it would take. */
  readonly acceptedChoices?: readonly string[];
}

/** Long enough for any text a command asks for (a reason needs three characters). */
const SAMPLE_TEXT = 'Checking whether this command is open';

interface Sample {
  /** The value of the narrowed select this sample stands for. */
  readonly choice?: string;
  readonly body: Record<string, unknown>;
}

function samplesOf(name: StaffCommandName, org: OrgConfig): readonly Sample[] {
  const engineerIds = org.roster.engineers.map((engineer) => engineer.id);
  switch (name) {
    case 'acknowledge':
    case 'respond':
    case 'request-info':
      return [{ body: { message: SAMPLE_TEXT } }];
    case 'internal-note':
      return [{ body: { note: SAMPLE_TEXT } }];
    case 'handoff-note':
      return [{ body: { summary: SAMPLE_TEXT, nextStep: SAMPLE_TEXT } }];
    case 'change-severity':
      return SeveritySchema.options.map((to) => ({ choice: to, body: { to, reason: SAMPLE_TEXT } }));
    case 'escalate-internally':
      return engineerIds.slice(0, 1).map((toEngineerId) => ({ body: { toEngineerId, reason: SAMPLE_TEXT } }));
    case 'assign':
      return engineerIds.map((engineerId) => ({ choice: engineerId, body: { engineerId } }));
    case 'escalate-to-vendor':
      return [{ body: { justification: SAMPLE_TEXT } }];
    case 'record-vendor-case':
      return [{ body: { outcome: { status: 'failed', reason: SAMPLE_TEXT } } }];
    case 'vendor-update':
      return [{ body: { note: SAMPLE_TEXT, status: 'investigating' } }];
    case 'follow-up-vendor':
    case 'acknowledge-handoff':
      return [{ body: {} }];
    case 'propose-resolution':
      return [{ body: { summary: SAMPLE_TEXT } }];
    case 'close-not-entitled':
      return [{ body: { explanation: SAMPLE_TEXT } }];
  }
}

function wouldAccept(ticket: Ticket, principal: StaffPrincipal, org: OrgConfig, now: Instant, name: StaffCommandName, sample: Sample): boolean {
  const body = StaffCommandBodySchema.safeParse({ type: name, ...sample.body });
  if (!body.success) return false;
  const engineers = org.roster.engineers;
  const built = staffCommand(body.data, staffActor(principal, domainCommandType(name), engineers), engineers);
  return built.ok && decide(ticket, built.command, now, { lifecycle: org.lifecycle }).ok;
}

/** The commands `decide` would take from this person on this ticket now, in the API schema's order. */
export function offeredCommands(ticket: Ticket, principal: StaffPrincipal, org: OrgConfig, now: Instant): OfferedCommand[] {
  return STAFF_COMMAND_NAMES.flatMap((name): OfferedCommand[] => {
    const accepted = samplesOf(name, org).filter((sample) => wouldAccept(ticket, principal, org, now, name, sample));
    if (accepted.length === 0) return [];
    const choices = accepted.flatMap((sample) => (sample.choice === undefined ? [] : [sample.choice]));
    return [choices.length === 0 ? { name } : { name, acceptedChoices: choices }];
  });
}
