/**
 * The pages the session layer itself answers with: a refused form post, sign-in being unavailable
 * or failing, a person without a Baton role, and the signed-out page. Each says what happened and
 * what to do, and none shows any ticket data.
 */
import type { HttpResponseInit } from '@azure/functions';
import { html, type SafeHtml } from '../../html';
import { htmlPageResponse } from '../../html-response';
import { DEFAULT_DESK_NAME, renderPage } from '../../page-layout';
import { CONSOLE_HOME } from './return-to';
import type { PostRefusal } from './post-guard';

function page(status: number, title: string, main: SafeHtml): HttpResponseInit {
  return htmlPageResponse(renderPage({ title, deskName: DEFAULT_DESK_NAME, main }), { status });
}

const SIGN_IN_AGAIN = html`<p><a href="/staff/sign-in">Sign in to the staff console</a></p>`;

const REFUSAL_REASONS: Readonly<Record<PostRefusal, string>> = {
  'cross-origin': 'The form was sent from another site, or from a page this site did not serve.',
  'origin-unproven': 'Your browser did not say which site the form came from.',
  'csrf-mismatch': 'The form did not carry this session’s security token: it may be from an earlier session.',
  'form-too-large': 'The form is too large to be read.',
  'unreadable-form': 'The form could not be read.',
};

/**
 * A form past the body limit (64 KiB) is refused whole, so the same text sent again is refused
 * again: the page says how to get it through instead of to retry.
 */
function formTooLargePage(): HttpResponseInit {
  return page(
    413,
    'Form too large',
    html`<div class="notice notice-failed" role="alert"><h1>This form is too large to be read</h1>
<p>${REFUSAL_REASONS['form-too-large']} Nothing was changed.</p>
<p>Go back with your browser’s Back button, where your text usually still is, and shorten it: quote the lines of a long log that matter, and ask for the whole file as an attachment.</p></div>`,
  );
}

export function refusedPostPage(reason: PostRefusal): HttpResponseInit {
  if (reason === 'form-too-large') return formTooLargePage();
  return page(
    403,
    'Request refused',
    html`<div class="notice notice-failed" role="alert"><h1>This request was refused</h1>
<p>${REFUSAL_REASONS[reason]} Nothing was changed.</p>
<p>Go back to the <a href="${CONSOLE_HOME}">staff console</a>, reload the page and try again.</p></div>`,
  );
}

/**
 * A form sent without a valid session: nothing was done, and the way back is a link to sign in.
 * Not a redirect: the console's `form-action 'self'` would stop the form's navigation at the
 * identity provider, which the sign-in route sends the browser on to.
 */
export function sessionEndedPage(signInLocation: string): HttpResponseInit {
  return page(
    401,
    'Sign in again',
    html`<div class="notice notice-failed" role="alert"><h1>Your session has ended</h1>
<p>You are not signed in any more, so what you sent was not recorded.</p>
<p><a href="${signInLocation}">Sign in again</a>, then send it once more.</p></div>`,
  );
}

export function signInUnavailablePage(detail: string): HttpResponseInit {
  return page(
    503,
    'Sign-in unavailable',
    html`<div class="notice notice-failed" role="alert"><h1>Staff sign-in is unavailable</h1>
<p>${detail}</p><p>Please try again in a moment; if it keeps happening, tell the person who runs Baton.</p></div>`,
  );
}

export function signInFailedPage(detail: string): HttpResponseInit {
  return page(
    400,
    'Sign-in failed',
    html`<div class="notice notice-failed" role="alert"><h1>Sign-in did not complete</h1><p>${detail}</p>${SIGN_IN_AGAIN}</div>`,
  );
}

export function noRolePage(name: string): HttpResponseInit {
  return page(
    403,
    'No access to the staff console',
    html`<div class="notice notice-failed" role="alert"><h1>You have no role in Baton</h1>
<p>You signed in as ${name}, but you hold none of Baton’s roles (engineer, team lead, TAM, admin), so the staff console shows you nothing.</p>
<p>Ask an administrator to assign you a role in Baton’s enterprise application (Users and groups), then sign in again.</p>${SIGN_IN_AGAIN}</div>`,
  );
}

/**
 * Signed out of Baton; on to the identity provider to end the sign-in there too. Not a redirect:
 * the console's `form-action 'self'` would stop a form post redirected to another site, while a
 * refresh from the page (and its link, for a browser that ignores it) is a navigation of its own.
 */
export function leavingForProviderSignOutPage(endSessionUrl: string): HttpResponseInit {
  return page(
    200,
    'Signing out',
    html`<meta http-equiv="refresh" content="0; url=${endSessionUrl}">
<h1>You have signed out of Baton</h1>
<p>Your session has ended on this browser. <a href="${endSessionUrl}">Finish signing out of your organisation’s account</a>.</p>`,
  );
}

export function signedOutPage(): HttpResponseInit {
  return page(200, 'Signed out', html`<h1>You have signed out</h1><p>Your session has ended on this browser.</p>${SIGN_IN_AGAIN}`);
}
