/**
 * The lifecycle's ports over memory: the real `applyToTicket` of the ticket service on an
 * in-memory repository, the sample organisation, a scriptable vendor and a recording outbox. The
 * notifier records the events it was asked to announce and the domain's notifications they make
 * (once per message id, as the outbox keeps them), standing in for the emails; while
 * `outboxDown` is set it queues nothing and reports every email failed, as a store outage would.
 */
import type { Command } from '../../../../shared/domain/commands/commands';
import type { Notification } from '../../../../shared/domain/notifications/notification';
import type { OrgConfig } from '../../../../shared/domain/org/org-config';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import type { TimelineEvent } from '../../../../shared/domain/timeline/timeline-event';
import type { OutboxDraft } from '../../../../shared/email/outbox-message';
import type { LifecyclePorts } from '../../../../shared/orchestration/lifecycle-ports';
import { ticketChanges } from '../../../../shared/ticket-service/apply-to-ticket';
import { outboxMessageId, plannedEmails } from '../../../../shared/email/planned-emails';
import { StoredTicketSchema, ticketOf, type StoredTicket } from '../../../../shared/store/stored-ticket';
import type { NotificationOutcome, TicketNotifier } from '../../../../shared/email/ticket-notifier';
import { stamped, withNextLook, withoutDebt, type TicketRepository } from '../../../../shared/store/ticket-repository';
import type { NewServiceRequest, ServiceRequest } from '../../../../shared/vendor/vendor-schemas';
import type { RequestOptions, VendorClient, VendorResult } from '../../../../shared/vendor/vendor-client';

export interface VendorScript {
  /** Answers of `createCase`, in order; the last one repeats. */
  createAnswers: ('unavailable' | 'ok')[];
  readonly created: { request: NewServiceRequest; options: RequestOptions | undefined }[];
  readonly cases: Map<string, ServiceRequest>;
  readonly reads: string[];
}

export interface InMemoryPorts extends LifecyclePorts {
  readonly tickets: Map<string, StoredTicket>;
  readonly announced: TimelineEvent[];
  /** What the ticket service's notifier would queue for the announced events. */
  readonly notified: Notification[];
  /** What the lifecycle queued itself (the TAM digests). */
  readonly emails: OutboxDraft[];
  readonly vendorScript: VendorScript;
  /** What the ticket store was asked, in order (a write given no version to start from reads first). */
  readonly storeCalls: string[];
  /** The outbox refuses every email while set. */
  outboxDown: boolean;
  /** What the ticket service runs on, for the timers that use it directly (the watchdog's sweep). */
  readonly ticketRepository: TicketRepository;
  readonly ticketNotifier: TicketNotifier;
  /** Runs once right after the next reconcile's first apply: a person's command racing the turn. */
  afterNextApply?: () => void;
  /** Runs once before the next write reaches the store: a person's command landing between a turn's read and its write. */
  beforeNextWrite?: () => Promise<void>;
  /** As saved before `lifecycleDueAt` existed. */
  put(ticket: Ticket): void;
  /** As the repository saves it at `at`, with the instants every save refreshes. */
  save(ticket: Ticket, at: string): void;
  ticket(ticketNumber: string): Ticket;
  /** A person's command, applied as the HTTP API would (the caller raises the wake-up). */
  act(ticketNumber: string, command: Command, now: string): Promise<Ticket>;
}

function serviceRequest(id: string, request: NewServiceRequest, at: string): ServiceRequest {
  return { ...request, id, status: 'open', scope: null, notes: [], createdDate: at, lastModifiedDate: at, lastClosedDate: null };
}

