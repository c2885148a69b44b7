/**
 * How long each kind of browser test step may take. On a loaded two-core machine a page opens in
 * up to 3 s, the form fills in up to 2.5 s, and everything else takes well under a second; the
 * limits leave several times that, yet keep a whole test's steps well inside its jest timeout, so
 * a stall is reported by the step it happened in.
 */
import { REQUEST_LIMIT_MS } from './bounded-request';
import { STATUS_WAIT_BOUND_MS } from './requester-api';

/** A new context and page, and loading a page (or following a link) until it has loaded. */
export const PAGE_LOAD_MS = 15_000;
/** A click, a choice or a screenshot on a page that has loaded. */
export const PAGE_ACTION_MS = 10_000;
/** Filling the intake form field by field: up to two dozen Playwright actions. */
export const FORM_FILL_MS = 15_000;
/** Sending a form and waiting for the answer or the page it leads to (the store is written first). */
export const FORM_SEND_MS = 12_000;
/** One request a test sends itself, answered and read. */
export const API_CALL_MS = REQUEST_LIMIT_MS + 1_000;
/** The lifecycle assigning a newly filed ticket, as seen by polling the requester API. */
export const LIFECYCLE_WAIT_MS = STATUS_WAIT_BOUND_MS + 1_000;
