/**
 * The TAM view, as data: the open tickets of the customers whose contracts name the signed-in
 * person as TAM, Severity A first and, within a severity, those at risk (a breached or warning
 * clock, a stalled handoff) before the rest; and the list the daily digest would send them now,
 * built by the digest's own function. Pure: the tickets and the time are given.
 */
import type { StaffPrincipal } from '../../../auth/staff-token';
import { isHandoffStalled } from '../../../domain/handoff/handoff-stall';
import { notificationContextFor } from '../../../domain/notifications/notification-context';
import { tamDigestsFor, type AtRiskTicket } from '../../../domain/notifications/tam-digest';
import type { OrgConfig } from '../../../domain/org/org-config';
import { SeveritySchema, type Instant } from '../../../domain/primitives';
import type { Ticket } from '../../../domain/ticket/ticket';
import { isFinished } from '../../../domain/ticket/ticket-status';
import type { EngineerRef } from '../../../domain/ticket/engineer-ref';
import { workRow, type WorkRow } from '../my-work/my-work-view';

export interface TamRow extends WorkRow {
  readonly customer: string;
  readonly assignee?: EngineerRef;
  readonly breached: boolean;
  readonly warning: boolean;
  readonly stalled: boolean;
}

export interface TamView {
  /** The contracts naming this person as TAM; empty for a TAM with no customers yet. */
  readonly contracts: readonly { readonly id: string; readonly customer: string }[];
  readonly tickets: readonly TamRow[];
  /** What the daily digest would list for this TAM now (empty: no digest would be sent). */
  readonly digest: readonly AtRiskTicket[];
}

function sameAddress(first: string | undefined, second: string): boolean {
  return first !== undefined && first.trim().toLowerCase() === second.trim().toLowerCase();
}

/** The contracts whose TAM the person is, matched by the address on the contract. */
export function contractsOfTam(org: Pick<OrgConfig, 'contracts'>, principal: StaffPrincipal): OrgConfig['contracts'] {
  return org.contracts.filter((contract) => sameAddress(contract.tamEmail, principal.email));
}

const SEVERITY_RANK = new Map<string, number>(SeveritySchema.options.map((severity, index) => [severity, index]));

function tamOrder(first: TamRow, second: TamRow): number {
  const severity = (row: TamRow): number => SEVERITY_RANK.get(row.severity ?? '') ?? SEVERITY_RANK.size;
  const atRisk = (row: TamRow): number => (row.breached || row.warning || row.stalled ? 0 : 1);
  const due = (row: TamRow): number => (row.nearestDueAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(row.nearestDueAt));
  const bySeverity = severity(first) - severity(second);
  if (bySeverity !== 0) return bySeverity;
  const byRisk = atRisk(first) - atRisk(second);
  if (byRisk !== 0) return byRisk;
  if (due(first) !== due(second)) return due(first) < due(second) ? -1 : 1;
  return first.ticketNumber.localeCompare(second.ticketNumber);
}

export interface TamViewInput {
  readonly principal: StaffPrincipal;
  readonly org: OrgConfig;
  /** Open tickets under the person's contracts; anything else given is left out. */
  readonly tickets: readonly Ticket[];
  readonly now: Instant;
}

export function tamView(input: TamViewInput): TamView {
  const { principal, org, now } = input;
  const contracts = contractsOfTam(org, principal);
  // The digest's own rule for whose TAM a ticket is (the ticket's, else its contract's).
  const mine = input.tickets.filter((ticket) => !isFinished(ticket.status) && sameAddress(notificationContextFor(ticket, org).tam?.email, principal.email));
  const tickets = mine
    .map((ticket): TamRow => {
      const row = workRow(ticket, org, now);
      return {
        ...row,
        customer: ticket.company ?? ticket.requesterEmail,
        ...(ticket.assignee === undefined ? {} : { assignee: ticket.assignee }),
        breached: row.clocks.some((clock) => clock.state === 'breached'),
        warning: row.clocks.some((clock) => clock.state === 'warning'),
        stalled: isHandoffStalled(ticket, org.lifecycle.handoffStallThreshold),
      };
    })
    .sort(tamOrder);
  const digest = tamDigestsFor(mine, org, now).find((candidate) => candidate.to.some((recipient) => sameAddress(recipient.email, principal.email)));
  return {
    contracts: contracts.map((contract) => ({ id: contract.id, customer: contract.company })),
    tickets,
    digest: digest?.tickets ?? [],
  };
}