function fakeVendor(script: VendorScript, now: () => string): VendorClient {
  const unavailable = { ok: false, error: { kind: 'unavailable', attempts: 1, message: 'vendor answered 503' } } as const;
  return {
    async createCase(request, options): Promise<VendorResult<ServiceRequest>> {
      script.created.push({ request, options });
      const answer = script.createAnswers.length > 1 ? script.createAnswers.shift() : script.createAnswers[0];
      if (answer === 'unavailable') return unavailable;
      const existing = [...script.cases.values()].find((candidate) => candidate.title === request.title);
      const created = existing ?? serviceRequest(`SR-${String(script.cases.size + 1)}`, request, now());
      script.cases.set(created.id, created);
      return { ok: true, value: created, attempts: 1 };
    },
    async getCase(caseId): Promise<VendorResult<ServiceRequest>> {
      script.reads.push(caseId);
      const found = script.cases.get(caseId);
      return found ? { ok: true, value: found, attempts: 1 } : { ok: false, error: { kind: 'not-found', status: 404, message: 'no such case' } };
    },
    async addNote(caseId): Promise<VendorResult<ServiceRequest>> {
      const found = script.cases.get(caseId);
      return found ? { ok: true, value: found, attempts: 1 } : { ok: false, error: { kind: 'not-found', status: 404, message: 'no such case' } };
    },
  };
}

