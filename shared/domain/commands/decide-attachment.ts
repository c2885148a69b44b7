/**
 * A file joins the ticket: once per id, within the limits, and internal only when staff say so.
 * The requester's files are always theirs to see; hiding one from its own sender would be a lie.
 */
import { attachmentLimitVerdict } from '../attachments/attachment-limits';
import type { Ticket } from '../ticket/ticket';
import type { CommandOf } from './commands';
import { accepted, rejected, type Verdict } from './decision';

export function decideAttachment(ticket: Ticket, command: CommandOf<'attach-file'>): Verdict {
  const { attachment, limits } = command;
  // Stryker disable next-line ArrayDeclaration: a stray element has no id, so no file matches it
  const existing = ticket.attachments ?? [];
  if (existing.some((known) => known.id === attachment.id)) return rejected('invalid-command', 'this file is already attached');
  if (command.actor.role === 'requester' && attachment.visibility === 'internal') {
    return rejected('forbidden', 'a requester cannot attach an internal file');
  }
  const limit = attachmentLimitVerdict(existing, attachment.size, limits);
  if (!limit.ok) return rejected('invalid-command', `${attachment.name} ${limit.reason}`);
  return accepted({ type: attachment.visibility === 'internal' ? 'internal-attachment-added' : 'attachment-added', attachment });
}
