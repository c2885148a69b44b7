/**
 * A ticket in which every string a person typed (requester, engineers, vendor) is an HTML attack
 * naming its field, and an event of the right type for each template, for the escaping specs.
 */
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import type { TimelineEvent } from '../../../../shared/domain/timeline/timeline-event';
import type { TemplateName } from '../../../../shared/email/templates/template-names';
import { writtenEventFor, writtenTicket } from './written-ticket';

export { AT } from './written-ticket';

/** The attack, tagged with the field it was typed into, so a leak says where it came from. */
export function attack(field: string): string {
  return `<script>alert("${field}")</script><img src=x onerror="alert('${field}')">`;
}

export function escaped(field: string): string {
  return `&lt;script&gt;alert(&quot;${field}&quot;)&lt;/script&gt;`;
}

export function hostileTicket(): Ticket {
  return writtenTicket(attack);
}

export function eventFor(template: TemplateName, ticket: Ticket): TimelineEvent {
  return writtenEventFor(template, ticket, attack);
}
