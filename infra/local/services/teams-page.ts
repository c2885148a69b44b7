/**
 * The Teams stand-in's page: every card posted, newest first, grouped under its channel, drawn
 * from the Adaptive Card's elements Baton uses (text, fact sets, containers, open-URL buttons).
 * Card text is untrusted: every string is escaped, links are shown only for http(s) URLs, and
 * the page's Content-Security-Policy forbids scripts.
 */
import { escapeHtml } from './mailbox-page';
import type { TeamsPost } from './teams-schemas';

export const TEAMS_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

type Json = unknown;

function field(value: Json, name: string): Json {
  return typeof value === 'object' && value !== null ? (value as Record<string, Json>)[name] : undefined;
}

function textOf(value: Json): string {
  return typeof value === 'string' ? value : '';
}

/** Markdown escapes Baton adds to typed text, undone for display. */
function unescaped(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function element(value: Json): string {
  switch (field(value, 'type')) {
    case 'TextBlock': {
      const large = field(value, 'size') === 'Large';
      const text = escapeHtml(unescaped(textOf(field(value, 'text'))));
      return large ? `<h3>${text}</h3>` : `<p>${text}</p>`;
    }
    case 'FactSet': {
      const facts = field(value, 'facts');
      const rows = Array.isArray(facts)
        ? facts.map((fact) => `<tr><th>${escapeHtml(unescaped(textOf(field(fact, 'title'))))}</th><td>${escapeHtml(unescaped(textOf(field(fact, 'value'))))}</td></tr>`)
        : [];
      return `<table>${rows.join('')}</table>`;
    }
    case 'Container': {
      const items = field(value, 'items');
      const style = textOf(field(value, 'style')).replace(/[^a-z]/gi, '');
      return `<div class="container ${style}">${Array.isArray(items) ? items.map(element).join('') : ''}</div>`;
    }
    default:
      return `<p class="unknown">(${escapeHtml(textOf(field(value, 'type')) || 'unknown element')})</p>`;
  }
}

function action(value: Json): string {
  const url = textOf(field(value, 'url'));
  const title = escapeHtml(textOf(field(value, 'title')));
  return isWebLink(url) ? `<a class="button" href="${escapeHtml(url)}" rel="noreferrer">${title}</a>` : `<span class="button">${title}</span>`;
}

function card(post: TeamsPost): string {
  const attachments = field(post.payload, 'attachments');
  const content = Array.isArray(attachments) ? field(attachments[0], 'content') : undefined;
  const body = field(content, 'body');
  const actions = field(content, 'actions');
  return `<article class="card" data-message-id="${escapeHtml(post.messageId ?? '')}">
<p class="meta">#${String(post.sequence)} · ${escapeHtml(post.channel)} · received <time>${escapeHtml(post.receivedAt)}</time></p>
${Array.isArray(body) ? body.map(element).join('\n') : ''}
<p>${Array.isArray(actions) ? actions.map(action).join(' ') : ''}</p>
</article>`;
}

export function renderTeamsPage(posts: readonly TeamsPost[]): string {
  const newestFirst = [...posts].sort((first, second) => second.sequence - first.sequence);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Teams channels (local stand-in)</title>
<style>
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; background: #f5f5f5; margin: 24px; color: #242424; }
.card { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.15); padding: 12px 16px; margin: 0 0 16px; max-width: 640px; }
.meta { color: #616161; font-size: 12px; }
.container { padding: 4px 12px; border-radius: 4px; }
.attention { background: #fde7e9; } .warning { background: #fff4ce; } .good { background: #dff6dd; } .accent { background: #e8ebfa; }
table { border-collapse: collapse; } th { text-align: left; padding: 2px 16px 2px 0; vertical-align: top; } td { padding: 2px 0; }
.button { display: inline-block; background: #5b5fc7; color: #fff; padding: 6px 14px; border-radius: 4px; text-decoration: none; }
</style>
</head>
<body>
<h1>Teams channels (local stand-in)</h1>
${newestFirst.length === 0 ? '<p>No cards yet.</p>' : newestFirst.map(card).join('\n')}
</body>
</html>`;
}
