import { attachmentFor, attachmentsFor } from '../../../../shared/domain/attachments/attachment-access';
import type { Attachment } from '../../../../shared/domain/attachments/attachment';
import { decide } from '../../../../shared/domain/commands/decide';
import { instantPlus } from '../../../../shared/domain/commands/instants';
import type { Actor } from '../../../../shared/domain/ticket/actor';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { EVENT_VISIBILITY } from '../../../../shared/domain/timeline/timeline-event';
import { apply, closedTicket, context, engineer, investigatingTicket, maria, requester } from '../support/ticket-fixtures';

const limits = { maxFileBytes: 1000, maxTicketBytes: 1500, maxFilesPerTicket: 3 };

function attachment(id: string, by: Actor, overrides: Partial<Attachment> = {}): Attachment {
  return {
    id: id.padEnd(24, '0'),
    name: `${id}.log`,
    size: 400,
    kind: 'text',
    contentType: 'text/plain; charset=utf-8',
    sha256: 'b'.repeat(64),
    uploadedAt: '2026-11-23T15:00:00.000Z',
    uploadedBy: by,
    visibility: 'requester',
    ...overrides,
  };
}

function attach(ticket: Ticket, file: Attachment, actor: Actor = file.uploadedBy) {
  return decide(ticket, { type: 'attach-file', actor, attachment: file, limits }, instantPlus(ticket.updatedAt, { hours: 0.1 }), context);
}

function withFile(ticket: Ticket, file: Attachment): Ticket {
  return apply(ticket, { type: 'attach-file', actor: file.uploadedBy, attachment: file, limits }, instantPlus(ticket.updatedAt, { hours: 0.1 }));
}

describe('attaching a file to a ticket', () => {
  const ticket = investigatingTicket();
  const maríaActs = engineer(maria);

  it('records the requester’s file on the timeline they read, and in the ticket', () => {
    const file = attachment('a1', requester);
    const decision = attach(ticket, file);
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'attachment-added', visibility: 'customer', attachment: file, actor: requester }] });
    expect(withFile(ticket, file).attachments).toEqual([file]);
  });

  it('keeps a file staff mark internal off the requester’s timeline', () => {
    const decision = attach(ticket, attachment('a2', maríaActs, { visibility: 'internal' }));
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'internal-attachment-added', visibility: 'internal' }] });
    expect(EVENT_VISIBILITY['internal-attachment-added']).toBe('internal');
  });

  it('never lets a requester hide their own file from themselves', () => {
    expect(attach(ticket, attachment('a3', requester, { visibility: 'internal' }))).toEqual({
      ok: false,
      rejection: { code: 'forbidden', message: 'a requester cannot attach an internal file' },
    });
  });

  it('takes each file once', () => {
    const file = attachment('a4', requester);
    expect(attach(withFile(ticket, file), file)).toMatchObject({ ok: false, rejection: { code: 'invalid-command', message: 'this file is already attached' } });
  });

  it('refuses a file past the ticket’s limits, naming it', () => {
    const full = [attachment('b1', requester), attachment('b2', requester), attachment('b3', requester, { size: 100 })].reduce(withFile, ticket);
    expect(attach(full, attachment('b4', requester, { size: 1 }))).toMatchObject({ ok: false, rejection: { message: 'b4.log the ticket already has 3 files, the most it may carry' } });
    const heavy = [attachment('c1', requester, { size: 1000 })].reduce(withFile, ticket);
    expect(attach(heavy, attachment('c2', requester, { size: 600 }))).toMatchObject({ ok: false, rejection: { code: 'invalid-command' } });
  });

  it('takes no file on a closed ticket', () => {
    expect(attach(closedTicket(), attachment('d1', requester))).toMatchObject({ ok: false, rejection: { code: 'invalid-state' } });
  });
});

describe('who sees a ticket’s files', () => {
  const shared = attachment('e1', requester);
  const internal = attachment('e2', engineer(maria), { visibility: 'internal' });
  const ticket = [shared, internal].reduce(withFile, investigatingTicket());

  it('shows staff every file and the requester only the shared ones', () => {
    expect(attachmentsFor(ticket, 'staff')).toEqual([shared, internal]);
    expect(attachmentsFor(ticket, 'requester')).toEqual([shared]);
  });

  it('finds an internal file for staff and nothing for the requester', () => {
    expect(attachmentFor(ticket, internal.id, 'staff')).toEqual(internal);
    expect(attachmentFor(ticket, internal.id, 'requester')).toBeUndefined();
  });

  it('finds none on a ticket that has never had a file', () => {
    expect(attachmentsFor({}, 'staff')).toEqual([]);
    expect(attachmentsFor({}, 'requester')).toEqual([]);
  });

  it('finds nothing for an id of another ticket', () => {
    const other = withFile(investigatingTicket(), attachment('f1', requester));
    const foreignId = attachmentsFor(other, 'staff')[0]?.id ?? '';
    expect(attachmentFor(ticket, foreignId, 'staff')).toBeUndefined();
    expect(attachmentFor(ticket, foreignId, 'requester')).toBeUndefined();
  });
});
