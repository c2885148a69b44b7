import { ActorRole, ActorRoleSchema } from '../../../../shared/domain/primitives';
import { Command, CommandType, COMMAND_TYPES } from '../../../../shared/domain/commands/commands';
import { decide } from '../../../../shared/domain/commands/decide';
import { instantPlus } from '../../../../shared/domain/commands/instants';
import { Actor } from '../../../../shared/domain/ticket/actor';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { minimalBrief } from '../support/handoff-fixtures';
import {
  admin,
  applyAll,
  assignedTicket,
  closedTicket,
  context,
  engineer,
  graceRef,
  investigatingTicket,
  lead,
  lukas,
  maria,
  proposedTicket,
  receivedTicket,
  requester,
  system,
  tam,
  triagedTicket,
  vendor,
} from '../support/ticket-fixtures';

/** The expected matrix, written out independently of the implementation's table. */
const MATRIX = `
  command                    requester engineer team-lead tam admin system vendor
  start-validation           .         .        .         .   .     x      .
  reject                     .         .        .         .   .     x      .
  triage                     .         .        .         .   .     x      .
  assign                     .         .        x         .   x     x      .
  report-no-engineer         .         .        .         .   .     x      .
  acknowledge                .         x        x         .   .     .      .
  respond                    .         x        x         .   x     .      .
  request-info               .         x        x         .   x     .      .
  customer-reply             x         .        .         .   .     .      .
  internal-note              .         x        x         x   x     .      .
  escalate-internally        .         x        x         x   x     x      .
  change-severity            .         x        x         x   x     x      .
  consent-to-downgrade       x         .        .         .   .     .      .
  refuse-downgrade           x         .        .         .   .     .      .
  escalate-to-vendor         .         x        x         .   .     .      .
  record-vendor-case         .         x        x         .   .     x      .
  vendor-update              .         x        x         .   .     x      x
  follow-up-vendor           .         x        x         .   .     x      .
  propose-resolution         .         x        x         .   .     .      .
  confirm-resolution         x         .        .         .   .     .      .
  reject-resolution          x         .        .         .   .     .      .
  send-resolution-reminder   .         .        .         .   .     x      .
  self-close                 x         .        .         .   .     .      .
  auto-close                 .         .        .         .   .     x      .
  close-not-entitled         .         x        x         .   x     x      .
  reopen                     x         .        .         .   .     .      .
  handoff                    .         .        .         .   .     x      .
  acknowledge-handoff        .         x        x         .   .     .      .
  raise-sla-alert            .         .        .         .   .     x      .
  attach-file                x         x        x         x   x     .      .
`;

const [header, ...rows] = MATRIX.trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/));
const ROLES = ActorRoleSchema.array().parse((header ?? []).slice(1));
const EXPECTED = new Map(rows.map(([command = '', ...marks]) => [command, new Map(ROLES.map((role, index) => [role, marks[index] === 'x']))]));

