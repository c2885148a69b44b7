/**
 * The dev issuer's sign-in page: instead of a password, pick a person of the sample organisation or
 * type a name and tick roles. Escaped by the same renderer as Baton's pages.
 */
import { StaffRoleSchema } from '../../../shared/auth/staff-token';
import { html, type SafeHtml } from '../../../shared/web/html';
import type { DevPerson } from './dev-people';

/** The authorization request, carried through the page in hidden fields. */
export interface PendingAuthorization {
  readonly client_id: string;
  readonly redirect_uri: string;
  readonly state?: string | undefined;
  readonly nonce?: string | undefined;
  readonly code_challenge: string;
  readonly code_challenge_method: 'S256';
  readonly scope?: string | undefined;
}

function hiddenFields(request: PendingAuthorization): SafeHtml[] {
  return Object.entries(request).flatMap(([name, value]) =>
    typeof value === 'string' ? [html`<input type="hidden" name="${name}" value="${value}">`] : [],
  );
}

export function devSignInPage(request: PendingAuthorization, people: readonly DevPerson[]): string {
  const hidden = hiddenFields(request);
  const roleBoxes = StaffRoleSchema.options.map(
    (role) => html`<label><input type="checkbox" name="roles" value="${role}"> ${role}</label> `,
  );
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in · Baton dev identity provider</title></head>
<body>
<main>
<h1>Sign in to Baton (development)</h1>
<p>This is the offline stack's stand-in for Entra ID: choose who you are. Nobody is asked for a password.</p>
<form method="post" action="/authorize">
${hidden}
<h2>A person of the sample organisation</h2>
<ul>
${people.map((person) => html`<li><button type="submit" name="person" value="${person.id}">${person.name}</button> (${person.description})</li>`)}
</ul>
</form>
<form method="post" action="/authorize">
${hidden}
<h2>Someone else</h2>
<p><label>Name <input name="name" autocomplete="name" required></label></p>
<fieldset><legend>Roles (none: a person Baton gives no access)</legend>${roleBoxes}</fieldset>
<p><button type="submit" name="person" value="typed">Sign in</button></p>
</form>
</main>
</body>
</html>
`.markup;
}

export function devSignInErrorPage(message: string): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign-in request refused · Baton dev identity provider</title></head>
<body><main><h1>This sign-in request was refused</h1><p>${message}</p></main></body></html>
`.markup;
}
