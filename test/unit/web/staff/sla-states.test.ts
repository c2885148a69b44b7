import { NO_SLA_DEADLINE } from '../../../../shared/store/sla-deadline';
import { rowSlaState } from '../../../../shared/web/staff/sla-states';
import { NOW } from './support/console-tickets';

describe('the SLA state of a listed ticket', () => {
  it('is breached once its nearest deadline has passed, whatever the warning says', () => {
    expect(rowSlaState({ status: 'assigned', slaNextDueAt: '2026-11-24T13:59:00.000Z', slaNextWarningAt: '2026-11-24T13:44:00.000Z' }, NOW)).toBe('breached');
    expect(rowSlaState({ status: 'assigned', slaNextDueAt: NOW }, NOW)).toBe('breached');
  });

  it('is warning from its warning instant until the deadline, and running before', () => {
    expect(rowSlaState({ status: 'assigned', slaNextDueAt: '2026-11-24T14:10:00.000Z', slaNextWarningAt: NOW }, NOW)).toBe('warning');
    expect(rowSlaState({ status: 'assigned', slaNextDueAt: '2026-11-24T14:30:00.000Z', slaNextWarningAt: '2026-11-24T14:15:00.000Z' }, NOW)).toBe('running');
    // Saved before the warning instant was kept: running until its deadline.
    expect(rowSlaState({ status: 'assigned', slaNextDueAt: '2026-11-24T14:10:00.000Z' }, NOW)).toBe('running');
  });

  it('is paused when no clock counts because the ticket waits on the customer, the vendor or a confirmation', () => {
    for (const status of ['awaiting-customer', 'escalated-to-vendor', 'resolution-proposed'] as const) {
      expect(rowSlaState({ status, slaNextDueAt: NO_SLA_DEADLINE }, NOW)).toBe('paused');
    }
  });

  it('has no clock before triage', () => {
    expect(rowSlaState({ status: 'received', slaNextDueAt: NO_SLA_DEADLINE }, NOW)).toBe('no-clock');
    expect(rowSlaState({ status: 'validating' }, NOW)).toBe('no-clock');
  });
});
