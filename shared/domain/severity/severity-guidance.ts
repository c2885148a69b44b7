/**
 * How a requester should choose a severity, in the support desk's words: by business impact, with
 * Severity A reserved for a stopped business and tied to 24x7 availability (as Microsoft does).
 */
import type { Severity } from '../primitives';

export interface SeverityGuidance {
  readonly title: string;
  readonly description: string;
}

export const SEVERITY_GUIDANCE: Readonly<Record<Severity, SeverityGuidance>> = {
  A: {
    title: 'A — Critical business impact',
    description:
      'Production is down, major business operations have stopped, a security breach is in progress, or data is being lost. Worked around the clock: you must be available 24×7.',
  },
  B: {
    title: 'B — Significant business impact',
    description:
      'Production is degraded or important features do not work; a workaround exists but is painful. Needs resolution soon, but not this minute.',
  },
  C: {
    title: 'C — Minimal business impact',
    description: 'Non-production issues, questions about configuration, feature requests or documentation clarifications.',
  },
};

export const SEVERITY_CHOICE_HINT =
  'Choose by business impact, honestly: an engineer may ask you to justify it, and Severity A sets everyone working around the clock.';

export const SEV_A_RULE =
  'Severity A is worked around the clock, so it needs you (or a colleague) to answer our engineers 24×7 until it is resolved. Without that commitment we will propose Severity B, and ask you to agree.';

export const SEV_A_WITHOUT_AVAILABILITY_WARNING =
  'You chose Severity A without 24×7 availability: we will propose Severity B unless you tick the box above.';
