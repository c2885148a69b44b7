/**
 * The role matrix: who may issue each command. A downgrade is never the requester's to impose on
 * themselves by accident, nor anyone else's to impose on the requester: only consent lowers.
 */
import { ActorRole } from '../primitives';
import { CommandType } from './commands';

const AGENTS: readonly ActorRole[] = ['engineer', 'team-lead', 'admin'];

export const COMMAND_ROLES: Readonly<Record<CommandType, readonly ActorRole[]>> = {
  'start-validation': ['system'],
  reject: ['system'],
  triage: ['system'],
  assign: ['system', 'team-lead', 'admin'],
  'report-no-engineer': ['system'],
  acknowledge: ['engineer', 'team-lead'],
  respond: AGENTS,
  'request-info': AGENTS,
  'customer-reply': ['requester'],
  'internal-note': [...AGENTS, 'tam'],
  'escalate-internally': [...AGENTS, 'tam', 'system'],
  // The system may only propose (the Sev A without 24x7 rule); raising is for people with a reason.
  'change-severity': [...AGENTS, 'tam', 'system'],
  'consent-to-downgrade': ['requester'],
  'refuse-downgrade': ['requester'],
  'escalate-to-vendor': ['engineer', 'team-lead'],
  'record-vendor-case': ['system', 'engineer', 'team-lead'],
  'vendor-update': ['vendor', 'system', 'engineer', 'team-lead'],
  'follow-up-vendor': ['system', 'engineer', 'team-lead'],
  'propose-resolution': ['engineer', 'team-lead'],
  'confirm-resolution': ['requester'],
  'reject-resolution': ['requester'],
  'send-resolution-reminder': ['system'],
  'self-close': ['requester'],
  'auto-close': ['system'],
  'close-not-entitled': ['system', 'engineer', 'team-lead', 'admin'],
  reopen: ['requester'],
  handoff: ['system'],
  'acknowledge-handoff': ['engineer', 'team-lead'],
  'raise-sla-alert': ['system'],
  'attach-file': ['requester', ...AGENTS, 'tam'],
};

/** For these, an engineer must be the ticket's assignee; team leads and admins act for anyone. */
export const ASSIGNEE_ONLY_FOR_ENGINEERS: readonly CommandType[] = [
  'acknowledge',
  'respond',
  'request-info',
  'escalate-to-vendor',
  'record-vendor-case',
  'vendor-update',
  'follow-up-vendor',
  'propose-resolution',
  'close-not-entitled',
  'acknowledge-handoff',
];

export function mayIssue(role: ActorRole, command: CommandType): boolean {
  return COMMAND_ROLES[command].includes(role);
}