const investigating = investigatingTicket();
const withPendingDowngrade = applyAll(investigating, [{ type: 'change-severity', actor: tam, to: 'B', reason: 'Mail flows again for most users.' }]);
const withVendorRequest = applyAll(investigating, [{ type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend transport logs needed.' }]);
const withVendorCase = applyAll(withVendorRequest, [{ type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '2611230040001234' } }]);
const proposed = proposedTicket();
const handedOff = applyAll(investigating, [{ type: 'handoff', actor: system, toEngineer: lukas, brief: minimalBrief(investigating) }]);

/** For each command: a ticket in which it is legal, the command, and when to issue it. */
function scenario(type: CommandType, actor: Actor): { ticket: Ticket; command: Command; at: string } {
  const later = (ticket: Ticket, days = 0) => instantPlus(ticket.updatedAt, { days, hours: 0.1 });
  const on = (ticket: Ticket, command: Command, days = 0) => ({ ticket, command, at: later(ticket, days) });
  switch (type) {
    case 'start-validation':
      return on(receivedTicket(), { type, actor });
    case 'reject':
      return on(applyAll(receivedTicket(), [{ type: 'start-validation', actor: system }]), { type, actor, reasons: [{ code: 'no-contract', message: 'No contract.' }] });
    case 'triage':
      return on(applyAll(receivedTicket(), [{ type: 'start-validation', actor: system }]), { type, actor, slaPolicyId: 'p', queueId: 'q', contractId: 'c' });
    case 'assign':
      return on(triagedTicket(), { type, actor, engineer: maria });
    case 'report-no-engineer':
      return on(triagedTicket(), { type, actor, queueId: 'collaboration', reason: 'Nobody on shift has the skill.' });
    case 'acknowledge':
      return on(assignedTicket(), { type, actor, message: 'On it.' });
    case 'respond':
    case 'request-info':
    case 'customer-reply':
      return on(investigating, { type, actor, message: 'A message.' });
    case 'internal-note':
      return on(investigating, { type, actor, note: 'A note.' });
    case 'escalate-internally':
      return on(investigating, { type, actor, reason: 'Three handoffs without progress.', to: graceRef });
    case 'change-severity':
      return on(investigating, { type, actor, to: 'B', reason: 'Impact is now partial.' });
    case 'consent-to-downgrade':
    case 'refuse-downgrade':
      return on(withPendingDowngrade, { type, actor });
    case 'escalate-to-vendor':
      return on(investigating, { type, actor, justification: 'Backend logs needed.' });
    case 'record-vendor-case':
      return on(withVendorRequest, { type, actor, outcome: { status: 'opened', caseId: '1' } });
    case 'vendor-update':
      return on(withVendorCase, { type, actor, note: 'Investigating.', status: 'investigating' });
    case 'follow-up-vendor':
      return on(withVendorCase, { type, actor });
    case 'propose-resolution':
      return on(investigating, { type, actor, summary: 'Fixed.' });
    case 'confirm-resolution':
      return on(proposed, { type, actor });
    case 'reject-resolution':
      return on(proposed, { type, actor, reason: 'Still broken.' });
    case 'send-resolution-reminder':
      return on(proposed, { type, actor }, 3);
    case 'self-close':
      return on(investigating, { type, actor, solution: 'Fixed it ourselves.' });
    case 'auto-close':
      return on(proposed, { type, actor }, 7);
    case 'close-not-entitled':
      return on(investigating, { type, actor, explanation: 'On-premises without the add-on.' });
    case 'reopen':
      return on(closedTicket(), { type, actor, reason: 'It broke again.' });
    case 'handoff':
      return on(investigating, { type, actor, toEngineer: lukas, brief: minimalBrief(investigating) });
    case 'acknowledge-handoff':
      return on(handedOff, { type, actor });
    case 'raise-sla-alert':
      return on(investigating, { type, actor, alert: { kind: 'warning', metric: 'first-response', cycleId: 'c1', key: 'k1', dueAt: investigating.updatedAt } });
    case 'attach-file':
      return on(investigating, {
        type,
        actor,
        attachment: { id: 'a'.repeat(24), name: 'sign-in.log', size: 10, kind: 'text', contentType: 'text/plain; charset=utf-8', sha256: '0'.repeat(64), uploadedAt: investigating.updatedAt, uploadedBy: actor, visibility: 'requester' },
        limits: { maxFileBytes: 1000, maxTicketBytes: 1000, maxFilesPerTicket: 5 },
      });
  }
}

function actorFor(role: ActorRole, type: CommandType): Actor {
  const actors: Record<ActorRole, Actor> = { requester, engineer: engineer(type === 'acknowledge-handoff' ? lukas : maria), 'team-lead': lead, tam, admin, system, vendor };
  return actors[role];
}

describe('role matrix', () => {
  it('covers every command', () => {
    expect([...EXPECTED.keys()].sort()).toEqual([...COMMAND_TYPES].sort());
  });

  const cases = COMMAND_TYPES.flatMap((type) => ROLES.map((role) => [type, role, EXPECTED.get(type)?.get(role) === true] as const));

  it.each(cases)('%s by %s: allowed = %s', (type, role, allowed) => {
    const { ticket, command, at } = scenario(type, actorFor(role, type));
    const decision = decide(ticket, command, at, context);
    if (allowed) {
      expect(decision).toMatchObject({ ok: true });
    } else {
      expect(decision).toMatchObject({ ok: false, rejection: { code: 'forbidden' } });
    }
  });
});

describe('who the actor is, beyond their role', () => {
  it('keeps engineers off tickets assigned to someone else', () => {
    const decision = decide(investigating, { type: 'respond', actor: engineer(lukas), message: 'Hi' }, investigating.updatedAt, context);
    expect(decision).toMatchObject({ ok: false, rejection: { code: 'forbidden', message: expect.stringMatching(/assigned engineer/) } });
  });

  it('still lets any engineer add an internal note or raise severity on a colleague’s ticket', () => {
    expect(decide(investigating, { type: 'internal-note', actor: engineer(lukas), note: 'Seen this before: check the SPF record.' }, investigating.updatedAt, context).ok).toBe(true);
  });

  it('keeps other requesters off the ticket', () => {
    const stranger: Actor = { role: 'requester', id: 'mallory@contoso.com' };
    const decision = decide(proposed, { type: 'confirm-resolution', actor: stranger }, proposed.updatedAt, context);
    expect(decision).toMatchObject({ ok: false, rejection: { code: 'forbidden' } });
  });

  it('recognises the requester whatever the case of their address', () => {
    const decision = decide(proposed, { type: 'confirm-resolution', actor: { role: 'requester', id: 'AOIFE.BYRNE@contoso.com' } }, proposed.updatedAt, context);
    expect(decision.ok).toBe(true);
  });
});
