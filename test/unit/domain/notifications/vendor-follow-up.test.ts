import { instantPlus } from '../../../../shared/domain/commands/instants';
import { NotificationSchema, type Notification } from '../../../../shared/domain/notifications/notification';
import { notificationContextFor } from '../../../../shared/domain/notifications/notification-context';
import { notificationsFor } from '../../../../shared/domain/notifications/notifications-for';
import { VendorFollowUpFactsSchema } from '../../../../shared/domain/notifications/vendor-follow-up';
import type { Command } from '../../../../shared/domain/commands/commands';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { sampleOrg } from '../support/org-fixtures';
import { apply, applyAll, engineer, investigatingTicket, maria, system, vendor } from '../support/ticket-fixtures';

const org = sampleOrg();
const CASE_ID = '2611230040001234';
const UNREACHABLE = 'The vendor could not be reached: vendor answered 503';

const opened = applyAll(investigatingTicket(), [
  { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend transport logs are needed.' },
  { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: CASE_ID } },
]);
const openedAt = opened.vendorCase?.openedAt ?? '';
const hoursAfterOpening = (hours: number): string => instantPlus(openedAt, { hours });

function followedUp(ticket: Ticket, command: Command, at: string): { ticket: Ticket; notifications: Notification[] } {
  const after = apply(ticket, command, at);
  const event = after.timeline.at(-1);
  return { ticket: after, notifications: event === undefined ? [] : notificationsFor(after, event, notificationContextFor(after, org)) };
}

describe("the reminder of Baton's vendor follow-up", () => {
  const first = followedUp(opened, { type: 'follow-up-vendor', actor: system }, hoursAfterOpening(4));
  const second = followedUp(first.ticket, { type: 'follow-up-vendor', actor: system, note: UNREACHABLE }, hoursAfterOpening(8));

  it('goes to the assigned engineer alone, with the case and how long it has been quiet', () => {
    expect(first.notifications).toHaveLength(1);
    const [reminder] = first.notifications;
    expect(NotificationSchema.parse(reminder)).toMatchObject({
      template: 'vendor-follow-up',
      to: [{ role: 'engineer', email: maria.email, name: maria.name }],
      ticketNumber: opened.ticketNumber,
    });
    expect(VendorFollowUpFactsSchema.parse(reminder?.data)).toEqual({ caseId: CASE_ID, vendorStatus: 'open', quietSince: openedAt });
  });

  it('counts the quiet from the last contact with the vendor, and says when the vendor could not be read', () => {
    expect(second.notifications.map((reminder) => VendorFollowUpFactsSchema.parse(reminder.data))).toEqual([{ caseId: CASE_ID, vendorStatus: 'open', quietSince: hoursAfterOpening(4), unreachable: UNREACHABLE }]);
  });

  it('counts a vendor update as contact, and reports the status it left', () => {
    const updated = apply(opened, { type: 'vendor-update', actor: vendor, note: 'Collecting backend logs.', status: 'investigating' }, hoursAfterOpening(2));
    const { notifications } = followedUp(updated, { type: 'follow-up-vendor', actor: system }, hoursAfterOpening(6));
    expect(notifications.map((reminder) => VendorFollowUpFactsSchema.parse(reminder.data))).toEqual([{ caseId: CASE_ID, vendorStatus: 'investigating', quietSince: hoursAfterOpening(2) }]);
  });

  it('has one message id per follow-up cycle, the same whenever it is recomputed', () => {
    const firstId = first.notifications[0]?.messageId;
    const secondId = second.notifications[0]?.messageId;
    expect(firstId).toEqual(expect.any(String));
    expect(secondId).not.toBe(firstId);
    const event = first.ticket.timeline.at(-1);
    const again = event === undefined ? [] : notificationsFor(first.ticket, event, notificationContextFor(first.ticket, org));
    expect(again.map((reminder) => reminder.messageId)).toEqual([firstId]);
  });

  it('is not sent when the engineer follows the case up themselves', () => {
    const { notifications } = followedUp(opened, { type: 'follow-up-vendor', actor: engineer(maria), note: 'Called the vendor for an ETA.' }, hoursAfterOpening(1));
    expect(notifications).toEqual([]);
  });
});
