/**
 * The ticket domain's public surface in one import: schemas, lifecycle (decide/evolve),
 * validation, severity integrity, handoff, notifications and organisation configuration, with the
 * SLA engine, calendars, roster and routing. Pure: no Azure, no I/O, time is always a parameter.
 */
export * from './primitives';

// Intake and validation reasons.
export * from './intake/intake';
export * from './intake/intake-fields';
export * from './intake/parse-intake';
export * from './intake/validation-reason';
export * from './intake/description-clarity';

// The ticket document and its timeline.
export * from './ticket/actor';
export * from './ticket/engineer-ref';
export * from './ticket/ticket';
export * from './ticket/ticket-number';
export * from './ticket/ticket-status';
export * from './ticket/vendor-case';
export * from './timeline/event-base';
export * from './timeline/timeline-event';
export * from './timeline/customer-visible-update';
export * from './timeline/sla-metric';
export * from './timeline/intake-events';
export * from './timeline/conversation-events';
export * from './timeline/severity-events';
export * from './timeline/vendor-events';
export * from './timeline/resolution-events';
export * from './timeline/handoff-events';
export * from './timeline/sla-events';

// Lifecycle: commands, who may issue them, decide and evolve, validation, SLA history.
export * from './commands/commands';
export * from './commands/command-roles';
export * from './commands/command-statuses';
export * from './commands/decision';
export * from './commands/decision-context';
export * from './commands/decide';
export * from './commands/evolve';
export * from './commands/receive-ticket';
export * from './commands/instants';
export * from './commands/validate-ticket';
export * from './commands/mandatory-information';
export * from './commands/validation-commands';
export * from './commands/vendor-escalation-state';
export * from './sla/sla-history-from-timeline';
export { slaAlertCommand } from './commands/decide-sla-alert';

// Entitlement and severity integrity.
export * from './entitlement/contract-match';
export * from './entitlement/entitlement-check';
export * from './severity/severity-order';
export * from './severity/availability-rule';

// Follow-the-sun handoff.
export * from './handoff/handoff-brief';
export * from './handoff/build-handoff-brief';
export * from './handoff/questions-answered';
export * from './handoff/handoff-stall';
export * from './handoff/handoff-state';

// Notifications as data.
export * from './notifications/notification';
export * from './notifications/notification-context';
export * from './notifications/notification-data';
export * from './notifications/notifications-for';

// Organisation configuration and the sample organisation.
export * from './org/contract';
export * from './org/plan';
export * from './org/product-area';
export * from './org/lifecycle-settings';
export * from './org/cross-references';
export * from './org/org-config';
export * from './org/team-leads';
export * from './org/sample/sample-org';

// SLA engine, calendars, roster and routing.
export * from './calendar/calendar';
export * from './calendar/weekly-hours';
export * from './calendar/business-time';
export * from './sla/sla-policy';
export * from './sla/sla-history';
export * from './sla/sla-clock';
export * from './sla/sla-clocks';
export * from './sla/sla-alerts';
export * from './sla/sla-defaults';
export * from './sla/clock-explanation';
export * from './roster/roster';
export * from './roster/region-shifts';
export * from './roster/handoff-order';
export * from './roster/coverage-gaps';
export * from './routing/queue';
export * from './routing/route-to-queue';
export * from './routing/choose-assignee';
