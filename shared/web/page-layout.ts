/**
 * The frame around every requester page: document head, the desk's name, a skip link, the main
 * region the pages fill, and the one stylesheet and script (the script only adds comfort: every
 * page works without it).
 */
import { html, type SafeHtml } from './html';
import { renderHtmlDocument } from './html-document';

export interface PageFrame {
  /** The page's own title; the desk's name is appended. */
  readonly title: string;
  readonly deskName: string;
  readonly main: SafeHtml;
}

export const DEFAULT_DESK_NAME = 'Baton Support';

export function renderPage(frame: PageFrame): SafeHtml {
  return renderHtmlDocument({
    title: `${frame.title} · ${frame.deskName}`,
    stylesheets: ['site.css'],
    script: 'site.js',
    content: html`<header class="site-header"><div class="wrap"><a href="/">${frame.deskName}</a></div></header>
<main id="main" class="wrap" tabindex="-1">
${frame.main}
</main>
<footer class="site-footer"><div class="wrap"><p>${frame.deskName} · <a href="/">Open a new support request</a></p></div></footer>`,
  });
}
