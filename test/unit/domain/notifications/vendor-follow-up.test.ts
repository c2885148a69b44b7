import { instantPlus } from '../../../../shared/domain/commands/instants';
import { NotificationSchema, type Notification } from '../../../../shared/domain/notifications/notification';
import { notificationContextFor } from '../../../../shared/domain/notifications/notification-context';
import { notificationsFor } from '../../../../shared/domain/notifications/notifications-for';
import { VendorFollowUpFactsSchema, vendorFollowUpFacts } from '../../../../shared/domain/notifications/vendor-follow-up';
import type { Command } from '../../../../shared/domain/commands/commands';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { sampleOrg } from '../support/org-fixtures';
import { apply, applyAll, engineer, investigatingTicket, maria, system, vendor } from '../support/ticket-fixtures';

const org = sampleOrg();
const CASE_ID = '2611230040001234';
const UNREACHABLE = 'The vendor could not be reached: vendor answered 503';

/** A ticket whose vendor case is open; built inside each test, so that it carries the code under test as it is then. */
function openedCase(): Ticket {
  return applyAll(investigatingTicket(), [
    { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend transport logs are needed.' },
    { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: CASE_ID } },
  ]);
}
const openedAt = (ticket: Ticket): string => ticket.vendorCase?.openedAt ?? '';
const hoursAfterOpening = (ticket: Ticket, hours: number): string => instantPlus(openedAt(ticket), { hours });

function followedUp(ticket: Ticket, command: Command, at: string): { ticket: Ticket; notifications: Notification[] } {
  const after = apply(ticket, command, at);
  const event = after.timeline.at(-1);
  return { ticket: after, notifications: event === undefined ? [] : notificationsFor(after, event, notificationContextFor(after, org)) };
}

describe("the reminder of Baton's vendor follow-up", () => {
  /** Baton follows the case up twice: four hours after it opened, then eight, when the vendor could not be read. */
  function twoFollowUps() {
    const opened = openedCase();
    const first = followedUp(opened, { type: 'follow-up-vendor', actor: system }, hoursAfterOpening(opened, 4));
    const second = followedUp(first.ticket, { type: 'follow-up-vendor', actor: system, note: UNREACHABLE }, hoursAfterOpening(opened, 8));
    return { opened, first, second };
  }

  it('goes to the assigned engineer alone, with the case and how long it has been quiet', () => {
    const { opened, first } = twoFollowUps();
    expect(first.notifications).toHaveLength(1);
    const [reminder] = first.notifications;
    expect(NotificationSchema.parse(reminder)).toMatchObject({
      template: 'vendor-follow-up',
      to: [{ role: 'engineer', email: maria.email, name: maria.name }],
      ticketNumber: opened.ticketNumber,
    });
    expect(VendorFollowUpFactsSchema.parse(reminder?.data)).toEqual({ caseId: CASE_ID, vendorStatus: 'open', quietSince: openedAt(opened) });
    const event = first.ticket.timeline.at(-1);
    const facts = event?.type === 'vendor-followed-up' ? vendorFollowUpFacts(first.ticket, event) : undefined;
    expect(facts !== undefined && 'unreachable' in facts).toBe(false);
  });

  it('counts the quiet from the last contact with the vendor, and says when the vendor could not be read', () => {
    const { opened, second } = twoFollowUps();
    expect(second.notifications.map((reminder) => VendorFollowUpFactsSchema.parse(reminder.data))).toEqual([{ caseId: CASE_ID, vendorStatus: 'open', quietSince: hoursAfterOpening(opened, 4), unreachable: UNREACHABLE }]);
  });

  it('counts a vendor update as contact, and reports the status it left', () => {
    const opened = openedCase();
    const updated = apply(opened, { type: 'vendor-update', actor: vendor, note: 'Collecting backend logs.', status: 'investigating' }, hoursAfterOpening(opened, 2));
    const { notifications } = followedUp(updated, { type: 'follow-up-vendor', actor: system }, hoursAfterOpening(opened, 6));
    expect(notifications.map((reminder) => VendorFollowUpFactsSchema.parse(reminder.data))).toEqual([{ caseId: CASE_ID, vendorStatus: 'investigating', quietSince: hoursAfterOpening(opened, 2) }]);
  });

  it('counts the quiet from the latest of several contacts', () => {
    const opened = openedCase();
    const updated = apply(opened, { type: 'vendor-update', actor: vendor, note: 'Collecting backend logs.', status: 'investigating' }, hoursAfterOpening(opened, 2));
    const chased = followedUp(updated, { type: 'follow-up-vendor', actor: system }, hoursAfterOpening(opened, 6));
    const { notifications } = followedUp(chased.ticket, { type: 'follow-up-vendor', actor: system }, hoursAfterOpening(opened, 10));
    expect(notifications.map((reminder) => VendorFollowUpFactsSchema.parse(reminder.data).quietSince)).toEqual([hoursAfterOpening(opened, 6)]);
  });

  it('has one message id per follow-up cycle, the same whenever it is recomputed', () => {
    const { first, second } = twoFollowUps();
    const firstId = first.notifications[0]?.messageId;
    const secondId = second.notifications[0]?.messageId;
    expect(firstId).toEqual(expect.any(String));
    expect(secondId).not.toBe(firstId);
    const event = first.ticket.timeline.at(-1);
    const again = event === undefined ? [] : notificationsFor(first.ticket, event, notificationContextFor(first.ticket, org));
    expect(again.map((reminder) => reminder.messageId)).toEqual([firstId]);
  });

  it('is not sent when the engineer follows the case up themselves', () => {
    const opened = openedCase();
    const { notifications } = followedUp(opened, { type: 'follow-up-vendor', actor: engineer(maria), note: 'Called the vendor for an ETA.' }, hoursAfterOpening(opened, 1));
    expect(notifications).toEqual([]);
  });

  it('says nothing of a case the ticket does not have', () => {
    const { first } = twoFollowUps();
    const event = first.ticket.timeline.at(-1);
    expect(event?.type === 'vendor-followed-up' ? vendorFollowUpFacts(investigatingTicket(), event) : 'no follow-up').toBeUndefined();
  });
});
