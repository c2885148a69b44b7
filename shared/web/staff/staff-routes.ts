/**
 * The staff console's routes, beside the requester pages at the site root (host.json's empty route
 * prefix). Emails link to these, so they are part of what Baton promises and change only with care.
 */
export const STAFF_ROUTES = {
  myWork: 'staff',
  queue: 'staff/queue',
  ticket: 'staff/tickets/{ticketNumber}',
  tam: 'staff/tam',
  signIn: 'staff/sign-in',
  signInCallback: 'staff/sign-in/callback',
  signOut: 'staff/sign-out',
  /** Where the identity provider sends the browser back after signing out. */
  signedOut: 'staff/signed-out',
} as const;

/** The path of a ticket's console page, for links in staff emails and between console pages. */
export function staffTicketPath(ticketNumber: string): string {
  return `/staff/tickets/${encodeURIComponent(ticketNumber)}`;
}
