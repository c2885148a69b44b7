import { z } from 'zod';
import { SeveritySchema } from '../../../../shared/domain/primitives';
import { bySeverity, perSeveritySchema } from '../../../../shared/domain/severity/per-severity';
import { SlaPolicySchema } from '../../../../shared/domain/sla/sla-policy';
import { DEFAULT_LIFECYCLE_SETTINGS, LifecycleSettingsSchema } from '../../../../shared/domain/org/lifecycle-settings';

describe('values kept per severity', () => {
  const hours = perSeveritySchema(z.number().positive());

  it('needs a value for every severity of the vocabulary', () => {
    expect(hours.safeParse({ A: 4, B: 24, C: 72 }).success).toBe(true);
    const missing = hours.safeParse({ A: 4, C: 72 });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((issue) => issue.path)).toEqual([['B']]);
  });

  it('computes one value for each severity, in the vocabulary order', () => {
    expect(bySeverity((severity) => `Sev ${severity}`)).toEqual({ A: 'Sev A', B: 'Sev B', C: 'Sev C' });
    expect(Object.keys(bySeverity(() => 0))).toEqual(SeveritySchema.options);
  });

  it('is how SLA targets and vendor follow-ups are configured', () => {
    const target = { firstResponseMinutes: 60, nextUpdateMinutes: 60, resolutionMinutes: 1440, calendarId: 'around-the-clock' };
    const withoutC = SlaPolicySchema.safeParse({ id: 'p', name: 'P', targets: { A: target, B: target } });
    expect(withoutC.error?.issues.map((issue) => issue.path)).toEqual([['targets', 'C']]);
    const followUps = LifecycleSettingsSchema.safeParse({ ...DEFAULT_LIFECYCLE_SETTINGS, vendorFollowUpHours: { A: 4, B: 24 } });
    expect(followUps.error?.issues.map((issue) => issue.path)).toEqual([['vendorFollowUpHours', 'C']]);
  });
});
