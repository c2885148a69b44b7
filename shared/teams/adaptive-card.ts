/**
 * A Teams alert as an Adaptive Card (schema 1.4, which Teams renders in channels), wrapped the way
 * an incoming workflow webhook ("When a Teams webhook request is received") takes it: a message
 * with the card as its one attachment. Adaptive Cards are JSON, so people's words cannot become
 * markup; Markdown is switched off on every text a person typed, so it cannot become links either.
 */
import type { AlertClock, TeamsAlert, TeamsAlertKind } from '../domain/notifications/teams-alerts';
import type { JsonValue } from '../domain/notifications/notification-data';
import type { SlaMetric } from '../domain/sla/sla-clock';

export const ADAPTIVE_CARD_VERSION = '1.4';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const HEADLINE: Readonly<Record<TeamsAlertKind, string>> = {
  'sev-a': 'New Severity A ticket',
  'sla-warning': 'SLA warning',
  'sla-breach': 'SLA breached',
  handoff: 'Handed over',
  escalation: 'Escalated to a team lead',
  'vendor-answer': 'The vendor answered',
};

/** Adaptive Card colours: red for what is already late or stopped, amber for what soon will be. */
const COLOUR: Readonly<Record<TeamsAlertKind, string>> = {
  'sev-a': 'attention',
  'sla-warning': 'warning',
  'sla-breach': 'attention',
  handoff: 'accent',
  escalation: 'warning',
  'vendor-answer': 'good',
};

const METRIC: Readonly<Record<SlaMetric, string>> = {
  'first-response': 'First response',
  'next-update': 'Next update',
  resolution: 'Resolution',
};

function duration(minutes: number): string {
  const whole = Math.abs(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return hours === 0 ? `${String(rest)} min` : `${String(hours)} h ${String(rest).padStart(2, '0')} min`;
}

export function timeLeft(clock: AlertClock): string {
  return clock.minutesLeft >= 0 ? `${duration(clock.minutesLeft)} left` : `overdue by ${duration(clock.minutesLeft)}`;
}

function readableInstant(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function text(value: string, options: Record<string, JsonValue> = {}): JsonValue {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

/** Adaptive Cards have no "plain text" switch; escaping Markdown's characters keeps typed words literal. */
function literal(value: string): string {
  return value.replace(/([\\`*_{}[\]()#+\-.!|>~])/g, '\\$1');
}

/** Words a person typed: shown as they are, never read as Markdown. */
function typed(value: string): JsonValue {
  return text(literal(value));
}

function facts(alert: TeamsAlert): JsonValue {
  const rows: [string, string][] = [
    ['Ticket', alert.ticketNumber],
    ['Severity', alert.severity ?? 'not set'],
    ['Customer', literal(alert.customer)],
  ];
  if (alert.assignee !== undefined) rows.push(['Engineer', literal(alert.region === undefined ? alert.assignee : `${alert.assignee} (${alert.region})`)]);
  if (alert.clock !== undefined) {
    rows.push(['Clock', `${METRIC[alert.clock.metric]}, due ${readableInstant(alert.clock.dueAt)}`]);
    rows.push(['Time left', timeLeft(alert.clock)]);
  }
  return { type: 'FactSet', facts: rows.map(([title, value]) => ({ title, value })) };
}

function section(title: string, items: readonly string[]): JsonValue[] {
  return items.length === 0 ? [] : [text(title, { weight: 'Bolder', spacing: 'Medium' }), ...items.map((item) => typed(`• ${item}`))];
}

function details(alert: TeamsAlert): JsonValue[] {
  if (alert.handoff !== undefined) {
    const { brief } = alert.handoff;
    return [
      typed(`${alert.handoff.from} (${alert.handoff.fromRegion}) → ${alert.handoff.to} (${alert.handoff.toRegion})`),
      text('Problem', { weight: 'Bolder', spacing: 'Medium' }),
      typed(brief.problemStatement),
      ...(brief.nextStep === undefined ? [] : [text('Next step', { weight: 'Bolder', spacing: 'Medium' }), typed(brief.nextStep)]),
      ...section('Already tried', brief.whatWasTried),
      ...section('Open questions to the customer', brief.openQuestions.map((question) => question.question)),
      ...(brief.stalled ? [text(`Changed hands ${String(brief.handoffsWithoutCustomerUpdate)} times without news for the customer.`, { color: 'Attention' })] : []),
    ];
  }
  return [...(alert.reason === undefined ? [] : [typed(alert.reason)]), ...(alert.note === undefined ? [] : [typed(alert.note)])];
}

/** The card itself (what the Adaptive Card schema describes). */
export function adaptiveCardFor(alert: TeamsAlert, staffTicketUrl: string): Record<string, JsonValue> {
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    msteams: { width: 'Full' },
    body: [
      {
        type: 'Container',
        style: COLOUR[alert.kind],
        bleed: true,
        items: [text(`${HEADLINE[alert.kind]}: ${alert.ticketNumber}`, { size: 'Large', weight: 'Bolder' }), ...(alert.title === undefined ? [] : [typed(alert.title)])],
      },
      facts(alert),
      ...details(alert),
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Open the ticket', url: staffTicketUrl }],
  };
}

/** The webhook's message: the card as its one attachment. */
export function workflowMessageFor(alert: TeamsAlert, staffTicketUrl: string): Record<string, JsonValue> {
  return {
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: adaptiveCardFor(alert, staffTicketUrl) }],
  };
}
