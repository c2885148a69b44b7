/**
 * The HTML document every page of the site is drawn in, the requester pages and the staff console
 * alike: the head (character set, viewport, referrer policy, title, stylesheets, one deferred
 * script) and the skip link to the main region, so a change to any of them reaches every page.
 */
import { html, type SafeHtml } from './html';
import { assetUrl, type AssetName } from './static-assets';

export interface HtmlDocument {
  /** The whole title, the site's name included. */
  readonly title: string;
  /** Asset names of the stylesheets, in the order they cascade. */
  readonly stylesheets: readonly AssetName[];
  /** Asset name of the script; it only adds comfort, since every page works without it. */
  readonly script: AssetName;
  /** Attributes of the body element, such as its class. */
  readonly bodyAttributes?: SafeHtml;
  /** What follows the skip link: the header, the main region (id "main") and any footer. */
  readonly content: SafeHtml;
}

export function renderHtmlDocument(document: HtmlDocument): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${document.title}</title>
${document.stylesheets.map((name) => html`<link rel="stylesheet" href="${assetUrl(name)}">\n`)}<script src="${assetUrl(document.script)}" defer></script>
</head>
<body${document.bodyAttributes ?? ''}>
<a class="skip-link" href="#main">Skip to the main content</a>
${document.content}
</body>
</html>
`;
}
