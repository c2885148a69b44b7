/**
 * The frame around every staff console page: the requester pages' stylesheet plus the console's
 * own, a navigation that names the page the person is on, and a sign-out form carrying the
 * session's CSRF token. Pages hand it their title and main content; it never reads the store.
 */
import type { StaffRole } from '../../auth/staff-token';
import { html, type SafeHtml } from '../html';
import { DEFAULT_DESK_NAME } from '../page-layout';
import { renderHtmlDocument } from '../html-document';
import { STAFF_ROUTES } from './staff-routes';
import type { StaffSession } from './staff-session';

/** The console's own pages, as the navigation names them. */
export type ConsoleSection = 'my-work' | 'queue' | 'tam';

interface NavigationItem {
  readonly section: ConsoleSection;
  readonly label: string;
  readonly path: string;
  /** Shown only to people holding one of these roles; to everyone when absent. */
  readonly roles?: readonly StaffRole[];
}

const NAVIGATION: readonly NavigationItem[] = [
  { section: 'my-work', label: 'My work', path: `/${STAFF_ROUTES.myWork}` },
  { section: 'queue', label: 'Queue', path: `/${STAFF_ROUTES.queue}` },
  { section: 'tam', label: 'TAM', path: `/${STAFF_ROUTES.tam}`, roles: ['tam'] },
];

export interface ConsolePage {
  /** The page's own title; the console's name is appended. */
  readonly title: string;
  readonly session: StaffSession;
  /** The navigation entry to mark as the current page; none on a ticket page. */
  readonly active?: ConsoleSection;
  readonly body: SafeHtml;
  readonly deskName?: string;
  /** Seconds after which the enhancement script reloads the page while nobody is typing in it. */
  readonly autoRefreshSeconds?: number;
  /**
   * The app's time when the page was rendered: the countdowns count from it, not from the
   * browser's clock, which may be off (or, on the offline stack, on another day than the app's).
   */
  readonly renderedAt?: string;
}

/** The sections the person may open, in navigation order. */
export function consoleSections(roles: readonly StaffRole[]): readonly ConsoleSection[] {
  return NAVIGATION.filter((item) => item.roles === undefined || item.roles.some((role) => roles.includes(role))).map((item) => item.section);
}

function navigation(session: StaffSession, active: ConsoleSection | undefined): SafeHtml {
  const visible = consoleSections(session.principal.roles);
  const items = NAVIGATION.filter((item) => visible.includes(item.section)).map(
    (item) =>
      html`<li><a href="${item.path}"${item.section === active ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
  );
  return html`<nav class="console-nav" aria-label="Console"><ul>${items}</ul></nav>`;
}

function signOutForm(session: StaffSession): SafeHtml {
  return html`<form class="sign-out" method="post" action="/${STAFF_ROUTES.signOut}">
<input type="hidden" name="csrf" value="${session.csrfToken}">
<span class="signed-in-as">${session.principal.name}</span>
<button type="submit" class="button button-secondary button-small">Sign out</button>
</form>`;
}

export function renderConsolePage(page: ConsolePage): SafeHtml {
  const deskName = page.deskName ?? DEFAULT_DESK_NAME;
  const refresh = page.autoRefreshSeconds === undefined ? '' : html` data-auto-refresh="${String(page.autoRefreshSeconds)}"`;
  return renderHtmlDocument({
    title: `${page.title} · ${deskName} console`,
    stylesheets: ['site.css', 'console.css'],
    script: 'console.js',
    bodyAttributes: html` class="console"${page.renderedAt === undefined ? '' : html` data-rendered-at="${page.renderedAt}"`}`,
    content: html`<header class="site-header console-header"><div class="wrap wrap-wide console-bar">
<a class="console-home" href="/${STAFF_ROUTES.myWork}">${deskName} console</a>
${navigation(page.session, page.active)}
${signOutForm(page.session)}
</div></header>
<main id="main" class="wrap wrap-wide" tabindex="-1"${refresh}>
${page.body}
</main>`,
  });
}
