/**
 * What a requester sees of their ticket: where it stands, who (by first name) and which region has
 * it, each SLA clock's due instant and whether it is paused, anything awaiting their answer, and
 * the customer-visible timeline. Built by allow-list: a field is shown only if named here.
 */
import { z } from 'zod';
import { InstantSchema, RegionSchema, ScopeSchema, SeveritySchema } from '../domain/primitives';
import { SlaClockStateSchema, SlaMetricSchema, type SlaClock } from '../domain/sla/sla-clock';
import { ClosureReasonSchema, type Ticket } from '../domain/ticket/ticket';
import { TicketNumberSchema } from '../domain/ticket/ticket-number';
import { TicketStatusSchema } from '../domain/ticket/ticket-status';
import { customerAttachments, CustomerAttachmentSchema } from './attachment-views';
import { customerTimeline, CustomerTimelineEntrySchema } from './customer-timeline';
import { firstNameOf } from './first-name';

export const CustomerSlaClockSchema = z
  .object({
    metric: SlaMetricSchema,
    state: SlaClockStateSchema,
    /** When the target falls due; while paused, when it would if the clock resumed now. */
    dueAt: InstantSchema.optional(),
    paused: z.boolean(),
  })
  .meta({ id: 'CustomerSlaClock' });

export const CustomerTicketViewSchema = z
  .object({
    ticketNumber: TicketNumberSchema,
    status: TicketStatusSchema,
    severity: SeveritySchema.optional(),
    scope: ScopeSchema.optional(),
    title: z.string().optional(),
    productArea: z.string().optional(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
    /** The follow-the-sun region working the ticket now. */
    region: RegionSchema.optional(),
    engineer: z.object({ firstName: z.string() }).optional(),
    sla: z.array(CustomerSlaClockSchema),
    pendingDowngrade: z
      .object({ from: SeveritySchema.optional(), to: SeveritySchema, reason: z.string(), proposedAt: InstantSchema })
      .optional()
      .meta({ description: 'A lower severity proposed by support; it takes effect only if the requester consents.' }),
    proposedResolution: z.object({ summary: z.string(), at: InstantSchema }).optional(),
    closure: z.object({ reason: ClosureReasonSchema, at: InstantSchema, summary: z.string() }).optional(),
    attachments: z.array(CustomerAttachmentSchema),
    timeline: z.array(CustomerTimelineEntrySchema),
  })
  .meta({ id: 'CustomerTicketView' });
export type CustomerTicketView = z.infer<typeof CustomerTicketViewSchema>;

export function customerTicketView(ticket: Ticket, clocks: readonly SlaClock[]): CustomerTicketView {
  const engineerFirstName = ticket.assignee === undefined ? undefined : firstNameOf(ticket.assignee.name);
  const pending = ticket.pendingDowngrade;
  return {
    ticketNumber: ticket.ticketNumber,
    status: ticket.status,
    ...(ticket.severity === undefined ? {} : { severity: ticket.severity }),
    ...(ticket.scope === undefined ? {} : { scope: ticket.scope }),
    ...(ticket.title === undefined ? {} : { title: ticket.title }),
    ...(ticket.productArea === undefined ? {} : { productArea: ticket.productArea }),
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    ...(ticket.assignee === undefined ? {} : { region: ticket.assignee.region }),
    ...(engineerFirstName === undefined ? {} : { engineer: { firstName: engineerFirstName } }),
    sla: clocks.map((clock) => ({
      metric: clock.metric,
      state: clock.state,
      ...(clock.dueAt === undefined ? {} : { dueAt: clock.dueAt }),
      paused: clock.state === 'paused',
    })),
    ...(pending === undefined
      ? {}
      : {
          pendingDowngrade: {
            ...(ticket.severity === undefined ? {} : { from: ticket.severity }),
            to: pending.to,
            reason: pending.reason,
            proposedAt: pending.proposedAt,
          },
        }),
    ...(ticket.proposedResolution === undefined ? {} : { proposedResolution: { summary: ticket.proposedResolution.summary, at: ticket.proposedResolution.at } }),
    ...(ticket.closure === undefined ? {} : { closure: { reason: ticket.closure.reason, at: ticket.closure.at, summary: ticket.closure.summary } }),
    attachments: customerAttachments(ticket),
    timeline: customerTimeline(ticket.timeline),
  };
}
