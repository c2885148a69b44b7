/**
 * What the console's ticket page shows, computed before any markup: the intake fields, each SLA
 * clock with its due instant in the viewer's time zone and the engine's explanation, the whole
 * timeline, the latest handoff brief, the vendor case and the command forms the domain would take
 * from this person now. Pure: the ticket, the organisation, the person and the time are given.
 */
import type { Attachment } from '../../../domain/attachments/attachment';
import type { StaffPrincipal } from '../../../auth/staff-token';
import { COMMAND_STATUSES } from '../../../domain/commands/command-statuses';
import { isVendorEscalationPending, vendorFollowUpDueAt } from '../../../domain/commands/vendor-escalation-state';
import type { HandoffBrief } from '../../../domain/handoff/handoff-brief';
import { isAwaitingHandoffAcknowledgement } from '../../../domain/handoff/handoff-state';
import type { OrgConfig } from '../../../domain/org/org-config';
import type { Instant } from '../../../domain/primitives';
import type { Calendar } from '../../../domain/calendar/calendar';
import { clockExplanation, explanationText } from '../../../domain/sla/clock-explanation';
import type { SlaClock } from '../../../domain/sla/sla-clock';
import type { Ticket } from '../../../domain/ticket/ticket';
import type { VendorCaseStatus } from '../../../domain/ticket/vendor-case';
import type { TimelineEventOf } from '../../../domain/timeline/timeline-event';
import type { StaffCommandName } from '../../../http-api/staff-command-body';
import { formatInstant } from '../../status/requester-time';
import { CLOCK_STATE_LABELS, clockStateOf, type ClockState } from '../sla-states';
import { viewerZone } from '../viewer-zone';
import { METRIC_WORDING } from '../../status/status-wording';
import { COMMAND_FORMS, type CommandField, type CommandForm } from './staff-command-forms';
import { offeredCommands } from './staff-command-offer';
import type { CommandFailure } from './staff-command-post';
import { PAUSE_WORDING, STAFF_STATUS_WORDING } from './staff-wording';
import { staffTimelineItem, type StaffTimelineItem, type TimelineLine } from './staff-timeline-entry';

export interface ClockLine {
  readonly metric: SlaClock['metric'];
  readonly metricLabel: string;
  /** As the console's lists say it: a running clock past its warning instant is `warning`. */
  readonly state: ClockState | 'not-started';
  readonly stateLabel: string;
  readonly dueAt?: Instant;
  readonly dueText?: string;
  readonly remainingMinutes: number;
  readonly explanation: string;
}

export interface HandoffPanel {
  readonly at: string;
  readonly headline: string;
  readonly tried: readonly string[];
  readonly outgoingNote?: string;
  readonly nextStep?: string;
  readonly answeredQuestions: readonly HandoffBrief['answeredQuestions'][number][];
  readonly openQuestions: readonly HandoffBrief['openQuestions'][number][];
  readonly stalled: boolean;
  readonly awaitingAcknowledgement: boolean;
}

