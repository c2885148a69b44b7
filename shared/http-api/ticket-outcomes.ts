/**
 * Turns the ticket service's typed outcomes into either the value a handler goes on with or the
 * answer it gives: 404 for a missing ticket, 503 + Retry-After while the store is unavailable, a
 * domain rejection as 403/409/422. A broken document or configuration is a bug: it is thrown to
 * the problem boundary, which logs it and answers a generic 500.
 */
import type { HttpResponseInit } from '@azure/functions';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import { notFoundProblem } from '../http-edge/problem';
import { problemForStoreFailure } from '../http-edge/store-failure-problem';
import type { OrgConfigLoad } from '../org-config/org-config-source';
import type { ApplyResult } from '../ticket-service/apply-to-ticket';
import type { TicketRead } from '../store/ticket-repository';
import { rejectionProblem } from './rejection-problem';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly response: HttpResponseInit };

export class TicketServiceFault extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TicketServiceFault';
  }
}

/** The same answer for "no such ticket" and "not yours", so ticket numbers cannot be probed. */
export function ticketNotFound(instance: string): HttpResponseInit {
  return notFoundProblem({ instance, detail: 'No ticket with this number is available to you.' });
}

export function readTicketOutcome(read: TicketRead, instance: string): Outcome<Ticket> {
  switch (read.kind) {
    case 'found':
      return { ok: true, value: read.ticket };
    case 'not-found':
      return { ok: false, response: ticketNotFound(instance) };
    case 'failed':
      return { ok: false, response: problemForStoreFailure(read.failure, { instance }) };
    case 'invalid':
      throw new TicketServiceFault(`stored ticket is invalid: ${read.reason}`);
  }
}

export function orgConfigOutcome(load: OrgConfigLoad, instance: string): Outcome<OrgConfig> {
  switch (load.kind) {
    case 'loaded':
      return { ok: true, value: load.config };
    case 'failed':
      return { ok: false, response: problemForStoreFailure(load.failure, { instance }) };
    case 'missing':
      throw new TicketServiceFault('no organisation configuration is loaded');
    case 'invalid':
      throw new TicketServiceFault(load.reason);
  }
}

/** The ticket after the command (or as it stood when nothing needed to change). */
export function applyOutcome(result: ApplyResult, instance: string): Outcome<Ticket> {
  switch (result.kind) {
    case 'applied':
    case 'unchanged':
      return { ok: true, value: result.ticket };
    case 'rejected':
      return { ok: false, response: rejectionProblem(result.rejection, instance) };
    case 'not-found':
      return { ok: false, response: ticketNotFound(instance) };
    case 'unavailable':
      return { ok: false, response: problemForStoreFailure(result.failure, { instance }) };
    case 'failed':
      throw new TicketServiceFault(result.reason);
  }
}
