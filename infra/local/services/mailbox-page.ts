/**
 * The mailbox web page of the email stand-in: every stored message, newest first, with its plain
 * text and its HTML. Message HTML is untrusted: it is rendered only inside a fully sandboxed iframe
 * (`sandbox=""`: no scripts, no forms, no same-origin) through an escaped `srcdoc`, and the page's
 * Content-Security-Policy forbids scripts everywhere as a second wall.
 */
import type { EmailAddress, StoredEmail } from './email-schemas';

export const MAILBOX_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self' about:; base-uri 'none'; form-action 'none'";

/** Escapes text for use in HTML content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function addresses(list: readonly EmailAddress[]): string {
  return list.map((entry) => (entry.displayName ? `${entry.displayName} <${entry.address}>` : entry.address)).join(', ');
}

/** Reply-To and the threading headers, so a conversation can be followed from the page. */
function headerMeta(message: StoredEmail): string {
  const lines = [
    ...(message.replyTo.length > 0 ? [`reply-to: ${addresses(message.replyTo)}`] : []),
    ...Object.entries(message.headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return lines.map((line) => `<br>${escapeHtml(line)}`).join('');
}

function renderMessage(message: StoredEmail): string {
  const recipients = [
    `to: ${addresses(message.to)}`,
    message.cc.length > 0 ? `cc: ${addresses(message.cc)}` : '',
    message.bcc.length > 0 ? `bcc: ${addresses(message.bcc)}` : '',
  ].filter((line) => line !== '');
  const html =
    message.html === undefined
      ? ''
      : `<iframe class="html" sandbox="" referrerpolicy="no-referrer" title="HTML body of ${escapeHtml(message.subject)}" srcdoc="${escapeHtml(message.html)}"></iframe>`;
  const text = message.plainText === undefined ? '' : `<pre class="text">${escapeHtml(message.plainText)}</pre>`;
  return `<article class="message" data-operation-id="${escapeHtml(message.operationId)}">
<h2>${escapeHtml(message.subject)}</h2>
<p class="meta">from: ${escapeHtml(message.senderAddress)}<br>${recipients.map(escapeHtml).join('<br>')}<br>stored: <time>${escapeHtml(message.storedAt)}</time>${headerMeta(message)}</p>
${html}
${text}
</article>`;
}

export function renderMailboxPage(messages: readonly StoredEmail[]): string {
  const newestFirst = [...messages].sort((a, b) => b.sequence - a.sequence);
  const body = newestFirst.length === 0 ? '<p>No messages.</p>' : newestFirst.map(renderMessage).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Baton local mailbox (${newestFirst.length})</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; }
article { border: 1px solid #ccc; border-radius: 6px; padding: 0 1rem 1rem; margin-bottom: 1.5rem; }
.meta { color: #555; font-size: 0.9rem; }
iframe.html { width: 100%; height: 18rem; border: 1px solid #ddd; }
pre.text { white-space: pre-wrap; background: #f6f6f6; padding: 0.75rem; }
</style>
</head>
<body>
<h1>Baton local mailbox</h1>
<p>${newestFirst.length} message(s), newest first. JSON: <code>GET /messages?to=ADDRESS</code>.</p>
${body}
</body>
</html>`;
}