export function inMemoryPorts(org: OrgConfig, now: () => string): InMemoryPorts {
  const tickets = new Map<string, StoredTicket>();
  const announced: TimelineEvent[] = [];
  const notified: Notification[] = [];
  const emails: OutboxDraft[] = [];
  const vendorScript: VendorScript = { createAnswers: ['ok'], created: [], cases: new Map(), reads: [] };
  const storeCalls: string[] = [];
  const repository: TicketRepository = {
    async create() {
      throw new Error('not used by the lifecycle');
    },
    async read(ticketNumber) {
      storeCalls.push('read ticket');
      const stored = tickets.get(ticketNumber);
      return stored ? { kind: 'found', ticket: ticketOf(stored), stored, etag: 'e' } : { kind: 'not-found' };
    },
    async update(ticketNumber, mutate, stamp, current) {
      const racing = ports.beforeNextWrite;
      ports.beforeNextWrite = undefined;
      await racing?.();
      storeCalls.push(current === undefined ? 'read and write ticket' : 'write ticket on the version held');
      const stored = tickets.get(ticketNumber);
      if (!stored) return { kind: 'not-found' };
      const mutation = mutate(stored);
      if (mutation.kind === 'no-change') return { kind: 'unchanged', document: stored, etag: 'e' };
      if (mutation.kind === 'rejected') return { kind: 'rejected', rejection: mutation.rejection, document: stored, etag: 'e' };
      const saved = StoredTicketSchema.parse(JSON.parse(JSON.stringify(stamped(mutation.document, stamp))));
      tickets.set(ticketNumber, saved);
      return { kind: 'updated', document: saved, etag: 'e', attempts: 1 };
    },
    async listByRequester() {
      return { kind: 'read', tickets: [], skipped: [] };
    },
    async queueView(filter) {
      storeCalls.push('list tickets');
      const all = [...tickets.values()].map(ticketOf);
      return { kind: 'read', tickets: all.filter((ticket) => filter.statuses === undefined || filter.statuses.includes(ticket.status)), skipped: [] };
    },
    async queuePage() {
      throw new Error('not used by the lifecycle');
    },
    async assigneeLoads(statuses, maxItems) {
      storeCalls.push('read engineer loads');
      const load: Record<string, number> = {};
      const carried = [...tickets.values()].filter((stored) => statuses.includes(stored.status)).slice(0, maxItems);
      for (const { assignee } of carried) if (assignee !== undefined) load[assignee.engineerId] = (load[assignee.engineerId] ?? 0) + 1;
      return { kind: 'read', load, counted: carried.length };
    },
    async awaitingLifecycle() {
      return { kind: 'read', tickets: [], skipped: [] };
    },
    async owingNotifications(owingSince) {
      const owing = [...tickets.values()].filter((stored) => stored.notificationDebt !== undefined && stored.notificationDebt.since <= owingSince);
      return { kind: 'read', tickets: owing.map((stored) => ({ stored, etag: 'e' })), skipped: [] };
    },
    async lifecyclesDue(dueBy) {
      const due = [...tickets.values()].filter((stored) => stored.lifecycleDueAt !== undefined && stored.lifecycleDueAt <= dueBy);
      return { kind: 'read', tickets: due.map((stored) => ({ stored, etag: 'e' })), skipped: [] };
    },
    async lifecyclesUnstamped() {
      const unstamped = [...tickets.values()].filter((stored) => stored.lifecycleDueAt === undefined);
      return { kind: 'read', tickets: unstamped.map((stored) => ({ stored, etag: 'e' })), skipped: [] };
    },
    async postponeLifecycle(current, nextLookAt) {
      const stored = tickets.get(current.stored.ticketNumber);
      const mutation = stored === undefined ? undefined : withNextLook(stored, current.stored, nextLookAt);
      if (mutation?.kind !== 'replace') return { kind: 'changed-meanwhile' };
      tickets.set(current.stored.ticketNumber, StoredTicketSchema.parse(JSON.parse(JSON.stringify(mutation.document))));
      return { kind: 'postponed' };
    },
    async settleNotifications(ticketNumber, eventIds, current) {
      storeCalls.push(current === undefined ? 'read and settle emails' : 'settle emails on the version held');
      const stored = tickets.get(ticketNumber);
      const mutation = stored === undefined ? undefined : withoutDebt(stored, eventIds);
      if (mutation?.kind !== 'replace') return { kind: 'nothing-owed' };
      const settled = StoredTicketSchema.parse(JSON.parse(JSON.stringify(mutation.document)));
      tickets.set(ticketNumber, settled);
      return { kind: 'settled', version: { stored: settled, etag: 'e' } };
    },
  };
  const notify: TicketNotifier = {
    async enqueue(ticket: Ticket, events: readonly TimelineEvent[], config: OrgConfig | undefined): Promise<NotificationOutcome> {
      announced.push(...events);
      const planned = plannedEmails(ticket, events, config).map((email) => email.notification);
      if (ports.outboxDown) return { enqueued: [], alreadyEnqueued: [], failed: planned.map((notification) => ({ id: outboxMessageId(notification), reason: 'unavailable' })), undeliverable: [] };
      const fresh = planned.filter((notification) => !notified.some((queued) => queued.messageId === notification.messageId));
      notified.push(...fresh);
      return { enqueued: fresh.map(outboxMessageId), alreadyEnqueued: planned.filter((notification) => !fresh.includes(notification)).map(outboxMessageId), failed: [], undeliverable: [] };
    },
    async deliverPromptly() {},
  };
  const dependencies = {
    repository,
    orgConfig: async () => ({ kind: 'loaded', config: org }) as const,
    notify,
  };
  const applyToTicket = ticketChanges(dependencies);
  const ports: InMemoryPorts = {
    tickets,
    storeCalls,
    announced,
    notified,
    emails,
    vendorScript,
    outboxDown: false,
    ticketRepository: repository,
    ticketNotifier: notify,
    readTicket: (ticketNumber) => repository.read(ticketNumber),
    async applyToTicket(ticketNumber, decideCommands, at, options) {
      const result = await applyToTicket(ticketNumber, decideCommands, at, options);
      const hook = ports.afterNextApply;
      ports.afterNextApply = undefined;
      hook?.();
      return result;
    },
    listTickets: (filter) => repository.queueView(filter),
    assigneeLoads: (statuses, maxItems) => repository.assigneeLoads(statuses, maxItems),
    orgConfig: dependencies.orgConfig,
    vendor: fakeVendor(vendorScript, now),
    async enqueueEmail(draft) {
      if (emails.some((email) => email.id === draft.id)) return { kind: 'already-enqueued' };
      emails.push(draft);
      return { kind: 'enqueued', message: { ...draft, status: 'pending', attempts: 0, nextAttemptAt: now(), createdAt: now() }, etag: `"${draft.id}"` };
    },
    publicBaseUrl: 'https://baton.example',
    put(ticket) {
      tickets.set(ticket.ticketNumber, StoredTicketSchema.parse({ ...ticket, appliedCommands: [] }));
    },
    save(ticket, at) {
      tickets.set(ticket.ticketNumber, StoredTicketSchema.parse(stamped({ ...ticket, appliedCommands: [] }, { org, now: at })));
    },
    ticket(ticketNumber) {
      const stored = tickets.get(ticketNumber);
      if (!stored) throw new Error(`no ticket ${ticketNumber}`);
      return ticketOf(stored);
    },
    async act(ticketNumber, command, at) {
      const applied = await applyToTicket(ticketNumber, () => command, at);
      if (applied.kind !== 'applied') throw new Error(`${command.type} was not applied: ${applied.kind === 'rejected' ? applied.rejection.message : applied.kind}`);
      return applied.ticket;
    },
  };
  return ports;
}
