import fc from 'fast-check';
import { decide } from '../../../../shared/domain/commands/decide';
import { evolve } from '../../../../shared/domain/commands/evolve';
import { instantPlus } from '../../../../shared/domain/commands/instants';
import { ticketFromTimeline } from '../../../../shared/domain/commands/evolve';
import { Notification, NotificationSchema } from '../../../../shared/domain/notifications/notification';
import { NotificationContext, notificationContextFor } from '../../../../shared/domain/notifications/notification-context';
import { notificationsFor } from '../../../../shared/domain/notifications/notifications-for';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { TimelineEvent } from '../../../../shared/domain/timeline/timeline-event';
import { candidateCommands } from '../support/command-catalogue';
import { minimalBrief } from '../support/handoff-fixtures';
import { sampleOrg } from '../support/org-fixtures';
import { apply, applyAll, context, engineer, lead, investigatingTicket, lukas, maria, receivedTicket, requester, system, triagedTicket } from '../support/ticket-fixtures';

const org = sampleOrg();

/** Notifications for the last event of a ticket, in the sample organisation. */
function lastNotifications(ticket: Ticket): Notification[] {
  const event = ticket.timeline.at(-1);
  return event ? notificationsFor(ticket, event, notificationContextFor(ticket, org)) : [];
}

function summary(notifications: readonly Notification[]): string[] {
  return notifications.map((notification) => `${notification.template} → ${notification.to.map((recipient) => `${recipient.role}:${recipient.email}`).join(',')}`);
}

/** Every prefix of the timeline with its last event: what the notifier sees after each append. */
function everyStep(ticket: Ticket): { ticket: Ticket; event: TimelineEvent }[] {
  return ticket.timeline.flatMap((event, index) => {
    const replay = ticketFromTimeline(ticket.timeline.slice(0, index + 1));
    return replay.ok ? [{ ticket: replay.ticket, event }] : [];
  });
}

