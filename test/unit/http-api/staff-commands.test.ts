import { actingRole, rosterEngineerOf, staffActor } from '../../../shared/http-api/staff-actor';
import { nonStaffCommandType, staffCommand, StaffCommandBodySchema, STAFF_COMMAND_NAMES } from '../../../shared/http-api/staff-command-body';
import type { StaffPrincipal } from '../../../shared/auth/staff-token';
import { mayIssue } from '../../../shared/domain/commands/command-roles';
import { CommandSchema } from '../../../shared/domain/commands/commands';
import { OrgConfigSchema } from '../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';

const engineers = OrgConfigSchema.parse(sampleOrgConfig).roster.engineers;
const maria: StaffPrincipal = { id: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', roles: ['engineer'] };

describe('who a staff member acts as', () => {
  it('is their roster engineer when the token identity (oid, else sub) is the roster id', () => {
    expect(staffActor(maria, 'acknowledge', engineers)).toEqual({ role: 'engineer', id: 'maria-garcia', name: 'María García' });
  });

  it('is never a roster engineer because the token carries that engineer\'s email', () => {
    const lookalike: StaffPrincipal = { id: '6f1c0b2e-other-oid', name: 'María García', email: 'Maria.Garcia@css.example', roles: ['engineer'] };
    expect(rosterEngineerOf(lookalike, engineers)).toBeUndefined();
    expect(staffActor(lookalike, 'acknowledge', engineers)).toEqual({ role: 'engineer', id: '6f1c0b2e-other-oid', name: 'María García' });
  });

  it('is the engineer whose directory id (Entra oid) the token carries, and then not by the roster id', () => {
    const oid = '0b7c9f4e-5d1a-4c38-9a61-2f3e8d7c6b5a';
    const withDirectoryIds = engineers.map((engineer) => (engineer.id === 'maria-garcia' ? { ...engineer, directoryId: oid } : engineer));
    expect(rosterEngineerOf({ ...maria, id: oid }, withDirectoryIds)?.id).toBe('maria-garcia');
    expect(rosterEngineerOf(maria, withDirectoryIds)).toBeUndefined();
  });

  it('is the token identity for people who are not on the roster (TAMs, admins)', () => {
    const tam: StaffPrincipal = { id: 'tam-oid', name: 'Tom Reyes', email: 'tom.reyes@css.example', roles: ['tam'] };
    expect(staffActor(tam, 'internal-note', engineers)).toEqual({ role: 'tam', id: 'tam-oid', name: 'Tom Reyes' });
  });

  it('uses the broadest role the matrix allows for the command', () => {
    expect(actingRole(['engineer', 'team-lead'], 'acknowledge')).toBe('team-lead');
    expect(actingRole(['tam', 'engineer'], 'propose-resolution')).toBe('engineer');
    expect(actingRole(['tam', 'admin'], 'assign')).toBe('admin');
  });

  it('falls back to a role held, so the domain refuses with its own reason', () => {
    expect(actingRole(['tam'], 'acknowledge')).toBe('tam');
    expect(mayIssue(actingRole(['tam'], 'acknowledge'), 'acknowledge')).toBe(false);
  });
});

describe('the staff command body', () => {
  const actor = { role: 'engineer' as const, id: 'maria-garcia', name: 'María García' };

  it('offers every command staff may issue and nothing reserved to Baton or the requester', () => {
    for (const name of STAFF_COMMAND_NAMES) {
      const type = name === 'handoff-note' ? 'internal-note' : name;
      expect((['engineer', 'team-lead', 'tam', 'admin'] as const).some((role) => mayIssue(role, type))).toBe(true);
    }
    expect(STAFF_COMMAND_NAMES).not.toContain('confirm-resolution');
    expect(STAFF_COMMAND_NAMES).not.toContain('raise-sla-alert');
  });

  it('recognises commands reserved to others, so they can be refused by role', () => {
    expect(nonStaffCommandType({ type: 'confirm-resolution' })).toBe('confirm-resolution');
    expect(nonStaffCommandType({ type: 'triage' })).toBe('triage');
    expect(nonStaffCommandType({ type: 'acknowledge' })).toBeUndefined();
    expect(nonStaffCommandType({ type: 'teleport' })).toBeUndefined();
    expect(nonStaffCommandType('acknowledge')).toBeUndefined();
  });

  it('refuses an actor in the body: the caller is the actor', () => {
    const parsed = StaffCommandBodySchema.safeParse({ type: 'respond', message: 'Hello', actor: { role: 'admin' } });
    expect(parsed.success).toBe(false);
  });

  it('turns a handoff note into the internal note with a next step that the shift-end brief reads', () => {
    const body = StaffCommandBodySchema.parse({ type: 'handoff-note', summary: 'Policy compared', nextStep: 'Call the customer at 09:00' });
    const built = staffCommand(body, actor, engineers);
    expect(built).toEqual({ ok: true, command: { type: 'internal-note', actor, note: 'Policy compared', nextStep: 'Call the customer at 09:00', tried: [] } });
    if (built.ok) expect(CommandSchema.safeParse(built.command).success).toBe(true);
  });

  it('names engineers by roster id and fills in the rest from the roster', () => {
    const body = StaffCommandBodySchema.parse({ type: 'escalate-internally', toEngineerId: 'grace-okafor', reason: 'Needs a lead' });
    const built = staffCommand(body, actor, engineers);
    expect(built.ok && built.command).toMatchObject({ type: 'escalate-internally', to: { engineerId: 'grace-okafor', email: 'grace.okafor@css.example', region: 'EMEA' } });
  });

  it('answers an engineer who is not on the roster with a field error', () => {
    const body = StaffCommandBodySchema.parse({ type: 'assign', engineerId: 'nobody-here' });
    expect(staffCommand(body, actor, engineers)).toEqual({ ok: false, errors: [{ field: 'engineerId', message: 'is not an engineer on the roster' }] });
  });

  it('passes the other commands through with the caller as actor', () => {
    const body = StaffCommandBodySchema.parse({ type: 'change-severity', to: 'A', reason: 'Whole company down' });
    expect(staffCommand(body, actor, engineers)).toEqual({ ok: true, command: { type: 'change-severity', to: 'A', reason: 'Whole company down', actor } });
  });
});
