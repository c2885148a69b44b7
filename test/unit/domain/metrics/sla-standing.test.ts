import { slaStandingOf } from '../../../../shared/domain/metrics/sla-standing';
import { slaAlertKey } from '../../../../shared/domain/sla/sla-clock';

describe('a ticket\'s SLA standing', () => {
  it('is clear while no clock has warned', () => {
    expect(slaStandingOf([])).toBe('clear');
  });

  it('is at warning once a clock warned and none breached', () => {
    expect(slaStandingOf([slaAlertKey('first-response', 'cycle-1', 'warning')])).toBe('warning');
  });

  it('is in breach once any clock breached, whatever else warned', () => {
    const keys = [slaAlertKey('first-response', 'cycle-1', 'warning'), slaAlertKey('resolution', 'cycle-1', 'breach'), slaAlertKey('next-update', 'cycle-2', 'warning')];
    expect(slaStandingOf(keys)).toBe('breach');
    expect(slaStandingOf([slaAlertKey('resolution', 'cycle-1', 'breach')])).toBe('breach');
  });
});
