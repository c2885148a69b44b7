/**
 * The requester pages' routes. host.json's empty route prefix puts them at the site root, beside
 * the API under `api/`. A Functions route cannot be empty (an empty one means "the function's
 * name"), so the root is an optional parameter that only the empty string satisfies.
 */
export const SITE_ROOT_ROUTE = '{root:maxlength(0)?}';

export const TICKET_PAGE_ROUTE = 'tickets/{ticketNumber}';

/** The guided chat; a conversation's resume link carries its token in the fragment, which never reaches a server log. */
export const CHAT_PAGE_ROUTE = 'chat';
