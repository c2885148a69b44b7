/**
 * The frame around every requester page: document head, the desk's name, a skip link, the main
 * region the pages fill, and the one stylesheet and script (the script only adds comfort: every
 * page works without it).
 */
import { html, type SafeHtml } from './html';
import { assetUrl } from './static-assets';

export interface PageFrame {
  /** The page's own title; the desk's name is appended. */
  readonly title: string;
  readonly deskName: string;
  readonly main: SafeHtml;
}

export const DEFAULT_DESK_NAME = 'Baton Support';

export function renderPage(frame: PageFrame): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${frame.title} · ${frame.deskName}</title>
<link rel="stylesheet" href="${assetUrl('site.css')}">
<script src="${assetUrl('site.js')}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to the main content</a>
<header class="site-header"><div class="wrap"><a href="/">${frame.deskName}</a></div></header>
<main id="main" class="wrap" tabindex="-1">
${frame.main}
</main>
<footer class="site-footer"><div class="wrap"><p>${frame.deskName} · <a href="/">Open a new support request</a></p></div></footer>
</body>
</html>
`;
}
