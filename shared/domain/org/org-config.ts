/**
 * An organisation's whole support configuration, as loaded at start-up: contracts, plans, the
 * product catalogue, queues, the follow-the-sun roster, calendars, SLA policies and lifecycle
 * rules, checked for dangling references.
 */
import { z } from 'zod';
import { CalendarSchema } from '../calendar/calendar';
import { RosterSchema } from '../roster/roster-schema';
import { QueueSchema } from '../routing/queue';
import { SlaPolicySchema } from '../sla/sla-policy';
import { ContractSchema } from './contract';
import { crossReferenceProblems } from './cross-references';
import { DEFAULT_LIFECYCLE_SETTINGS, LifecycleSettingsSchema } from './lifecycle-settings';
import { PlanSchema } from './plan';
import { ProductAreaSchema } from './product-area';

export const SupportDeskSchema = z.object({
  name: z.string().trim().min(1).max(120),
  /** The desk's shared mailbox: the sender of every email and a fallback recipient. */
  email: z.email(),
  /** The colour that heads the desk's emails and marks their buttons, as `#rrggbb`. */
  brandColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour written #rrggbb' }).optional(),
});
export type SupportDesk = z.infer<typeof SupportDeskSchema>;

export const OrgConfigSchema = z
  .object({
    supportDesk: SupportDeskSchema,
    contracts: z.array(ContractSchema).min(1),
    plans: z.array(PlanSchema).min(1),
    productCatalogue: z.array(ProductAreaSchema).min(1),
    queues: z.array(QueueSchema).min(1),
    roster: RosterSchema,
    calendars: z.array(CalendarSchema).min(1),
    slaPolicies: z.array(SlaPolicySchema).min(1),
    lifecycle: LifecycleSettingsSchema.default(DEFAULT_LIFECYCLE_SETTINGS),
  })
  .superRefine((config, ctx) => {
    for (const problem of crossReferenceProblems(config)) {
      // Stryker disable next-line StringLiteral: nothing reads a custom issue's code; its path and message are what an operator sees
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }
  });
export type OrgConfig = z.infer<typeof OrgConfigSchema>;
export type OrgConfigInput = z.input<typeof OrgConfigSchema>;