describe('notifications', () => {
  it('confirm receipt to the requester', () => {
    expect(summary(lastNotifications(receivedTicket()))).toEqual(['received → requester:aoife.byrne@contoso.com']);
  });

  it('alert the TAM of a Severity A ticket at intake, and not of a B', () => {
    expect(summary(lastNotifications(triagedTicket()))).toEqual(['tam-alert → tam:tom.reyes@css.example']);
    expect(lastNotifications(triagedTicket({ severity: 'B' }))).toEqual([]);
  });

  it('send every rejection reason to the requester', () => {
    const rejected = applyAll(receivedTicket(), [
      { type: 'start-validation', actor: system },
      { type: 'reject', actor: system, reasons: [{ code: 'no-contract', message: 'No contract.' }, { code: 'description-unclear', field: 'description', message: 'Too vague.' }] },
    ]);
    const [notification] = lastNotifications(rejected);
    expect(notification?.template).toBe('rejected');
    expect(notification?.data.reasons).toEqual([{ code: 'no-contract', message: 'No contract.' }, { code: 'description-unclear', field: 'description', message: 'Too vague.' }]);
  });

  it('warn the engineer and the team leads before an SLA breach', () => {
    const warned = applyAll(investigatingTicket(), [
      { type: 'raise-sla-alert', actor: system, alert: { kind: 'warning', metric: 'next-update', cycleId: 'c1', key: 'next-update:c1:warning', dueAt: '2026-11-23T16:00:00.000Z' } },
    ]);
    expect(summary(lastNotifications(warned))).toEqual([
      'sla-warning → engineer:maria.garcia@css.example',
      'sla-warning → team-lead:grace.okafor@css.example',
      'sla-warning → team-lead:daniel.brooks@css.example',
    ]);
  });

  it('tell the engineer, the leads and, for Severity A and B, the TAM of a breach', () => {
    const breach = { type: 'raise-sla-alert', actor: system, alert: { kind: 'breach', metric: 'resolution', cycleId: 'c1', key: 'resolution:c1:breach', dueAt: '2026-11-24T14:00:00.000Z' } } as const;
    const onA = summary(lastNotifications(applyAll(investigatingTicket(), [breach])));
    expect(onA).toContain('sla-breach → tam:tom.reyes@css.example');
    expect(onA).toContain('sla-breach → engineer:maria.garcia@css.example');
    const onB = summary(lastNotifications(applyAll(investigatingTicket({ severity: 'B' }), [breach])));
    expect(onB).toContain('sla-breach → tam:tom.reyes@css.example');
    const onC = summary(lastNotifications(applyAll(investigatingTicket({ severity: 'C' }), [breach])));
    expect(onC.some((line) => line.includes('tam:'))).toBe(false);
    expect(onC).toHaveLength(3);
  });

  it('hand the brief to the next engineer at a handoff', () => {
    const ticket = investigatingTicket();
    const handed = applyAll(ticket, [{ type: 'handoff', actor: system, toEngineer: lukas, brief: minimalBrief(ticket) }]);
    const handoffEvent = handed.timeline.at(-2);
    const notifications = handoffEvent ? notificationsFor(handed, handoffEvent, notificationContextFor(handed, org)) : [];
    expect(summary(notifications)).toEqual(['handoff → engineer:lukas.weber@css.example']);
    expect(notifications[0]?.data.brief).toMatchObject({ ticketNumber: ticket.ticketNumber });
    expect(lastNotifications(handed)).toEqual([]);
  });

  it('ask the requester for consent to a downgrade, and report their answer to the engineer and TAM', () => {
    const proposed = applyAll(investigatingTicket(), [{ type: 'change-severity', actor: { role: 'tam', id: 'tom' }, to: 'B', reason: 'Partial impact only.' }]);
    expect(summary(lastNotifications(proposed))).toEqual(['downgrade-proposed → requester:aoife.byrne@contoso.com']);
    const refused = applyAll(proposed, [{ type: 'refuse-downgrade', actor: requester }]);
    expect(summary(lastNotifications(refused))).toEqual(['downgrade-answered → engineer:maria.garcia@css.example', 'downgrade-answered → tam:tom.reyes@css.example']);
    expect(lastNotifications(refused)[0]?.data.consented).toBe(false);
  });

  it('send one copy to a person who fills two roles', () => {
    const leadAssigned = applyAll(triagedTicket(), [{ type: 'assign', actor: system, engineer: { engineerId: 'grace-okafor', name: 'Grace Okafor', email: 'grace.okafor@css.example', region: 'EMEA' } }]);
    const context: NotificationContext = notificationContextFor(leadAssigned, org);
    const warned = applyAll(leadAssigned, [
      { type: 'raise-sla-alert', actor: system, alert: { kind: 'warning', metric: 'first-response', cycleId: 'c1', key: 'k', dueAt: '2026-11-23T15:00:00.000Z' } },
    ]);
    const event = warned.timeline.at(-1);
    const notifications = event ? notificationsFor(warned, event, context) : [];
    expect(notifications.filter((notification) => notification.to[0]?.email === 'grace.okafor@css.example')).toHaveLength(1);
  });

  it('leave internal work out of the requester’s mailbox', () => {
    const ticket = applyAll(investigatingTicket(), [
      { type: 'internal-note', actor: engineer(maria), note: 'Checked the connector.' },
      { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend logs.' },
    ]);
    expect(lastNotifications(ticket)).toEqual([]);
  });
});

describe('notifications of severity, vendor and resolution events', () => {
  it('alert the TAM of a raise to Severity A, and of no lesser raise', () => {
    const toA = applyAll(investigatingTicket({ severity: 'B' }), [{ type: 'change-severity', actor: lead, to: 'A', reason: 'Every site is down now.' }]);
    expect(summary(lastNotifications(toA))).toContain('tam-alert → tam:tom.reyes@css.example');
    const toB = applyAll(investigatingTicket({ severity: 'C' }), [{ type: 'change-severity', actor: lead, to: 'B', reason: 'More users.' }]);
    expect(summary(lastNotifications(toB)).some((line) => line.startsWith('tam-alert'))).toBe(false);
  });

  it('copy the TAM on a vendor escalation of Severity A or B, not of C', () => {
    const opened = (severity: string) =>
      applyAll(investigatingTicket({ severity }), [
        { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend logs.' },
        { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '2611230040001234' } },
      ]);
    expect(summary(lastNotifications(opened('B')))).toEqual(['vendor-escalation-raised → requester:aoife.byrne@contoso.com', 'vendor-escalation-raised → tam:tom.reyes@css.example']);
    expect(summary(lastNotifications(opened('C')))).toEqual(['vendor-escalation-raised → requester:aoife.byrne@contoso.com']);
  });

  it('remind the requester of the proposed resolution in its own words, and tell them and the engineer when it closes by itself', () => {
    const proposed = applyAll(investigatingTicket(), [{ type: 'propose-resolution', actor: engineer(maria), summary: 'The connector certificate was renewed.' }]);
    const at = (days: number) => instantPlus(proposed.updatedAt, { days });
    const reminded = apply(proposed, { type: 'send-resolution-reminder', actor: system }, at(4));
    expect(lastNotifications(reminded).map((notification) => [notification.template, notification.data.summary])).toEqual([['resolution-reminder', 'The connector certificate was renewed.']]);
    const closed = apply(reminded, { type: 'auto-close', actor: system }, at(8));
    expect(summary(lastNotifications(closed))).toEqual(['closed → requester:aoife.byrne@contoso.com', 'closed → engineer:maria.garcia@css.example']);
  });

  it('tell the requester when a ticket closes for want of entitlement', () => {
    const closed = applyAll(investigatingTicket(), [{ type: 'close-not-entitled', actor: system, explanation: 'No contract covers this product.' }]);
    expect(summary(lastNotifications(closed))).toContain('closed → requester:aoife.byrne@contoso.com');
  });

  it('send nothing for an engineer taking over a handoff', () => {
    const ticket = investigatingTicket();
    const handed = applyAll(ticket, [{ type: 'handoff', actor: system, toEngineer: lukas, brief: minimalBrief(ticket) }]);
    const taken = applyAll(handed, [{ type: 'acknowledge-handoff', actor: engineer(lukas) }]);
    expect(taken.timeline.at(-1)?.type).toBe('handoff-acknowledged');
    expect(lastNotifications(taken)).toEqual([]);
  });

  it('pass an engineer’s answer on to the requester', () => {
    const answered = applyAll(investigatingTicket(), [{ type: 'respond', actor: engineer(maria), message: 'The connector is fixed.' }]);
    expect(lastNotifications(answered).map((notification) => [notification.template, notification.to[0]?.role, notification.data.message])).toEqual([['customer-update', 'requester', 'The connector is fixed.']]);
  });
});

describe('notification message ids', () => {
  const stepsArbitrary = fc.array(fc.record({ pick: fc.nat(), minutes: fc.integer({ min: 1, max: 12_000 }) }), { minLength: 1, maxLength: 35 });

  function randomTicket(steps: readonly { pick: number; minutes: number }[]): Ticket {
    let ticket = receivedTicket();
    for (const step of steps) {
      const now = instantPlus(ticket.updatedAt, { hours: step.minutes / 60 });
      const outcomes = candidateCommands(ticket).flatMap((command) => {
        const decision = decide(ticket, command, now, context);
        return decision.ok ? [decision.events] : [];
      });
      ticket = (outcomes[step.pick % Math.max(outcomes.length, 1)] ?? []).reduce(evolve, ticket);
    }
    return ticket;
  }

  it('are unique across a ticket’s whole life and stable when recomputed', () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const ticket = randomTicket(steps);
        const first = everyStep(ticket).flatMap((step) => notificationsFor(step.ticket, step.event, notificationContextFor(step.ticket, org)));
        const again = everyStep(ticket).flatMap((step) => notificationsFor(step.ticket, step.event, notificationContextFor(step.ticket, org)));
        const ids = first.map((notification) => notification.messageId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(again.map((notification) => notification.messageId)).toEqual(ids);
        first.forEach((notification) => expect(NotificationSchema.parse(notification)).toEqual(notification));
      }),
      { numRuns: 60 },
    );
  });

  it('reach the requester only for events the customer may see', () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        for (const step of everyStep(randomTicket(steps))) {
          const toRequester = notificationsFor(step.ticket, step.event, notificationContextFor(step.ticket, org)).filter((notification) => notification.to[0]?.role === 'requester');
          if (step.event.visibility === 'internal') {
            expect(toRequester).toEqual([]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