export interface VendorPanel {
  readonly caseId?: string;
  readonly status?: VendorCaseStatus;
  readonly openedText?: string;
  readonly nextFollowUpText?: string;
  /** An escalation asked for whose case Baton has not opened yet. */
  readonly pending: boolean;
  readonly history: readonly StaffTimelineItem[];
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export interface CommandFormModel {
  readonly name: StaffCommandName;
  readonly form: CommandForm;
  readonly choices: Readonly<Record<string, readonly Choice[]>>;
  readonly failure?: CommandFailure;
}

export interface StaffTicketPageModel {
  readonly ticketNumber: string;
  readonly title?: string;
  readonly statusLabel: string;
  readonly status: Ticket['status'];
  readonly viewerName: string;
  readonly zone: string;
  /** When the page was drawn: time left is counted from here. */
  readonly now: Instant;
  readonly facts: readonly TimelineLine[];
  readonly intake: readonly TimelineLine[];
  readonly clocks: readonly ClockLine[];
  readonly timeline: readonly StaffTimelineItem[];
  readonly handoff?: HandoffPanel;
  readonly vendor?: VendorPanel;
  readonly forms: readonly CommandFormModel[];
  /** The newest timeline entry shown, posted back with each form. */
  readonly seen: number;
  readonly flash?: string;
  readonly failure?: CommandFailure;
  /** Every file of the ticket, internal ones included. */
  readonly attachments: readonly Attachment[];
}

export interface StaffTicketPageInput {
  readonly ticket: Ticket;
  readonly clocks: readonly SlaClock[];
  readonly org: OrgConfig;
  readonly principal: StaffPrincipal;
  readonly now: Instant;
  readonly flash?: string;
  readonly failure?: CommandFailure;
}

const VENDOR_EVENTS = ['vendor-escalation-requested', 'vendor-case-opened', 'vendor-case-failed', 'vendor-updated', 'vendor-followed-up'] as const;

function line(label: string, value: string | undefined): TimelineLine[] {
  return value === undefined || value.trim() === '' ? [] : [{ label, value }];
}

function intakeLines(ticket: Ticket, org: OrgConfig): TimelineLine[] {
  const { requester } = ticket;
  const productArea = org.productCatalogue.find((area) => area.id === ticket.productArea)?.name ?? ticket.productArea;
  return [
    { label: 'Requester', value: `${requester.name} <${requester.email}>` },
    ...line('Phone', requester.phone),
    ...line('Requester time zone', requester.timeZone),
    ...line('Available 24x7', requester.available24x7 === undefined ? undefined : requester.available24x7 ? 'yes' : 'no'),
    ...line('Company', ticket.company),
    ...line('Tenant', ticket.tenantDomain),
    ...line('Product area', productArea),
    ...line('Scope', ticket.scope),
    { label: 'Description', value: ticket.description },
    ...line('Business impact', ticket.businessImpact),
    ...line('What was tried', ticket.whatWasTried),
    ...line('Error text', ticket.errorText),
    ...line('Reproduction steps', ticket.reproductionSteps),
    ...line('Expected behaviour', ticket.expectedBehaviour),
    ...line('Actual behaviour', ticket.actualBehaviour),
    ...line('Attachments', ticket.attachmentsNote),
    ...line('Chat transcript', ticket.transcript),
  ];
}

function factLines(ticket: Ticket, org: OrgConfig, zone: string): TimelineLine[] {
  const queue = org.queues.find((candidate) => candidate.id === ticket.queueId)?.name ?? ticket.queueId;
  return [
    { label: 'Status', value: STAFF_STATUS_WORDING[ticket.status] },
    ...line('Severity', ticket.severity === undefined ? undefined : `Severity ${ticket.severity}`),
    ...line('Pending downgrade', ticket.pendingDowngrade === undefined ? undefined : `to Severity ${ticket.pendingDowngrade.to}, awaiting the customer`),
    { label: 'Assignee', value: ticket.assignee === undefined ? 'Unassigned' : `${ticket.assignee.name} (${ticket.assignee.region})` },
    ...line('Queue', queue),
    ...line('Contract', ticket.contractId),
    ...line('TAM', ticket.tamEmail),
    ...line('SLA policy', ticket.slaPolicyId),
    ...line('Channel', ticket.channel === 'chat' ? 'chat' : 'web form'),
    { label: 'Opened', value: formatInstant(ticket.createdAt, zone) },
    { label: 'Last change', value: formatInstant(ticket.updatedAt, zone) },
    ...line('Closed', ticket.closure === undefined ? undefined : `${formatInstant(ticket.closure.at, zone)} (${ticket.closure.reason})`),
  ];
}

/** The engine's explanation with its instants worded as the rest of the page words them. */
function explanationInZone(clock: SlaClock, calendars: readonly Calendar[], zone: string): string {
  const calendar = calendars.find((candidate) => candidate.id === clock.calendarId);
  return calendar === undefined ? clock.explanation : explanationText(clockExplanation(clock, calendar), (instant) => formatInstant(instant, zone));
}

function clockLine(clock: SlaClock, calendars: readonly Calendar[], zone: string, now: Instant): ClockLine {
  const state = clockStateOf(clock, now);
  const label = state === undefined ? 'Not started' : CLOCK_STATE_LABELS[state];
  return {
    metric: clock.metric,
    metricLabel: METRIC_WORDING[clock.metric],
    state: state ?? 'not-started',
    stateLabel: clock.pausedBy === undefined ? label : `${label} (${PAUSE_WORDING[clock.pausedBy]})`,
    ...(clock.dueAt === undefined ? {} : { dueAt: clock.dueAt, dueText: formatInstant(clock.dueAt, zone) }),
    remainingMinutes: clock.remainingMinutes,
    explanation: explanationInZone(clock, calendars, zone),
  };
}

function handoffPanel(ticket: Ticket, zone: string): HandoffPanel | undefined {
  const latest = ticket.timeline.filter((event): event is TimelineEventOf<'handed-off'> => event.type === 'handed-off').at(-1);
  if (latest === undefined) return undefined;
  const { brief } = latest;
  return {
    at: formatInstant(latest.at, zone),
    headline: `${latest.fromEngineer.name} (${latest.fromRegion}) handed over to ${latest.toEngineer.name} (${latest.toRegion})`,
    tried: brief.whatWasTried,
    ...(brief.outgoingNote === undefined ? {} : { outgoingNote: brief.outgoingNote }),
    ...(brief.nextStep === undefined ? {} : { nextStep: brief.nextStep }),
    answeredQuestions: brief.answeredQuestions,
    openQuestions: brief.openQuestions,
    stalled: brief.stalled,
    awaitingAcknowledgement: isAwaitingHandoffAcknowledgement(ticket),
  };
}

function vendorPanel(ticket: Ticket, org: OrgConfig, zone: string): VendorPanel | undefined {
  const history = ticket.timeline.filter((event) => VENDOR_EVENTS.some((type) => type === event.type)).map((event) => staffTimelineItem(event, zone));
  if (history.length === 0) return undefined;
  const vendorCase = ticket.vendorCase;
  const followUpAt = COMMAND_STATUSES['follow-up-vendor'].includes(ticket.status) ? vendorFollowUpDueAt(ticket, org.lifecycle) : undefined;
  return {
    ...(vendorCase === undefined ? {} : { caseId: vendorCase.caseId, status: vendorCase.status, openedText: formatInstant(vendorCase.openedAt, zone) }),
    ...(followUpAt === undefined ? {} : { nextFollowUpText: formatInstant(followUpAt, zone) }),
    pending: isVendorEscalationPending(ticket),
    history: [...history].reverse(),
  };
}

function choicesFor(field: CommandField, org: OrgConfig, accepted: readonly string[] | undefined): readonly Choice[] {
  if (field.input.kind !== 'select') return [];
  const all: Choice[] =
    field.input.choices.kind === 'engineers'
      ? org.roster.engineers.map((engineer) => ({ value: engineer.id, label: `${engineer.name} (${engineer.region}, ${engineer.role})` }))
      : field.input.choices.values.map((value) => ({ value, label: value }));
  return accepted === undefined ? all : all.filter((choice) => accepted.includes(choice.value));
}

function formModels(input: StaffTicketPageInput): CommandFormModel[] {
  const { ticket, principal, org, now, failure } = input;
  return offeredCommands(ticket, principal, org, now).map((offered) => {
    const form = COMMAND_FORMS[offered.name];
    // Only the one select the domain narrows (severity, assignee) takes the accepted values.
    const narrowed = form.fields.find((field) => field.input.kind === 'select' && field.required);
    const choices = Object.fromEntries(
      form.fields.map((field) => [field.name, choicesFor(field, org, field === narrowed ? offered.acceptedChoices : undefined)] as const),
    );
    return { name: offered.name, form, choices, ...(failure?.name === offered.name ? { failure } : {}) };
  });
}

export function staffTicketPageModel(input: StaffTicketPageInput): StaffTicketPageModel {
  const { ticket, org, principal } = input;
  const zone = viewerZone(principal, org);
  const handoff = handoffPanel(ticket, zone);
  const vendor = vendorPanel(ticket, org, zone);
  return {
    ticketNumber: ticket.ticketNumber,
    ...(ticket.title === undefined ? {} : { title: ticket.title }),
    status: ticket.status,
    statusLabel: STAFF_STATUS_WORDING[ticket.status],
    viewerName: principal.name,
    zone,
    now: input.now,
    facts: factLines(ticket, org, zone),
    intake: intakeLines(ticket, org),
    clocks: input.clocks.map((clock) => clockLine(clock, org.calendars, zone, input.now)),
    timeline: [...ticket.timeline].reverse().map((event) => staffTimelineItem(event, zone)),
    ...(handoff === undefined ? {} : { handoff }),
    ...(vendor === undefined ? {} : { vendor }),
    forms: formModels(input),
    attachments: ticket.attachments ?? [],
    seen: ticket.timeline.at(-1)?.sequence ?? 0,
    ...(input.flash === undefined ? {} : { flash: input.flash }),
    ...(input.failure === undefined ? {} : { failure: input.failure }),
  };
}
