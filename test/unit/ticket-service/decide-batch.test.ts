/** The pure heart of applyToTicket: a batch of commands decided all or nothing, and replays recognised. */
import type { Command } from '../../../shared/domain/commands/commands';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket/actor';
import { decideBatch } from '../../../shared/ticket-service/apply-to-ticket';
import { APPLIED_COMMANDS_KEPT, type StoredTicket } from '../../../shared/store/stored-ticket';
import { RECEIVED_AT, sampleOrg, storedTicket } from './ticket-fixtures';

const org = sampleOrg();
const NOW = '2026-11-24T10:05:00.000Z';
const validate: Command = { type: 'start-validation', actor: SYSTEM_ACTOR };
const triage: Command = { type: 'triage', actor: SYSTEM_ACTOR, slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified' };

function replaced(stored: StoredTicket, commands: Command[], commandId?: string): StoredTicket {
  const batch = decideBatch(stored, () => commands, NOW, org, commandId);
  if (batch.mutation.kind !== 'replace') throw new Error(`expected a replacement, got ${batch.mutation.kind}`);
  return batch.mutation.document;
}

describe('deciding a batch of commands', () => {
  it('decides each command against the ticket as the previous one left it', () => {
    const batch = decideBatch(storedTicket(), () => [validate, triage], NOW, org, undefined);
    expect(batch.events.map((event) => event.type)).toEqual(['validation-started', 'ticket-triaged']);
    expect(batch.mutation.kind === 'replace' && batch.mutation.document.status).toBe('triaged');
  });

  it('changes nothing when any command of the batch is refused', () => {
    const batch = decideBatch(storedTicket(), () => [validate, validate], NOW, org, undefined);
    expect(batch.mutation).toEqual({ kind: 'rejected', rejection: { kind: 'domain', rejection: expect.objectContaining({ code: 'invalid-state' }) } });
    expect(batch.events).toEqual([]);
  });

  it('changes nothing when there is nothing to decide, or the domain appends nothing', () => {
    expect(decideBatch(storedTicket(), () => null, NOW, org, undefined).mutation).toEqual({ kind: 'no-change' });
    expect(decideBatch(storedTicket(), () => [], NOW, org, undefined).mutation).toEqual({ kind: 'no-change' });
  });

  it('remembers a command id with the sequences it appended, and recognises it when it comes again', () => {
    const once = replaced(storedTicket(), [validate, triage], 'validate-1');
    expect(once.appliedCommands).toEqual([{ commandId: 'validate-1', firstSequence: 2, lastSequence: 3, at: NOW }]);
    const again = decideBatch(once, () => [validate, triage], NOW, org, 'validate-1');
    expect(again.mutation).toEqual({ kind: 'rejected', rejection: { kind: 'replayed', applied: once.appliedCommands[0] } });
  });

  it('keeps only the most recent command ids, so the document stays small', () => {
    let stored = replaced(storedTicket(), [validate, triage]);
    for (let index = 0; index < APPLIED_COMMANDS_KEPT + 5; index += 1) {
      stored = replaced(stored, [{ type: 'internal-note', actor: { role: 'team-lead', id: 'arjun-mehta' }, note: `note ${index}` }], `note-${index}`);
    }
    expect(stored.appliedCommands).toHaveLength(APPLIED_COMMANDS_KEPT);
    expect(stored.appliedCommands[0]?.commandId).toBe('note-5');
    expect(stored.createdAt).toBe(RECEIVED_AT);
  });
});
