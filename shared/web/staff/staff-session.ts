/**
 * What a console page knows of the signed-in person: who they are (the identity provider's immutable
 * id, name, roles; the same principal a bearer token yields on the JSON API) and the token that
 * every state-changing form of theirs must carry. The session boundary establishes it; pages only
 * read it.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { StaffPrincipal } from '../../auth/staff-token';

export interface StaffSession {
  readonly principal: StaffPrincipal;
  /** Put in a hidden `csrf` field of every form that changes state; the boundary checks it on POST. */
  readonly csrfToken: string;
  /** When the session ends unless the person keeps using it (sliding renewal moves it on). */
  readonly expiresAt: string;
}

/** A console page: called only with a valid session (and, for a POST, after the CSRF and origin checks). */
export type StaffPageHandler = (request: HttpRequest, session: StaffSession) => Promise<HttpResponseInit>;
