/**
 * The links Baton hands out, built from `BATON_PUBLIC_BASE_URL`: the requester's status page (with
 * their access token), the answers to a proposed resolution, the API status URL, and the ticket's
 * page in the staff console.
 */
import type { TicketNumber } from '../domain/ticket/ticket-number';
import { staffTicketPath } from '../web/staff/staff-routes';

export interface RequesterLinks {
  /** The status page, opened with the access token. */
  readonly statusPage: string;
  readonly confirmResolution: string;
  readonly rejectResolution: string;
}

function ticketPath(ticketNumber: TicketNumber): string {
  return encodeURIComponent(ticketNumber);
}

/** The requester API's resource for the ticket; the token travels in a header, not in this URL. */
export function ticketStatusUrl(baseUrl: string, ticketNumber: TicketNumber): string {
  return `${baseUrl}/api/tickets/${ticketPath(ticketNumber)}`;
}

export function requesterLinks(baseUrl: string, ticketNumber: TicketNumber, accessToken: string): RequesterLinks {
  const page = `${baseUrl}/tickets/${ticketPath(ticketNumber)}?access=${encodeURIComponent(accessToken)}`;
  return {
    statusPage: page,
    // Opening a link must never change anything: the page asks the requester to confirm the answer.
    confirmResolution: `${page}&answer=confirm#resolution`,
    rejectResolution: `${page}&answer=reject#resolution`,
  };
}

/**
 * The ticket's page in the staff console, which a browser opens (signing in first if need be);
 * the JSON resource under `/api/staff/` would answer a browser with a 401.
 */
export function staffTicketUrl(baseUrl: string, ticketNumber: TicketNumber): string {
  return `${baseUrl}${staffTicketPath(ticketNumber)}`;
}
