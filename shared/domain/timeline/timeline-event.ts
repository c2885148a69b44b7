/**
 * The timeline: the append-only official record of a ticket. Every event type is listed here,
 * with whether the customer sees it, so both the portal and the emails agree on what is public.
 */
import { z } from 'zod';
import { Visibility } from './event-base';
import {
  AcknowledgedSchema,
  AgentRespondedSchema,
  CustomerRepliedSchema,
  EscalatedInternallySchema,
  InfoRequestedSchema,
  InternalNoteAddedSchema,
} from './conversation-events';
import { AttachmentAddedSchema, InternalAttachmentAddedSchema } from './attachment-events';
import { HandedOffSchema, HandoffAcknowledgedSchema } from './handoff-events';
import {
  EngineerAssignedSchema,
  NoEngineerAvailableSchema,
  TicketReceivedSchema,
  TicketRejectedSchema,
  TicketTriagedSchema,
  ValidationStartedSchema,
} from './intake-events';
import {
  AutoClosedSchema,
  ClosedNotEntitledSchema,
  ResolutionConfirmedSchema,
  ResolutionProposedSchema,
  ResolutionRejectedSchema,
  ResolutionReminderSentSchema,
  SelfClosedSchema,
  TicketReopenedSchema,
} from './resolution-events';
import {
  SeverityDowngradeConsentedSchema,
  SeverityDowngradeProposedSchema,
  SeverityDowngradeRefusedSchema,
  SeverityRaisedSchema,
} from './severity-events';
import { SlaBreachedSchema, SlaWarningRaisedSchema } from './sla-events';
import {
  VendorCaseFailedSchema,
  VendorCaseOpenedSchema,
  VendorEscalationRequestedSchema,
  VendorFollowedUpSchema,
  VendorUpdatedSchema,
} from './vendor-events';

export const TimelineEventSchema = z.discriminatedUnion('type', [
  TicketReceivedSchema,
  ValidationStartedSchema,
  TicketRejectedSchema,
  TicketTriagedSchema,
  EngineerAssignedSchema,
  NoEngineerAvailableSchema,
  AcknowledgedSchema,
  AgentRespondedSchema,
  InfoRequestedSchema,
  CustomerRepliedSchema,
  InternalNoteAddedSchema,
  EscalatedInternallySchema,
  SeverityRaisedSchema,
  SeverityDowngradeProposedSchema,
  SeverityDowngradeConsentedSchema,
  SeverityDowngradeRefusedSchema,
  VendorEscalationRequestedSchema,
  VendorCaseOpenedSchema,
  VendorCaseFailedSchema,
  VendorUpdatedSchema,
  VendorFollowedUpSchema,
  ResolutionProposedSchema,
  ResolutionConfirmedSchema,
  ResolutionRejectedSchema,
  ResolutionReminderSentSchema,
  SelfClosedSchema,
  AutoClosedSchema,
  ClosedNotEntitledSchema,
  TicketReopenedSchema,
  HandedOffSchema,
  HandoffAcknowledgedSchema,
  SlaWarningRaisedSchema,
  SlaBreachedSchema,
  AttachmentAddedSchema,
  InternalAttachmentAddedSchema,
]);
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
export type TimelineEventType = TimelineEvent['type'];
export type TimelineEventOf<Type extends TimelineEventType> = Extract<TimelineEvent, { type: Type }>;

/**
 * Who may read each event. Internal work (notes, triage, handoffs, SLA alerts, the vendor's raw
 * updates) stays internal; anything said to or by the customer, and every change to their
 * ticket's severity or state, is theirs to see.
 */
export const EVENT_VISIBILITY: Readonly<Record<TimelineEventType, Visibility>> = {
  'ticket-received': 'customer',
  'validation-started': 'internal',
  'ticket-rejected': 'customer',
  'ticket-triaged': 'internal',
  'engineer-assigned': 'customer',
  'no-engineer-available': 'internal',
  acknowledged: 'customer',
  'agent-responded': 'customer',
  'info-requested': 'customer',
  'customer-replied': 'customer',
  'internal-note-added': 'internal',
  'escalated-internally': 'internal',
  'severity-raised': 'customer',
  'severity-downgrade-proposed': 'customer',
  'severity-downgrade-consented': 'customer',
  'severity-downgrade-refused': 'customer',
  'vendor-escalation-requested': 'internal',
  'vendor-case-opened': 'customer',
  'vendor-case-failed': 'internal',
  'vendor-updated': 'internal',
  'vendor-followed-up': 'internal',
  'resolution-proposed': 'customer',
  'resolution-confirmed': 'customer',
  'resolution-rejected': 'customer',
  'resolution-reminder-sent': 'customer',
  'self-closed': 'customer',
  'auto-closed': 'customer',
  'closed-not-entitled': 'customer',
  'ticket-reopened': 'customer',
  'handed-off': 'internal',
  'handoff-acknowledged': 'internal',
  'sla-warning-raised': 'internal',
  'sla-breached': 'internal',
  'attachment-added': 'customer',
  'internal-attachment-added': 'internal',
};

export const TIMELINE_EVENT_TYPES: readonly TimelineEventType[] = TimelineEventSchema.options.map((option) => option.shape.type.value);
